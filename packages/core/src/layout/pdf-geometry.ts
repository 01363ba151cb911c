/**
 * From the text runs of a PDF page to the layout model: runs → words (split where pdftotext
 * would: at spaces and gaps, and where a run starts back over the one before) → lines (by
 * baseline) → blocks (lines of one size, in one column, that touch vertically).
 *
 * Pure geometry: no pdf.js here, so it is tested with hand-made runs. All coordinates are PDF
 * points with y growing downwards (the reader flips them).
 */
import type { Box, LayoutBlock, LayoutLine, LayoutWord, SourceRef } from "./model.js";

/** One text run as the PDF draws it: a string set from one point in one font. */
export interface TextRun {
  /** The run's text, look-alike glyphs already mapped back. */
  text: string;
  /** Start of the baseline (top-down coordinates). */
  x: number;
  y: number;
  /** Font size in points (the scale of the run's text matrix). */
  size: number;
  /** Advance of the whole run along its direction, in points. */
  advance: number;
  /**
   * `horizontal`: left to right; `down`: top to bottom (rotated text or a vertical font);
   * `other`: any other direction, read glyph by glyph in string order.
   */
  direction: "horizontal" | "down" | "other";
  /** Unit vector of the run's direction, for `other` (top-down coordinates). */
  dx?: number;
  dy?: number;
  /** A space drawn before this run (a whitespace-only run the PDF put in between). */
  spaceBefore?: boolean;
}

/**
 * Share of the font size above the baseline that a line box takes. CJK faces set the ideographic
 * em box 0.88 above and 0.12 below the baseline; with their accents and descenders a line box is
 * about 1.05 em tall, as pdftotext measures it (the word boxes of ALTO and hOCR made from PDFs),
 * and the layout assembly reads gaps against that height.
 */
const ASCENT = 0.9;
/** Share of the font size below the baseline (see {@link ASCENT}). */
const DESCENT = 0.15;
/**
 * A horizontal gap wider than this share of the font size separates words, and the dump shows a
 * space there; pdftotext's own threshold (`minWordBreakSpace`) is 0.1 em.
 */
const WORD_GAP = 0.1;
/**
 * Between two full-width characters a gap must be wider to be a space: justified Chinese lines
 * spread their glyphs up to about 0.1 em apart (pdf.js reports those gaps as spaces, pdftotext
 * does not), while spaces set on purpose (`责任编辑 崔怡`, `2022年6月1日 星期三`) are 0.2 em and more.
 */
const CJK_WORD_GAP = 0.15;
/**
 * With a single gap on a line there is no spacing to compare it with: between full-width
 * characters it is a space only when this wide (a label `简 讯` is set 1 em apart, a letter-spaced
 * page name `要 闻` 0.3 em).
 */
const LONE_CJK_WORD_GAP = 0.5;
/**
 * A run starting this far (in em) back over the end of the previous one starts a new word with no
 * space: full-width punctuation is set half-width that way (`家。` then `“企业`), and pdftotext
 * breaks the word there too.
 */
const WORD_OVERLAP = 0.25;
/**
 * Gap (in em) beyond which a run on the same baseline belongs to another line (a neighbouring
 * column): newspaper columns stand about 2 em apart, running heads space their parts up to 2 em.
 */
const LINE_GAP = 3;
/** Runs whose baselines differ by less than this share of the font size are on one line. */
const BASELINE_TOLERANCE = 0.3;
/** A run starting this far (in em) back left of the line's end starts a new line. */
const LINE_BACKTRACK = 1;
/**
 * Largest gap (in em) between a block's last line and the next line of that block. Body lines
 * stand 0.5–0.7 em apart; a subhead or a new story leaves more.
 */
const BLOCK_GAP = 1;
/** Lines of a block have font sizes within this share of each other. */
const SIZE_TOLERANCE = 0.05;
/**
 * A line joins a block when it overlaps the block's width by this share of the narrower one, or
 * by one em (a short byline set flush left above indented text); neighbouring columns never overlap.
 */
const COLUMN_OVERLAP = 0.5;
/** Stacked one-glyph lines count as vertical text when this close in x (em) … */
const STACK_X_TOLERANCE = 0.25;
/** … and when each glyph starts at most this far (em) below the one above. */
const STACK_PITCH = 1.6;

