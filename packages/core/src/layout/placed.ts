/**
 * Layout lines → placed lines: pipeline {@link Line}s (text, offsets in the source, width in body
 * ems) with their box, estimated type size and block. Lines an extractor merged across a wide gap
 * (a vertical headline's glyph printed beside a horizontal heading) are cut apart first.
 */
import { collapseSpaces } from "../pipeline/byline.js";
import { markWrappedDatelines, type Line } from "../pipeline/lines.js";
import { displayWidth } from "../text/chars.js";
import { removeExtractorSpaces } from "../text/normalize.js";
import { boxHeight, boxWidth, median, unionBox } from "./geometry.js";
import type { Box, LayoutLine, LayoutPage, LayoutWord } from "./model.js";

/** A line of the page with everything the assembly measures. */
export interface PlacedLine {
  line: Line;
  box: Box;
  /** Type size in points: as the source gives it, else from the line's height (its glyphs' em) and the page's size scale. */
  size: number;
  /** True when `size` is the source's declared size (exact), false when measured from the line's height (noisy). */
  sizeDeclared: boolean;
  /** Index of its block in the page's block list. */
  block: number;
  /** Position of its block in the page's reading order (the block list order). */
  order: number;
  /** True when set vertically (the source says so). */
  vertical: boolean;
  words: LayoutWord[];
  /** Where the line is in the source file (`line.start` and `line.end` are keys, see {@link placeLines}). */
  source: { start: number; end: number; line: number };
}

/** A word gap this many line heights wide next to a single glyph splits the line (a vertical headline's glyph). */
const GLYPH_GAP = 1;
/** A word gap this many line heights wide splits any line (two columns read as one line). */
const COLUMN_GAP = 3;
/** Type size (points) assumed for body text when the source declares no size at all. */
const ASSUMED_BODY_POINTS = 10;
/** Body lines at least this many ems wide measure the page's em. */
const MIN_EM_SAMPLE = 8;

const isSingleGlyph = (w: LayoutWord) => Array.from(w.text.trim()).length === 1;

