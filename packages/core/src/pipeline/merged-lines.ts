/**
 * Lines that pdftotext printed across two or more columns: a line opening a story's dateline
 * together with the line of the column beside it (`本报讯（记者 王闲乐）前 费；薛某某…`), cut at the
 * gutter, each piece given the column block whose text it runs on into.
 */
import { displayWidth } from "../text/chars.js";
import { removeExtractorSpaces } from "../text/normalize.js";
import type { Junction } from "./junction.js";
import { type Line, nextSpace, opensDateline, subLine } from "./lines.js";

/** A block of text of a column has at least this many lines (fewer: a heading, a label, a jump line). */
const MIN_COLUMN_BLOCK_LINES = 3;

/** True for a block of a column's text: a few lines, as wide as a column (a vertical headline's glyph stack is not). */
function isColumnBlock(block: readonly Line[]): boolean {
  return block.length >= MIN_COLUMN_BLOCK_LINES && medianWidth(block) >= MIN_MERGED_COLUMN_EMS;
}

/** The column blocks after line `at`, in order (blank lines part blocks). */
function* columnBlocksFrom(lines: readonly Line[], at: number): Generator<Line[]> {
  let block: Line[] = [];
  for (let i = at + 1; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && !line.blank) {
      block.push(line);
      continue;
    }
    if (isColumnBlock(block)) yield block;
    block = [];
  }
}

/** The first lines of the next `count` column blocks after line `at`. */
export function columnBlocksAfter(lines: readonly Line[], at: number, count: number): Line[] {
  const firsts: Line[] = [];
  for (const block of columnBlocksFrom(lines, at)) {
    if (firsts.length === count) break;
    firsts.push(block[0]!);
  }
  return firsts;
}

/**
 * Gives each half of a merged line the column it opens: pdftotext prints the columns under the
 * line one after another, so the left half opens the first column block under it and the right
 * half one of the blocks after that, the one whose first line its text runs on into (the pair
 * across the cut is one the page prints, or a word). A half is only put there on that evidence;
 * the halves that join no block are returned, to stand as units of their own.
 */
export function placeHalves(halves: readonly Line[], blockFirsts: readonly Line[], junction: Junction, heads: Map<number, Line[]>): Line[] {
  const alone: Line[] = [];
  const joins = (half: Line, first: Line) => !heads.has(first.index) && junction(half.text, first.text) > 0;
  // the left half opens the block right under it; each other half, a block after the one before it
  let from = 0;
  halves.forEach((half, k) => {
    const window = blockFirsts.slice(from, k === 0 ? 1 : undefined);
    const opened = window.findIndex((first) => joins(half, first));
    if (opened < 0) {
      alone.push(half);
      from = Math.max(from, 1);
      return;
    }
    heads.set(window[opened]!.index, [half]);
    from += opened + 1;
  });
  return alone;
}

/** A merged line is at least this many times as wide as the column under it (two columns' lines, not one). */
const MERGED_LINE_MIN_RATIO = 1.5;
/**
 * The left half of a merged line may be this many ems wider than the column under it: pdftotext
 * drops the spaces of a justified line, and a byline's brackets and spaces make it wobble.
 */
const MERGED_HALF_SLACK = 1.5;
/** The right half of a merged line holds at least this many ems (a line of another column, not a name's end). */
const MIN_MERGED_RIGHT_EMS = 3;
/** Columns narrower than this are not measured (a stack of headline glyphs, a list of names). */
const MIN_MERGED_COLUMN_EMS = 5;

/**
 * A line opening a story's dateline printed by pdftotext together with the line of the column
 * beside it (`本报讯（记者 王闲乐）前 费；薛某某在社区微信群等处发`): about twice as wide as the
 * column under it, which the story's text goes on in. It is cut at the last space that leaves the
 * left half no wider than that column (the story's first line), the rest (another column's line) the
 * right half; both keep their exact offsets. Null for any other line (the usual case).
 */
export function mergedDatelineHalves(line: Line, lines: readonly Line[], at: number): Line[] | null {
  // a line printed across columns is a box of its own: the text under it starts after a blank line
  if (!line.raw.includes(" ") || lines[at + 1]?.blank === false || !opensDateline(line)) return null;
  const column = widthBelow(lines, at);
  if (column < MIN_MERGED_COLUMN_EMS || line.width < column * MERGED_LINE_MIN_RATIO) return null;
  const raw = line.raw.trimEnd();
  let cut = -1;
  for (let k = nextSpace(raw, 0); k > 0; k = nextSpace(raw, k + 1)) {
    if (displayWidth(removeExtractorSpaces(raw.slice(0, k))) > column + MERGED_HALF_SLACK) break;
    cut = k;
  }
  if (cut < 0) return null;
  const rightStart = raw.length - raw.slice(cut).trimStart().length;
  const left = subLine(line, 0, cut);
  const right = subLine(line, rightStart, raw.length);
  if (right.width < MIN_MERGED_RIGHT_EMS || !opensDateline(left)) return null;
  return [left, ...columnPieces(line, rightStart, raw.length)];
}

/** Latin letters either side of a space: words of a Latin phrase, not two columns. */
const LATIN_AROUND_SPACE = /[A-Za-z]$/u;
const LATIN_AFTER_SPACE = /^[A-Za-z]/u;

/**
 * The right half of a merged line, `from`..`to` in its raw text, cut at each space between two runs
 * at least {@link MIN_MERGED_RIGHT_EMS} wide (pdftotext prints three or four columns' lines as one
 * as well); a space between Latin words stays.
 */
function columnPieces(line: Line, from: number, to: number): Line[] {
  const pieces: Line[] = [];
  const raw = line.raw;
  let start = from;
  for (const space of raw.slice(from, to).matchAll(/\s+/gu)) {
    const at = from + space.index;
    const before = raw.slice(start, at);
    const after = raw.slice(at + space[0].length, to);
    if (LATIN_AROUND_SPACE.test(before) && LATIN_AFTER_SPACE.test(after)) continue;
    if (displayWidth(removeExtractorSpaces(before)) < MIN_MERGED_RIGHT_EMS || displayWidth(removeExtractorSpaces(after)) < MIN_MERGED_RIGHT_EMS) continue;
    pieces.push(subLine(line, start, at));
    start = at + space[0].length;
  }
  pieces.push(subLine(line, start, to));
  return pieces;
}

/** The median width of the lines of the first column block after line `at`: the column under it (0: none). */
function widthBelow(lines: readonly Line[], at: number): number {
  for (const block of columnBlocksFrom(lines, at)) return medianWidth(block);
  return 0;
}

/** The median width of some lines. */
function medianWidth(lines: readonly Line[]): number {
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)]!;
}
