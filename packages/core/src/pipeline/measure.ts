/** Measurements of units: column width, paragraph starts and open ends. */
import { endsSentence } from "../text/chars.js";
import type { Line } from "./lines.js";
import { DATELINE, JUMP_LINE } from "./patterns.js";
import type { Unit } from "./units.js";

/** Share of a unit's lines that are full column width, at the least (the rest: paragraph ends, indents). */
const WIDE_HALF = 0.5;
/** A first line this much narrower than the column (ems) had a 2-character indent. */
export const INDENT_MIN = 1.5;
/** Widths wobble by about ±1 em (compressed or hung punctuation); this is the tolerance. */
export const WIDTH_WOBBLE = 1;

/**
 * The column width of a unit: the median of its wider half of lines, robust both to short
 * lines (paragraph ends, indents) and to a line made wide by uncompressed punctuation.
 */
export function columnWidth(lines: readonly Line[]): number {
  const widths = lines.map((l) => l.width).sort((a, b) => b - a);
  if (widths.length < 3) return widths[0] ?? 0;
  const wide = widths.slice(0, Math.ceil(widths.length * WIDE_HALF));
  return wide[Math.floor(wide.length / 2)] ?? widths[0] ?? 0;
}

/** True when the first line of the unit starts a paragraph (indent, dateline, quote, list item). */
export function startsParagraph(unit: Unit): boolean {
  const first = unit.lines[0];
  if (!first) return false;
  if (unit.lines.length === 1) return true;
  if (DATELINE.test(first.text) || /^[“「『（(【]|^[一二三四五六七八九十]+、|^\d+[.、]/u.test(first.text)) return true;
  return first.width <= columnWidth(unit.lines) - INDENT_MIN;
}

/** True when the unit's last line stops mid-sentence (the text goes on in another box). */
export function endsOpen(unit: Unit): boolean {
  const last = unit.lines[unit.lines.length - 1];
  return last !== undefined && !endsSentence(last.text) && !/[：:]$/u.test(last.text) && !endsWithJump(unit);
}

/** True when the unit's last line ends with a jump line (`…（下转第3版）`): the story stops here. */
export function endsWithJump(unit: Unit): boolean {
  const last = unit.lines[unit.lines.length - 1];
  return last !== undefined && JUMP_LINE.test(last.text);
}