/** A piece of a run: one word's worth of text with its box. */
interface Piece {
  text: string;
  box: Box;
  baseline: number;
  size: number;
  spaceBefore: boolean;
  vertical: boolean;
}

/** A line being built. */
interface DraftLine {
  words: LayoutWord[];
  box: Box;
  baseline: number;
  /** Characters per font size, for the line's dominant size. */
  sizes: Map<number, number>;
  vertical: boolean;
}

const WHITESPACE = /\s+/u;
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u2014\u2015\u2026\u201c\u201d\u2018\u2019]|[\u{20000}-\u{3fffd}]/u;

/** Width of a character in em units, as a font typically sets it (for boxes inside a run). */
function emWidth(ch: string): number {
  return FULL_WIDTH.test(ch) ? 1 : 0.5;
}

/**
 * How wide each character of a run is drawn. A CJK font sets full-width characters one em wide,
 * so they take the font size each and the other characters share the rest of the run's advance;
 * when that does not add up (a condensed or spaced font), every character is scaled alike.
 */
function charWidths(chars: readonly string[], size: number, advance: number): (ch: string) => number {
  let fullWidth = 0;
  for (const ch of chars) if (!WHITESPACE.test(ch) && FULL_WIDTH.test(ch)) fullWidth++;
  const others = chars.length - fullWidth;
  const rest = advance - fullWidth * size;
  if (others > 0 && rest > 0 && rest / others <= size) {
    const other = rest / others;
    return (ch) => (!WHITESPACE.test(ch) && FULL_WIDTH.test(ch) ? size : other);
  }
  const totalEm = chars.reduce((n, ch) => n + (WHITESPACE.test(ch) ? 0.5 : emWidth(ch)), 0);
  const perEm = totalEm > 0 ? advance / totalEm : size;
  return (ch) => (WHITESPACE.test(ch) ? 0.5 : emWidth(ch)) * perEm;
}

/**
 * Reads the runs of one page into blocks of lines of words.
 * @param runs the page's text runs in the order the PDF draws them
 * @param source where every element came from (for PDF: the page)
 * @param blockIdPrefix prefix of the generated block ids, e.g. `p1-`
 * @returns blocks in the order their first line is drawn
 */
export function layoutRuns(runs: readonly TextRun[], source: SourceRef, blockIdPrefix: string): LayoutBlock[] {
  const pieces = runs.flatMap(piecesOf);
  const lines = buildLines(pieces, source);
  markStacks(lines);
  return buildBlocks(lines, source, blockIdPrefix);
}

/** Splits a run at whitespace into pieces with estimated boxes; vertical runs into glyphs. */
function piecesOf(run: TextRun): Piece[] {
  const chars = [...run.text];
  if (chars.length === 0) return [];
  const widthOf = charWidths(chars, run.size, run.advance);
  const pieces: Piece[] = [];
  if (run.direction !== "horizontal") {
    // one glyph per line, in string order, each a step further along the run's direction
    const dx = run.direction === "down" ? 0 : (run.dx ?? 0);
    const dy = run.direction === "down" ? 1 : (run.dy ?? 1);
    const step = chars.length > 0 ? run.advance / chars.length : run.size;
    chars.forEach((ch, i) => {
      if (WHITESPACE.test(ch)) return;
      const cx = run.x + dx * step * i;
      const cy = run.y + dy * step * i;
      // a glyph of a vertical run: a square of the font size around its point on the run
      const half = run.size / 2;
      const box: Box = [cx - half, cy - (run.direction === "down" ? 0 : half), cx + half, cy + (run.direction === "down" ? run.size : half)];
      pieces.push({ text: ch, box, baseline: box[3], size: run.size, spaceBefore: false, vertical: true });
    });
    return pieces;
  }
  let x = run.x;
  let word = "";
  let wordStart = x;
  let spaceBefore = run.spaceBefore === true;
  const top = run.y - ASCENT * run.size;
  const bottom = run.y + DESCENT * run.size;
  const flush = () => {
    if (word === "") return;
    pieces.push({ text: word, box: [wordStart, top, x, bottom], baseline: run.y, size: run.size, spaceBefore, vertical: false });
    word = "";
    spaceBefore = false;
  };
  for (const ch of chars) {
    if (WHITESPACE.test(ch)) {
      flush();
      spaceBefore = true;
      x += widthOf(ch);
      continue;
    }
    if (word === "") wordStart = x;
    word += ch;
    x += widthOf(ch);
  }
  flush();
  return pieces;
}

