/**
 * Stage 5: a story's lines → paragraphs. Paragraph breaks are recovered from the shape of
 * the lines: a short last line that ends a sentence, or the lost 2-character indent of the
 * next line. Blank lines are ignored (they mark text boxes, not paragraphs).
 */
import { endsSentence } from "../text/chars.js";
import type { StoryItem } from "./flow.js";
import type { Line } from "./lines.js";
import { columnWidth, endsOpen, INDENT_MIN, startsParagraph, WIDTH_WOBBLE } from "./measure.js";

/** A paragraph as lines of the source, each with the part of its raw text that belongs here. */
export interface DraftParagraph {
  role: "body" | "subhead";
  pieces: { line: Line; raw: string }[];
}

/** A first line is indented by about 2 ems: at most this much narrower than the column. */
const INDENT_MAX = 2.5 + WIDTH_WOBBLE;

/** True when a paragraph ends after line `i` of a unit whose column is `width` ems. */
function breaksAfter(lines: readonly Line[], i: number, width: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next) return true;
  const closed = endsSentence(line.text);
  if (closed && line.width <= width - WIDTH_WOBBLE) return true;
  const indent = width - next.width;
  if (closed && indent >= INDENT_MIN && indent <= INDENT_MAX) return true;
  return false;
}

/**
 * Splits a story into paragraphs. Between two body units the paragraph goes on when the
 * first stops mid-sentence or the second does not start a paragraph.
 */
export function buildParagraphs(items: readonly StoryItem[]): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  let open: DraftParagraph | null = null;
  let prevUnitOpen = false;
  for (const item of items) {
    if (item.role === "subhead") {
      out.push({ role: "subhead", pieces: item.unit.lines.map((line) => ({ line, raw: line.raw })) });
      open = null;
      continue;
    }
    const lines = item.unit.lines;
    const width = columnWidth(lines);
    const continues = open !== null && (prevUnitOpen || !startsParagraph(item.unit));
    if (!continues) open = null;
    lines.forEach((line, i) => {
      if (open === null) {
        open = { role: "body", pieces: [] };
        out.push(open);
      }
      open.pieces.push({ line, raw: line.raw });
      if (i < lines.length - 1 && breaksAfter(lines, i, width)) open = null;
    });
    const last = lines[lines.length - 1]!;
    prevUnitOpen = endsOpen(item.unit);
    // a unit that ends a sentence on a short line closes its paragraph
    if (!prevUnitOpen && last.width <= width - WIDTH_WOBBLE) open = null;
  }
  return out;
}
