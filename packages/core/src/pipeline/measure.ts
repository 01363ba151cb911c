/** Measurements of units: column width, paragraph starts and open ends. */
import { endsSentence } from "../text/chars.js";
import { type Line, opensDateline } from "./lines.js";
import { trailingByline } from "./inline.js";
import { JUMP_LINE, mayEndWithJump } from "./patterns.js";
import type { Unit } from "./units.js";

/** Share of a unit's lines that are full column width, at the least (the rest: paragraph ends, indents). */
const WIDE_HALF = 0.5;
/** A first line this much narrower than the column (ems) had a 2-character indent. */
export const INDENT_MIN = 1.5;
/** Widths wobble by about ±1 em (compressed or hung punctuation); this is the tolerance. */
export const WIDTH_WOBBLE = 1;
/** A first line indented by about 2 ems is at most this much narrower than the column. */
export const INDENT_MAX = 2.5 + WIDTH_WOBBLE;

/**
 * The column width of a unit: the median of its wider half of lines, robust both to short
 * lines (paragraph ends, indents) and to a line made wide by uncompressed punctuation.
 */
export function columnWidth(lines: readonly Line[]): number {
  return columnWidthOf(lines, 0, lines.length);
}

/** {@link columnWidth} of `lines[from..to)`, without copying the range out. */
export function columnWidthOf(lines: readonly Line[], from: number, to: number): number {
  const n = to - from;
  if (n < 3) return n <= 0 ? 0 : n === 1 ? lines[from]!.width : Math.max(lines[from]!.width, lines[from + 1]!.width);
  // widths sorted in a reused typed array: called for every unit and window, it must not allocate
  if (widthScratch.length < n) widthScratch = new Float64Array(Math.max(n, 2 * widthScratch.length));
  const widths = widthScratch;
  if (n <= INSERTION_SORT_MAX) {
    // a window or a short unit: an insertion sort in place costs less than a typed-array view and its sort
    for (let i = 0; i < n; i++) {
      const w = lines[from + i]!.width;
      let j = i;
      for (; j > 0 && widths[j - 1]! > w; j--) widths[j] = widths[j - 1]!;
      widths[j] = w;
    }
    return widths[n - 1 - Math.floor(Math.ceil(n * WIDE_HALF) / 2)]!;
  }
  for (let i = 0; i < n; i++) widths[i] = lines[from + i]!.width;
  const ascending = widths.subarray(0, n).sort();
  // the median of the wider half
  return ascending[n - 1 - Math.floor(Math.ceil(n * WIDE_HALF) / 2)]!;
}

let widthScratch = new Float64Array(64);
/** Up to this many widths are sorted by insertion (the 7-line windows of paragraphs, most units). */
const INSERTION_SORT_MAX = 16;

