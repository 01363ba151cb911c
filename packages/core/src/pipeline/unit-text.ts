/** Text of a unit as a heading: lines joined, spaces normalised. */
import { joinWrappedLines, normalizeHeading } from "../text/normalize.js";
import { collapseSpaces } from "./byline.js";
import { wordAcross } from "./junction.js";
import type { Line } from "./lines.js";
import type { Unit } from "./units.js";

/** The heading text of a unit: a vertical headline's glyphs in order, or its lines joined. */
export function unitHeadingText(unit: Unit): string {
  if (unit.kind === "vertical") return unit.lines.map((l, k) => (k > 0 && l.phraseBreakBefore === true ? ` ${l.text}` : l.text)).join("");
  let text = headingTextOf.get(unit.lines);
  if (text === undefined) {
    text = joinedHeadingText(unit.lines);
    headingTextOf.set(unit.lines, text);
  }
  return text;
}

/**
 * Heading texts already made, by the unit's array of lines: the stages that give headings to
 * stories ask for the text of each heading many times. Keyed by the array, which a unit replaces
 * (never changes) when its lines change, so an entry never goes stale.
 */
const headingTextOf = new WeakMap<readonly Line[], string>();

function joinedHeadingText(lines: readonly Line[]): string {
  if (isParallelHeading(lines)) return normalizeHeading(lines.map((l) => l.text).join(" "));
  return normalizeHeading(joinWrappedLines(lines.map((l) => collapseSpaces(l.raw))));
}

/**
 * Phrases of a parallel headline (对仗: `闻令动 显真情 铸忠诚`, `展现积极姿态 迅速扭转预期`) run
 * three to six characters; longer equal lines are a headline wrapped at its box's width, and lines
 * of one or two characters a narrow column's wrap.
 */
const PARALLEL_PHRASE_CHARS = { min: 3, max: 6 };
/** A parallel headline has two to four phrases. */
export const PARALLEL_MAX_PHRASES = 4;
/** Only ideographs: a phrase of a parallel headline has no punctuation, digits or Latin letters. */
const IDEOGRAPHS_ONLY = /^\p{Script=Han}+$/u;

/**
 * True for a heading printed as parallel phrases, one per line: lines of the same few ideographs
 * each, with no common word running across a line break (`恢复小区出` / `入公交运营` is one wrapped
 * phrase). Such lines are joined with a space, as the headline is written.
 */
export function isParallelHeading(lines: readonly Line[]): boolean {
  if (!areParallelPhrases(lines.map((l) => l.text))) return false;
  for (let i = 1; i < lines.length; i++) if (wordAcross(lines[i - 1]!.text, lines[i]!.text)) return false;
  return true;
}

/** True for two to four phrases of the same few ideographs each (`闻令动` `显真情` `铸忠诚`). */
export function areParallelPhrases(phrases: readonly string[]): boolean {
  if (phrases.length < 2 || phrases.length > PARALLEL_MAX_PHRASES) return false;
  const length = phrases[0]!.length;
  if (length < PARALLEL_PHRASE_CHARS.min || length > PARALLEL_PHRASE_CHARS.max) return false;
  return phrases.every((text) => text.length === length && IDEOGRAPHS_ONLY.test(text));
}

/** The unit's lines as printed, spaces collapsed, one string (for bylines and credits). */
export function unitRawText(unit: Unit): string {
  return unit.lines.map((l) => collapseSpaces(l.raw)).join(" ");
}