/** Cuts a line where a word gap is wide: beside a single glyph, or as wide as a column gutter. */
function splitLine(line: LayoutLine): LayoutWord[][] {
  const h = boxHeight(line.box) || 1;
  const parts: LayoutWord[][] = [];
  let current: LayoutWord[] = [];
  line.words.forEach((w, i) => {
    const prev = line.words[i - 1];
    if (prev && current.length > 0 && !line.vertical) {
      const gap = w.box[0] - prev.box[2];
      if (gap >= COLUMN_GAP * h || (gap >= GLYPH_GAP * h && (isSingleGlyph(prev) || isSingleGlyph(w)))) {
        parts.push(current);
        current = [];
      }
    }
    current.push(w);
  });
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Lines of one height this close (share) are set in one size. */
const SAME_HEIGHT = 0.03;

/** Declared sizes a point or less apart on lines of one height are a rounding of one size (hOCR's whole-point x_fsize). */
const ROUNDING_DISAGREEMENT = 1;

/**
 * True when the declared sizes are noise: two lines of one block and one height declare sizes
 * that differ by a rounding (hOCR writers round x_fsize line by line: 10.5 pt as 10 or 11).
 */
function declaredSizesConflict(page: LayoutPage): boolean {
  for (const b of page.blocks) {
    const seen = new Map<number, number>();
    for (const l of b.lines) {
      if (l.fontSize === null || l.vertical) continue;
      const key = Math.round(Math.log(Math.max(boxHeight(l.box), 1)) / Math.log(1 + SAME_HEIGHT));
      const other = seen.get(key);
      if (other !== undefined && other !== l.fontSize && Math.abs(other - l.fontSize) <= ROUNDING_DISAGREEMENT) return true;
      seen.set(key, l.fontSize);
    }
  }
  return false;
}

/** Text of words as printed: a space where the source has one. */
export function wordsRaw(words: readonly LayoutWord[]): string {
  return words.map((w, i) => (i > 0 && w.spaceBefore ? " " : "") + w.text).join("");
}

/**
 * The placed lines of a page, in the page's reading order; `line.index` follows the source
 * order with a gap between blocks, so spans never run across two blocks. `line.start` and
 * `line.end` are the index and the index + 1 (keys that work for every format, PDF included):
 * {@link placeSpans} turns the spans built from them into source offsets, page and box.
 * @returns the lines and the body em (units per em of body type) used for widths
 */
export function placeLines(page: LayoutPage): { lines: PlacedLine[]; unitsPerPoint: number } {
  const pieces: { words: LayoutWord[]; line: LayoutLine; block: number; order: number }[] = [];
  page.blocks.forEach((block, order) => {
    for (const line of block.lines) {
      for (const words of splitLine(line)) pieces.push({ words, line, block: order, order });
    }
  });
  // the size scale: units per point, from lines whose size the source gives
  const ratios = pieces.filter((p) => p.line.fontSize && !p.line.vertical).map((p) => boxHeight(p.line.box) / p.line.fontSize!);
  // without any declared size, body lines (the wide ones) are taken as 10 pt, so sizes compare in points
  const wideHeights = pieces.filter((p) => !p.line.vertical && displayWidth(wordsRaw(p.words)) >= MIN_EM_SAMPLE).map((p) => boxHeight(p.line.box));
  const unitsPerPoint = median(ratios.filter((r) => r > 0)) || median(wideHeights) / ASSUMED_BODY_POINTS || 1;
  const sizeOf = (box: Box, vertical: boolean) => (vertical ? boxWidth(box) : boxHeight(box)) / unitsPerPoint;

  const drafts = pieces.map((p) => {
    const box = p.words.length === p.line.words.length ? p.line.box : unionBox(p.words.map((w) => w.box));
    const raw = wordsRaw(p.words);
    return { ...p, box, raw, text: removeExtractorSpaces(raw), size: sizeOf(box, p.line.vertical), sizeDeclared: false };
  });
  // declared sizes are kept unless they contradict the geometry (hOCR rounds 10.5 pt to 10 or 11, line by line)
  if (!declaredSizesConflict(page)) {
    for (const d of drafts) {
      if (d.line.fontSize === null) continue;
      d.size = d.line.fontSize;
      d.sizeDeclared = true;
    }
  }
  // the em of body type: most lines are body text; their width per character is the em
  const ems = drafts.filter((d) => displayWidth(d.text) >= MIN_EM_SAMPLE && !d.line.vertical).map((d) => boxWidth(d.box) / displayWidth(d.text));
  const em = median(ems) || median(drafts.map((d) => boxHeight(d.box))) || 1;

  // source order, with a gap in the indices between blocks
  const bySource = drafts.map((d, i) => ({ i, start: d.words[0]!.source.start, block: d.block })).sort((a, b) => a.start - b.start || a.i - b.i);
  const index = new Array<number>(drafts.length);
  let next = 0;
  bySource.forEach((s, k) => {
    if (k > 0 && bySource[k - 1]!.block !== s.block) next++;
    index[s.i] = next++;
  });
  const lines = drafts.map((d, i): PlacedLine => {
    const first = d.words[0]!.source;
    const last = d.words[d.words.length - 1]!.source;
    const whole = d.words.length === d.line.words.length;
    const source = {
      start: whole ? d.line.source.start : first.start,
      end: whole ? d.line.source.end : last.end,
      line: whole ? d.line.source.line : first.line,
    };
    const line: Line = {
      index: index[i]!,
      lineNo: source.line,
      raw: d.raw,
      text: d.text,
      start: index[i]!,
      end: index[i]! + 1,
      width: boxWidth(d.box) / em,
      blank: collapseSpaces(d.raw) === "",
      leadingSpace: false,
      // every field of splitLines' lines, in its order: one shape for all lines
      wrappedDateline: false,
      datelineText: undefined,
      sentence: undefined,
    };
    return { line, box: d.box, size: d.size, sizeDeclared: d.sizeDeclared, block: d.block, order: d.order, vertical: d.line.vertical, words: d.words, source };
  });
  // a dateline wrapped in a narrow column (`新华社杭州5月21` / `日电（记者…`) is marked as in dumps, block by block
  const byBlock = new Map<number, Line[]>();
  for (const l of lines) {
    const inBlock = byBlock.get(l.block);
    if (inBlock) inBlock.push(l.line);
    else byBlock.set(l.block, [l.line]);
  }
  for (const blockLines of byBlock.values()) markWrappedDatelines(blockLines);
  return { lines, unitsPerPoint };
}