/** A first line opening with a quote, a bracket or a list number starts a paragraph, mostly. */
export const PARAGRAPH_OPENER = /^[“「『（(【]|^[一二三四五六七八九十]+、|^\d+[.、]/u;

/** True when the first line of the unit starts a paragraph (indent, dateline, quote, list item). */
export function startsParagraph(unit: Unit): boolean {
  const first = unit.lines[0];
  if (!first) return false;
  if (unit.lines.length === 1) return true;
  if (opensDateline(first) || PARAGRAPH_OPENER.test(first.text)) return true;
  return isIndented(unit);
}

/**
 * True when the unit's first line ends a sentence and is short by about an indent: a one-line
 * paragraph set indented, or the last line of a paragraph begun in another column
 * (`成17.6万人核酸采样。` after `…并完`). Only the text before it can tell.
 */
export function closesSentenceAtIndent(unit: Unit): boolean {
  const first = unit.lines[0];
  if (!first || unit.lines.length === 1 || !endsSentence(first.text)) return false;
  const shortBy = columnWidth(unit.lines) - first.width;
  return shortBy >= INDENT_MIN && shortBy <= INDENT_MAX;
}

/** True when the unit's first line is indented from its column (a unit of several lines). */
export function isIndented(unit: Unit): boolean {
  const first = unit.lines[0];
  if (!first || unit.lines.length === 1) return false;
  const shortBy = columnWidth(unit.lines) - first.width;
  // narrower than an indent and closing a sentence: the last line of a paragraph begun in the
  // column before (`住、发展要安全。`), not the first of a new one
  if (shortBy > INDENT_MAX && endsSentence(first.text)) return false;
  return shortBy >= INDENT_MIN;
}

/**
 * True when the unit's last line stops mid-sentence (the text goes on in another box). A line
 * closed by a byline (`…安全感。 何永航`, `…勃勃。（记者 X）`) stops at the sentence before it.
 */
export function endsOpen(unit: Unit): boolean {
  const last = unit.lines[unit.lines.length - 1];
  return last !== undefined && !endsSentence(last.text) && !/[：:]$/u.test(last.text) && !endsWithJump(unit) && trailingByline(last.raw) === null;
}

/** True when the unit's last line ends with a jump line (`…（下转第3版）`): the story stops here. */
export function endsWithJump(unit: Unit): boolean {
  const last = unit.lines[unit.lines.length - 1];
  return last !== undefined && mayEndWithJump(last.text) && JUMP_LINE.test(last.text);
}

/** Column widths of two runs of one story differ by at most this (ems). */
export const SAME_COLUMN = 1.5;

/** Fewer lines than this give no reliable column width. */
export const MIN_LINES_FOR_WIDTH = 2;

/** Two runs with reliable widths this close (ems) are set in the very same column width. */
export const EXACT_COLUMN = 0.5;

/** How much the column widths of two units differ (ems), or null when either has too few lines to tell. */
export function columnWidthGap(a: Unit, b: Unit): number | null {
  if (a.lines.length < MIN_LINES_FOR_WIDTH || b.lines.length < MIN_LINES_FOR_WIDTH) return null;
  return Math.abs(unitColumnWidth(a) - unitColumnWidth(b));
}

/** A unit of this many lines has a reliable median column width; a shorter one is measured by its widest line. */
const MIN_LINES_FOR_MEDIAN = 4;

/**
 * The column width of a unit. Text cut at a column's foot or starting at its head runs the full
 * width, so even a unit of two or three lines shows its column in its widest line (a median of so
 * few lines would take a paragraph's short last line for the column).
 */
export function unitColumnWidth(unit: Unit): number {
  let width = measuredWidth.get(unit.lines);
  if (width === undefined) {
    width = unit.lines.length >= MIN_LINES_FOR_MEDIAN ? columnWidth(unit.lines) : widestLine(unit.lines);
    measuredWidth.set(unit.lines, width);
  }
  return width;
}

/**
 * Column widths already measured, by the unit's array of lines (the links and the flow ask for
 * the same units' widths many times). A unit replaces its array, never changes it, when its lines
 * change, so an entry never goes stale.
 */
const measuredWidth = new WeakMap<readonly Line[], number>();

function widestLine(lines: readonly Line[]): number {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, line.width);
  return widest;
}

/** True unless both units have a reliable column width and the widths differ. */
export const isSameColumnGap = (gap: number | null): boolean => gap === null || gap <= SAME_COLUMN + WIDTH_WOBBLE;
/** True unless both units have a reliable column width and the widths differ. */
export const sameColumnWidth = (a: Unit, b: Unit): boolean => isSameColumnGap(columnWidthGap(a, b));

/** A story that so far is one line continues only into a column about as wide as that line. */
export function lineFitsColumn(tail: Unit, unit: Unit): boolean {
  if (tail.lines.length !== 1 || unit.lines.length < MIN_LINES_FOR_WIDTH) return true;
  return Math.abs(tail.lines[0]!.width - columnWidth(unit.lines)) <= SAME_COLUMN + WIDTH_WOBBLE;
}