/** Groups pieces into lines, in drawing order: same baseline, near enough, not going back. */
function buildLines(pieces: readonly Piece[], source: SourceRef): DraftLine[] {
  const groups: { pieces: Piece[]; box: Box; baseline: number; size: number }[] = [];
  let group: (typeof groups)[number] | null = null;
  for (const piece of pieces) {
    const size = piece.size;
    const sameLine =
      group !== null &&
      !piece.vertical &&
      !group.pieces[0]!.vertical &&
      Math.abs(piece.baseline - group.baseline) <= BASELINE_TOLERANCE * Math.max(size, group.size) &&
      piece.box[0] >= group.box[2] - LINE_BACKTRACK * size &&
      piece.box[0] - group.box[2] <= LINE_GAP * size;
    if (sameLine && group !== null) {
      group.pieces.push(piece);
      group.box = union(group.box, piece.box);
    } else {
      group = { pieces: [piece], box: [...piece.box], baseline: piece.baseline, size };
      groups.push(group);
    }
  }
  return groups.map((g) => lineOf(g.pieces, g.box, g.baseline, source));
}

/**
 * Makes a line of its pieces, joining them into words. A gap is a space when it is wider than
 * the line's narrowest gap between characters by {@link WORD_GAP} (or {@link CJK_WORD_GAP}
 * between full-width characters): glyphs spread evenly across a justified or letter-spaced
 * line (`守 护 家 园`) are one word, as pdftotext prints them.
 */
function lineOf(pieces: readonly Piece[], box: Box, baseline: number, source: SourceRef): DraftLine {
  // the narrowest gap between characters: inside pieces (the spacing of their full-width glyphs), and between them
  let narrowest = Infinity;
  for (const piece of pieces) narrowest = Math.min(narrowest, innerSpacing(piece));
  for (let i = 1; i < pieces.length; i++) narrowest = Math.min(narrowest, Math.max(0, pieces[i]!.box[0] - pieces[i - 1]!.box[2]));
  // one gap and nothing to compare it with: only a wide gap is a space (`简 讯`, not `要 闻`)
  const lone = pieces.length === 2 && !Number.isFinite(innerSpacing(pieces[0]!)) && !Number.isFinite(innerSpacing(pieces[1]!));
  if (lone || !Number.isFinite(narrowest)) narrowest = 0;
  const first = pieces[0]!;
  const line: DraftLine = { words: [wordOf(first, false, source)], box, baseline, sizes: new Map(), vertical: first.vertical };
  pieces.forEach((piece, i) => {
    const key = round2(piece.size);
    line.sizes.set(key, (line.sizes.get(key) ?? 0) + [...piece.text].length);
    if (i === 0) return;
    const last = line.words[line.words.length - 1]!;
    const gap = piece.box[0] - last.box[2];
    const bothFullWidth = FULL_WIDTH.test(lastChar(last.text)) && FULL_WIDTH.test(firstChar(piece.text));
    const threshold = bothFullWidth ? (lone ? LONE_CJK_WORD_GAP : CJK_WORD_GAP) : WORD_GAP;
    const space = gap - narrowest > threshold * piece.size;
    if (!space && gap <= WORD_GAP * piece.size && gap >= -WORD_OVERLAP * piece.size) {
      last.text += piece.text;
      last.box = union(last.box, piece.box);
    } else {
      line.words.push(wordOf(piece, space, source));
    }
  });
  return line;
}

/**
 * Spacing between the glyphs of a piece: 0 when it has other than full-width characters (their
 * widths are not known), the even spread of its full-width glyphs otherwise, and Infinity for a
 * piece of one character (it has no gap inside).
 */
