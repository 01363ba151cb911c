/** Boxes: sizes, overlaps and unions. */
import type { Box } from "./model.js";

/**
 * A paragraph's first line starts this many ems (of the column's type) right of the column's left
 * edge: two glyphs' indent, with slack for justified spacing and measured glyph boxes.
 */
export const FIRST_LINE_INDENT_EMS = { min: 1.2, max: 3.5 };

export const boxWidth = (b: Box): number => b[2] - b[0];
export const boxHeight = (b: Box): number => b[3] - b[1];

/** Length of the horizontal overlap of two boxes (0 when apart). */
export function overlapX(a: Box, b: Box): number {
  return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
}

/** Length of the vertical overlap of two boxes (0 when apart). */
export function overlapY(a: Box, b: Box): number {
  return Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
}

/** The smallest box holding all the given boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return [0, 0, 0, 0];
  let [x0, y0, x1, y1] = boxes[0]!;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