function innerSpacing(piece: Piece): number {
  const chars = [...piece.text];
  if (chars.length < 2) return Infinity;
  if (!chars.every((ch) => FULL_WIDTH.test(ch))) return 0;
  return Math.max(0, (piece.box[2] - piece.box[0] - chars.length * piece.size) / (chars.length - 1));
}

function firstChar(text: string): string {
  return [...text][0] ?? "";
}

function lastChar(text: string): string {
  return [...text].pop() ?? "";
}

function wordOf(piece: Piece, spaceBefore: boolean, source: SourceRef): LayoutWord {
  return { text: piece.text, box: [...piece.box], spaceBefore, source: { ...source } };
}

/**
 * Marks runs of stacked one-glyph lines as vertical text: at least two consecutive lines of one
 * glyph each, in one x position, each just below the one before (how browsers and typesetters
 * draw a vertical headline with upright glyphs).
 */
function markStacks(lines: DraftLine[]): void {
  const isGlyph = (l: DraftLine) => l.words.length === 1 && [...l.words[0]!.text].length === 1;
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j + 1 < lines.length && isGlyph(lines[j]!) && isGlyph(lines[j + 1]!) && stacked(lines[j]!, lines[j + 1]!)) j++;
    if (j > i) for (let k = i; k <= j; k++) lines[k]!.vertical = true;
    i = j + 1;
  }
}

function stacked(above: DraftLine, below: DraftLine): boolean {
  const size = dominantSize(above);
  return (
    Math.abs(below.box[0] - above.box[0]) <= STACK_X_TOLERANCE * size &&
    below.box[1] > above.box[1] &&
    below.box[1] - above.box[1] <= STACK_PITCH * size
  );
}

/** Groups lines into blocks: a line joins the open block whose last line touches it from above. */
function buildBlocks(lines: readonly DraftLine[], source: SourceRef, idPrefix: string): LayoutBlock[] {
  const blocks: { lines: DraftLine[]; box: Box; size: number; vertical: boolean }[] = [];
  for (const line of lines) {
    const size = dominantSize(line);
    let best: (typeof blocks)[number] | null = null;
    let bestGap = Infinity;
    for (const block of blocks) {
      if (block.vertical !== line.vertical) continue;
      if (Math.abs(block.size - size) > SIZE_TOLERANCE * Math.max(block.size, size)) continue;
      const lastLine = block.lines[block.lines.length - 1]!;
      const gap = line.box[1] - lastLine.box[3];
      if (gap < -BASELINE_TOLERANCE * size || gap > BLOCK_GAP * size) continue;
      if (!line.vertical && line.baseline <= lastLine.baseline) continue;
      const overlap = Math.min(block.box[2], line.box[2]) - Math.max(block.box[0], line.box[0]);
      const narrower = Math.min(block.box[2] - block.box[0], line.box[2] - line.box[0]);
      if (overlap < Math.min(COLUMN_OVERLAP * narrower, size)) continue;
      if (gap < bestGap) {
        best = block;
        bestGap = gap;
      }
    }
    if (best === null) {
      blocks.push({ lines: [line], box: [...line.box], size, vertical: line.vertical });
    } else {
      best.lines.push(line);
      best.box = union(best.box, line.box);
    }
  }
  return blocks.map((block, i) => ({
    id: `${idPrefix}b${i + 1}`,
    lines: block.lines.map((l) => toLayoutLine(l, source)),
    box: roundBox(block.box),
    source: { ...source },
  }));
}

function toLayoutLine(line: DraftLine, source: SourceRef): LayoutLine {
  return {
    words: line.words.map((w) => ({ ...w, box: roundBox(w.box) })),
    box: roundBox(line.box),
    fontSize: dominantSize(line),
    vertical: line.vertical,
    source: { ...source },
  };
}

/** The font size most of the line's characters are set in. */
function dominantSize(line: DraftLine): number {
  let best = 0;
  let count = -1;
  for (const [size, n] of line.sizes) {
    if (n > count) {
      best = size;
      count = n;
    }
  }
  return best;
}

function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function roundBox(box: Box): Box {
  return [round2(box[0]), round2(box[1]), round2(box[2]), round2(box[3])];
}
