/**
 * Dumps printed with the page's columns side by side (`pdftotext -layout`): every line of the
 * dump holds a line of each column, far apart. Read as they are, the columns' sentences
 * interleave line by line. Here the lines are cut into their columns' pieces, the pieces joined
 * into boxes (a column's run of lines, a headline across columns), and the boxes written out one
 * after another in reading order, as an extractor that prints box by box (pdftotext without
 * `-layout`) would. The page parser reads that text; its spans are then put back onto the
 * pieces of the dump they came from.
 */
import type { Page, Span } from "./schema.js";
import { JUMP_CONTINUED_ON, JUMP_LINE, ROLE_BYLINE, ROLE_MARK } from "./pipeline/patterns.js";
import { displayWidth, endsSentence } from "./text/chars.js";

/**
 * Spaces that part two columns on a line. Inside a column, extractors print one space between
 * spaced-out characters and two inside spaced-out names (`张  骏`); between columns pdftotext
 * -layout leaves three or more (three beside a line of many digits, which print narrow).
 */
const COLUMN_GAP = 3;
/**
 * A dump is read column by column when at least this share of its lines with text hold two or
 * more pieces. Dumps printed box by box have none (0 on every page of our corpora: seed, dev,
 * pdf.js, 10 synthetic sets); pdftotext -layout dumps of the dev pages have 45–94%.
 */
const MIN_SIDE_BY_SIDE_SHARE = 0.2;
/** ...and at least this many such lines: a few table rows or a spaced signature are no columns. */
const MIN_SIDE_BY_SIDE_LINES = 5;
/**
 * A piece goes on the box of the line above it when it reaches no further right than the box's
 * widest line and this many characters: columns wobble by a character or two where narrow
 * digits and Latin letters print. Wider, it is a line of its own kind (body under a headline).
 */
const WIDER_SLACK = 3;
/**
 * A paragraph's first line is indented two ideographs (pdftotext prints 2–4 spaces). A line
 * set in from both edges of its column by more than this is centred: a subhead, a box of its own.
 */
const INDENT_SLACK = 4;
/**
 * A line set in this many characters or more from its box's left edge opens a paragraph (a
 * paragraph's two-ideograph indent; one character is the wobble of a column's edge).
 */
const MIN_INDENT = 2;
/**
 * A column whose lines are printed on rows of their own (staggered baselines) skips the rows of
 * the columns beside it: up to this many (three columns of a few lines each). Further down, a
 * piece is no longer read as the same column.
 */
const MAX_SKIPPED_LINES = 12;
/**
 * Blank rows between two rows of a large headline printed beside body text: one, where the
 * headline's line spacing is wider than the body's rows and a row of the dump stays empty.
 */
const MAX_BLANK_ROWS_IN_HEADLINE = 1;
/** Boxes a line looks back to, and pieces on a line that may resume them (a page has a handful of columns). */
const MAX_RESTING_BOXES = 16;
/**
 * A box's last line is full when it ends within this many characters of the box's right edge;
 * a line that resumes a box reaches no further past it (wider, it is a headline over the column).
 */
const FULL_SLACK = 1;
/** How a line that closes a sentence or clause ends: no headline row does. */
const CLOSED_END = /[。！？；：，、.!?;:,]\s*$/u;
/** How a salutation ends (`亲爱的市民朋友们：`). */
const FULL_WIDTH_COLON = 0xff1a;
/** How a subtitle (副题) opens: a dash of two em dashes. */
const SUBTITLE_DASH = "——";
/** How an indented line is written for the page parser: the two ideographic spaces of a paragraph indent. */
const PARAGRAPH_INDENT = "\u3000\u3000";
/**
 * A box of at most this many lines may be a heading (a headline of two lines and its subtitle):
 * a row of such boxes is read with the text under it.
 */
const MAX_HEADING_LINES = 3;
/**
 * Empty rows that part two stories one above another: pdftotext -layout prints the space around
 * the rule between them as a blank row at least. Columns of one story that merely break at the same
 * row (a subhead beside a paragraph's end) leave none.
 */
const STORY_GAP_ROWS = 1;

/**
 * Rows under a line looked at for its column going on: staggered columns print the next line of
 * a column one row further down, with another column's line between.
 */
const COLUMN_LOOKAHEAD_ROWS = 2;
/**
 * Characters between two boxes in neighbouring columns at most: the gap between columns (three or
 * more spaces) plus the room a short line leaves at its column's right edge.
 */
const NEIGHBOUR_GAP = 9;
/** Any letter or ideograph: a row of dashes or rules alone is no headline. */
const HAS_LETTER = /\p{L}/u;

/**
 * Reading order sorts the boxes again at each level of its cuts: beyond this many boxes on a
 * page (a real page has a few hundred at most) they are ordered top to bottom, left to right, so
 * no input costs much more than linear time.
 */
const MAX_ORDERED_BOXES = 2000;

/** The text of one column on one line of the dump. */
export interface Piece {
  /** Offsets of its first character and just past its last (UTF-16 units of the dump). */
  start: number;
  end: number;
  /**
   * Where it starts on its line, in characters (pdftotext -layout sets each piece at the
   * character column of its place on the page), and ends: its start and its display width in
   * ems (narrow digits and Latin letters take more characters than the room they print in).
   */
  x0: number;
  x1: number;
  /** 0-based line of the dump. */
  line: number;
}

/** A column's run of lines (or a headline's), in the order printed. */
interface Box {
  pieces: Piece[];
  x0: number;
  x1: number;
  /** Left edge of its widest lines: where a full line starts. */
  left: number;
  top: number;
  bottom: number;
  /**
   * Index of the piece that is a byline right under the box's heading lines: written as a block
   * of its own (the headline's large type and the byline's small one are two blocks on the page),
   * while the box stays one in reading order.
   */
  bylineAt?: number;
  /** Set when its one line heads the wider text under it (a deck's first line): that text goes on in it. */
  headsText?: boolean;
  /** Set when a jump line beside its last line ends its story here: it takes no piece further down. */
  ended?: boolean;
}

/** A piece of the rebuilt text and where it came from in the dump. */
interface Placed {
  /** Offset in the rebuilt text. */
  at: number;
  piece: Piece;
}

/** A dump read column by column: the text to parse, and how to put its spans back. */
export interface ColumnReading {
  /** The boxes one after another in reading order, a blank line between two. */
  text: string;
  /** Turns the spans of a Page parsed from `text` into spans of the dump (in place). */
  restoreSpans(page: Page): void;
}

/**
 * Reads a dump printed with its columns side by side, or returns null when it is not one.
 * @param input the decoded dump
 */
export function readColumns(input: string): ColumnReading | null {
  if (!printsSideBySide(input)) return null;
  const lines = piecesByLine(input);
  const boxes = orderBoxes(buildBoxes(lines, input));
  const placed: Placed[] = [];
  let text = "";
  for (const box of boxes) {
    if (text !== "") text += "\n\n";
    box.pieces.forEach((piece, k) => {
      if (k > 0) text += k === box.bylineAt ? "\n\n" : "\n";
      // a paragraph's first line keeps its indent, which says where the paragraph starts
      // (a centred line, the last of a subtitle, has none)
      if (piece.x0 - box.x0 >= MIN_INDENT && !isCentred(piece, box)) text += PARAGRAPH_INDENT;
      placed.push({ at: text.length, piece });
      text += input.slice(piece.start, piece.end);
    });
  }
  if (text !== "") text += "\n";
  return { text, restoreSpans: (page) => restoreSpans(page, placed) };
}

/**
 * A run of {@link COLUMN_GAP} gap spaces ({@link isGapSpace}): no line is parted without one. The
 * regex engine finds it (or its absence) about ten times faster than the line-by-line count below
 * (0.6 against 6 ns a character on the 1,000 pages of a year's dumps, none of which holds one).
 */
const GAP_RUN = new RegExp(`[ \\t\\r\\f\\u3000]{${COLUMN_GAP}}`, "u");

/**
 * True when enough lines of the dump hold text parted by {@link COLUMN_GAP} or more spaces. One
 * pass over the characters with nothing allocated: every dump is asked, few are such.
 */
export function printsSideBySide(input: string): boolean {
  // most dumps hold no gap wide enough anywhere: then they print no columns side by side
  if (!GAP_RUN.test(input)) return false;
  let withText = 0;
  let sideBySide = 0;
  let lineHasText = false;
  let lineParted = false;
  let spaces = 0;
  for (let i = 0; i <= input.length; i++) {
    const c = i < input.length ? input.charCodeAt(i) : 0x0a;
    if (c === 0x0a) {
      if (lineHasText) withText++;
      if (lineParted) sideBySide++;
      lineHasText = lineParted = false;
      spaces = 0;
    } else if (isGapSpace(c)) {
      spaces++;
    } else {
      if (lineHasText && spaces >= COLUMN_GAP) lineParted = true;
      lineHasText = true;
      spaces = 0;
    }
  }
  return sideBySide >= MIN_SIDE_BY_SIDE_LINES && sideBySide >= withText * MIN_SIDE_BY_SIDE_SHARE;
}

/** White space inside a line as the extractor prints it (a carriage return and form feed count as such). */
const isGapSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x3000;

/** The pieces of each line of the dump (none for a blank line), left to right. */
export function piecesByLine(input: string): Piece[][] {
  const lines: Piece[][] = [];
  let lineStart = 0;
  for (let line = 0; lineStart <= input.length; line++) {
    const newline = input.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? input.length : newline;
    lines.push(piecesOf(input, lineStart, lineEnd, line));
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** The pieces of one line: runs of text parted by {@link COLUMN_GAP} or more spaces. */
function piecesOf(input: string, lineStart: number, lineEnd: number, line: number): Piece[] {
  const pieces: Piece[] = [];
  let x = 0;
  let open: Piece | null = null;
  let spaces = 0;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = input.charCodeAt(i);
    // a surrogate pair is one character, one column
    if (c >= 0xdc00 && c <= 0xdfff && i > lineStart) continue;
    if (isGapSpace(c)) {
      spaces++;
    } else {
      if (open !== null && spaces >= COLUMN_GAP) {
        pieces.push(open);
        open = null;
      }
      if (open === null) open = { start: i, end: i, x0: x, x1: x, line };
      open.end = c >= 0xd800 && c <= 0xdbff && i + 1 < lineEnd ? i + 2 : i + 1;
      spaces = 0;
    }
    x++;
  }
  if (open !== null) pieces.push(open);
  for (const piece of pieces) piece.x1 = piece.x0 + displayWidth(input.slice(piece.start, piece.end));
  return pieces;
}

/**
 * Joins each line's pieces onto the boxes of the line above: a piece continues the one box whose
 * last piece it overlaps, when that piece overlaps no other piece of its line, it is no wider
 * than the box, and it is not a centred line (or under one). A piece with nothing above it may
 * go on a box a few lines up (see {@link resumes}). Anything else opens a box.
 */
function buildBoxes(lines: readonly Piece[][], input: string): Box[] {
  const boxes: Box[] = [];
  let above: Piece[] = [];
  let aboveBoxes: Box[] = [];
  let resting: Box[] = [];
  lines.forEach((pieces, line) => {
    const here: Box[] = [];
    const under = overlapping(above, pieces);
    const over = overlapping(pieces, above);
    pieces.forEach((piece, k) => {
      const [lo, hi] = under[k]!;
      const up = above[lo];
      const box = hi - lo === 1 && up && over[lo]![1] - over[lo]![0] === 1 ? aboveBoxes[lo]! : null;
      const resumed = hi === lo && resting.length > 0 ? resting.find((rest) => !here.includes(rest) && resumes(piece, rest, lines, input)) : undefined;
      const continuing = box !== null && continues(piece, up!, box);
      const heads = continuing && headsWiderText(piece, box, lines);
      if (box && !heads && !endsCentred(box) && (continuing || continuesSubtitle(piece, box, input) || opensLetter(piece, box, lines, input) || goesOnUnderHead(piece, box))) {
        if (box.bylineAt === undefined && isBylineUnderHeading(piece, box, input)) box.bylineAt = box.pieces.length;
        extend(box, piece);
        here.push(box);
      } else if (resumed) {
        extend(resumed, piece);
        here.push(resumed);
      } else {
        const opened: Box = { pieces: [piece], x0: piece.x0, x1: piece.x1, left: piece.x0, top: piece.line, bottom: piece.line, headsText: heads };
        boxes.push(opened);
        here.push(opened);
      }
    });
    // a line of more pieces than a page has columns (a table row) ends every column: no looking
    // back on it, so each line costs at most a bounded look
    const columnar = pieces.length <= MAX_RESTING_BOXES && aboveBoxes.length <= MAX_RESTING_BOXES;
    resting = columnar ? restingAfter(line, pieces, here, [...resting, ...aboveBoxes], lines, input) : [];
    above = pieces;
    aboveBoxes = here;
  });
  return boxes;
}

/**
 * True when `piece` is a byline with a role word (`本报记者 王明`) under a box of heading lines
 * (the page's first line, its running head, aside).
 */
function isBylineUnderHeading(piece: Piece, box: Box, input: string): boolean {
  if (box.pieces.length > MAX_HEADING_LINES || box.top === 0) return false;
  const text = input.slice(piece.start, piece.end);
  return ROLE_MARK.test(text) && ROLE_BYLINE.test(text.trim());
}

/** Puts `piece` at the bottom of `box`. */
function extend(box: Box, piece: Piece): void {
  box.pieces.push(piece);
  box.x0 = Math.min(box.x0, piece.x0);
  if (piece.x1 >= box.x1) box.left = Math.min(box.left, piece.x0);
  box.x1 = Math.max(box.x1, piece.x1);
  box.bottom = piece.line;
}

/**
 * Boxes that may still take a piece a few lines down: those not continued on `line` whose column
 * no piece of `line` crosses, ended on a full line, no more than {@link MAX_SKIPPED_LINES} back.
 * At most {@link MAX_RESTING_BOXES} are kept, so each line costs a bounded look.
 */
function restingAfter(line: number, pieces: readonly Piece[], here: readonly Box[], candidates: readonly Box[], lines: readonly Piece[][], input: string): Box[] {
  const out: Box[] = [];
  // a line across two columns (a headline over a story below) ends the columns above it
  if (pieces.some((p) => spansColumns(candidates.filter((box) => crosses(p, box))))) return out;
  const headings = here.filter((box) => opensHeading(box, line, lines, input));
  // a story continued on another page stops at its jump line: its columns, left of it, end there
  const jump = pieces.find((p) => isJumpOn(input, p));
  if (jump) for (const box of [...candidates, ...here]) if (box.x0 < jump.x1) box.ended = true;
  for (const box of candidates) {
    // (the page's first line is its running head: no column goes on from it)
    if (box.ended || box.top === 0 || here.includes(box) || out.includes(box) || line - box.bottom > MAX_SKIPPED_LINES) continue;
    if (!endsFull(box) || pieces.some((p) => crosses(p, box))) continue;
    // a column does not run on past a headline set level with it in the column beside
    if (headings.some((heading) => headsBeside(heading, box))) continue;
    out.push(box);
  }
  return out.slice(-MAX_RESTING_BOXES);
}

/**
 * True when two of the boxes stand side by side (no overlap across): a line crossing them runs
 * across two columns. Boxes one above another in one column (a story's last lines, the next
 * story's first under them) are one column.
 */
function spansColumns(crossed: readonly Box[]): boolean {
  for (let i = 0; i < crossed.length; i++) {
    for (let j = i + 1; j < crossed.length; j++) if (!oneColumn(crossed[i]!, crossed[j]!)) return true;
  }
  return false;
}

/** True when two boxes share most of the narrower one's width: one column's boxes. */
function oneColumn(a: Box, b: Box): boolean {
  const shared = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return shared * 2 >= Math.min(a.x1 - a.x0, b.x1 - b.x0);
}

/**
 * True when `box` opens on `line` with a row that may be a headline: one piece of text (not a
 * dash alone, a kicker's tail) that closes no sentence or clause, and whose column does not go on
 * under it (a column's first line has a line as wide under it, at its edge, within a row or two).
 */
function opensHeading(box: Box, line: number, lines: readonly Piece[][], input: string): boolean {
  if (box.top !== line || box.pieces.length !== 1) return false;
  const piece = box.pieces[0]!;
  const text = input.slice(piece.start, piece.end);
  if (CLOSED_END.test(text) || !HAS_LETTER.test(text)) return false;
  for (let next = line + 1; next <= line + COLUMN_LOOKAHEAD_ROWS && next < lines.length; next++) {
    if (lines[next]!.some((p) => Math.abs(p.x0 - piece.x0) <= FULL_SLACK && p.x1 >= piece.x1 - FULL_SLACK)) return false;
  }
  return true;
}

/**
 * True when `heading` stands in the column next to `box`, narrower than it: a headline over the
 * neighbouring story, level with the rows `box` would skip. (A line as wide as the column is body.)
 */
function headsBeside(heading: Box, box: Box): boolean {
  const gap = Math.max(heading.x0, box.x0) - Math.min(heading.x1, box.x1);
  return gap <= NEIGHBOUR_GAP && heading.x1 - heading.x0 < box.x1 - box.x0 - INDENT_SLACK;
}

/** True when the piece overlaps the box's column. */
const crosses = (piece: Piece, box: Box) => piece.x0 < box.x1 && piece.x1 > box.x0;

/** True when the piece is a jump line that sends its story on to another page (`（下转第3版）`). */
function isJumpOn(input: string, piece: Piece): boolean {
  const c = input.charCodeAt(piece.start);
  if (c !== 0xff08 && c !== 0x28) return false;
  const jump = JUMP_LINE.exec(input.slice(piece.start, piece.end));
  return jump !== null && jump.index === 0 && JUMP_CONTINUED_ON.has(jump[1]!);
}

/** True when the box's last line runs to its right edge: its text goes on. */
function endsFull(box: Box): boolean {
  return box.pieces[box.pieces.length - 1]!.x1 >= box.x1 - FULL_SLACK;
}

/**
 * True when `piece`, with nothing on the line above it, goes on `box` whose last line is a few
 * lines up. pdftotext -layout prints a line of each column at its own baseline: where two
 * columns' baselines do not align (staggered columns), a column's lines are printed on rows of
 * their own with the other columns' lines between. Every line skipped holds text of other
 * columns (a blank row is a gap on the page), and the piece is no wider than the box nor centred
 * in it; it starts at the box's left edge, or a paragraph indent in after a sentence's end.
 */
function resumes(piece: Piece, box: Box, lines: readonly Piece[][], input: string): boolean {
  if (piece.line - box.bottom < 2 || piece.x1 > box.x1 + FULL_SLACK || isCentred(piece, box)) return false;
  const last = box.pieces[box.pieces.length - 1]!;
  const indent = endsSentence(input.slice(last.start, last.end)) ? INDENT_SLACK : 1;
  if (piece.x0 > box.left + indent) return false;
  // a lone line is a column's first (maybe indented, so the column's edge is not known yet) only
  // when the next runs as far: a headline or a date line over shorter text is no column
  const lone = box.pieces.length === 1;
  if (lone ? piece.x0 < box.left - INDENT_SLACK || (piece.x1 < box.x1 - FULL_SLACK && !endsHeadline(piece, box, lines, input)) : piece.x0 < box.left - 1) return false;
  // a large headline's rows sit far apart, flush at one edge, with a blank row where its line
  // spacing leaves one
  let blank = lone && Math.abs(piece.x0 - box.left) <= 1 ? MAX_BLANK_ROWS_IN_HEADLINE : 0;
  for (let line = box.bottom + 1; line < piece.line; line++) if (lines[line]!.length === 0 && --blank < 0) return false;
  return true;
}

/**
 * True when `piece` is the short last row of a large headline whose first row is `box` (a lone
 * line, not the page's first): large type sets fewer characters on a row than the column under it
 * holds, so the text right under the last row runs past the first row's right edge. The rows are
 * flush at the left and neither ends a sentence or clause (a date line over shorter text, a
 * headline as wide as its column over a subhead, are no such rows).
 */
function endsHeadline(piece: Piece, box: Box, lines: readonly Piece[][], input: string): boolean {
  const first = box.pieces[0]!;
  if (box.top === 0 || Math.abs(piece.x0 - first.x0) > FULL_SLACK) return false;
  const under = lines[piece.line + 1]?.find((p) => p.x0 < piece.x1 && p.x1 > piece.x0);
  if (under === undefined || under.x1 <= first.x1 + WIDER_SLACK) return false;
  return !CLOSED_END.test(input.slice(first.start, first.end)) && !CLOSED_END.test(input.slice(piece.start, piece.end));
}

/**
 * For each piece of `line`, the range `[lo, hi)` of the pieces of `other` it overlaps. Both
 * lines run left to right without overlaps, so one walk finds them all (linear in the pieces).
 */
function overlapping(other: readonly Piece[], line: readonly Piece[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let lo = 0;
  for (const piece of line) {
    while (lo < other.length && other[lo]!.x1 <= piece.x0) lo++;
    let hi = lo;
    while (hi < other.length && other[hi]!.x0 < piece.x1) hi++;
    out.push([lo, hi]);
  }
  return out;
}

/** True when `piece`, under `up` (the last piece of `box`), goes on in the box: not wider, not centred. */
function continues(piece: Piece, up: Piece, box: Box): boolean {
  if (piece.x1 > box.x1 + WIDER_SLACK) return false;
  if (isCentred(piece, box)) return false;
  // a box of one centred line (a headline over its column) ends there
  return !(box.pieces.length === 1 && isCentred(up, { ...box, x1: Math.max(box.x1, piece.x1), left: Math.min(box.left, piece.x0) }));
}

/**
 * True when `piece`, under a one-line box, heads the text under it rather than going on from the
 * line above: the next line starts where it does and runs past the box's right edge (a deck's
 * first line over the deck's text, set under a headline narrower than both). A paragraph's short
 * last line has no line under it wider than the paragraph's first.
 */
function headsWiderText(piece: Piece, box: Box, lines: readonly Piece[][]): boolean {
  // (the page's first line, its running head, aside; a full line goes on in its column)
  if (box.pieces.length !== 1 || box.top === 0 || piece.x1 >= box.x1 - FULL_SLACK) return false;
  const next = lines[piece.line + 1]?.find((p) => p.x0 < piece.x1 && p.x1 > piece.x0);
  return next !== undefined && Math.abs(next.x0 - piece.x0) <= FULL_SLACK && next.x1 > box.x1 + WIDER_SLACK;
}

/** True when `piece` is the wider text a one-line box heads ({@link headsWiderText}), starting where it does. */
const goesOnUnderHead = (piece: Piece, box: Box) => box.headsText === true && box.pieces.length === 1 && Math.abs(piece.x0 - box.x0) <= FULL_SLACK;

/**
 * True when `piece` is the centred last line of a subtitle: a box whose first line opens with a
 * dash (副题, `——写在…`) is a subtitle, and a subtitle that wraps sets its short last line centred
 * under the full one, no wider than it.
 */
function continuesSubtitle(piece: Piece, box: Box, input: string): boolean {
  const first = box.pieces[0]!;
  return input.startsWith(SUBTITLE_DASH, first.start) && piece.x1 <= box.x1 && isCentred(piece, box);
}

/**
 * True when `piece` is the first line of a letter's text under its salutation (`亲爱的市民朋友们：`):
 * the salutation, alone on its line and ending in a full-width colon, is set at the paragraph
 * indent where the text's first line starts (however much wider), and the next line starts a
 * paragraph indent further left, as wide (the column's full lines). A kicker (`朔城区：`) over its
 * headline has no indented column under it.
 */
function opensLetter(piece: Piece, box: Box, lines: readonly Piece[][], input: string): boolean {
  if (box.pieces.length !== 1) return false;
  const salutation = box.pieces[0]!;
  if (input.charCodeAt(salutation.end - 1) !== FULL_WIDTH_COLON || Math.abs(piece.x0 - salutation.x0) > FULL_SLACK) return false;
  const next = lines[piece.line + 1]?.find((p) => p.x0 < piece.x1 && p.x1 > piece.x0);
  return next !== undefined && piece.x0 - next.x0 >= MIN_INDENT && piece.x0 - next.x0 <= INDENT_SLACK && Math.abs(next.x1 - piece.x1) <= WIDER_SLACK;
}

/** True when the box's last line is a centred one under its first (a subtitle's last line): the box ends there. */
function endsCentred(box: Box): boolean {
  return box.pieces.length > 1 && isCentred(box.pieces[box.pieces.length - 1]!, box);
}

/** True when the piece is set in from both edges of the box's full lines: a centred heading. */
function isCentred(piece: Piece, box: Box): boolean {
  return piece.x0 > box.left + INDENT_SLACK && piece.x1 < box.x1 - INDENT_SLACK;
}


/**
 * Boxes in reading order, cut as a reader's eye cuts a page (recursive X-Y cut): first across
 * the page where no box spans the cut (a story above another), then down it between columns, a
 * headline row staying with the text under it (so side-by-side stories keep their headlines).
 */
function orderBoxes(boxes: Box[]): Box[] {
  if (boxes.length > MAX_ORDERED_BOXES) return [...boxes].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const out: Box[] = [];
  // the page's top row of single lines is its running head (page name, date, page number): first
  const [top, ...rest] = rowsOf(boxes);
  if (top && rest.length > 0 && top.every((box) => box.pieces.length === 1)) {
    out.push(...top);
    cutInto(rest.flat(), out);
  } else {
    cutInto(boxes, out);
  }
  return out;
}

function cutInto(boxes: Box[], out: Box[]): void {
  if (boxes.length <= 1) {
    out.push(...boxes);
    return;
  }
  const rows = rowsOf(boxes);
  // a row of headings only (a headline, a running head) goes with the row under it
  const stories = mergeHeadingRows(rows);
  if (stories.length > 1) return stories.forEach((group) => cutInto(group, out));
  const columns = joinStackedStories(columnsOf(boxes), boxes.length);
  if (columns.length > 1) return columns.forEach((group) => cutInto(group, out));
  if (rows.length > 1) return rows.forEach((group) => cutInto(group, out));
  out.push(...[...boxes].sort((a, b) => a.top - b.top || a.x0 - b.x0));
}

/** The boxes in groups one above another, cut where no box spans from one line to the next. */
function rowsOf(boxes: readonly Box[]): Box[][] {
  const sorted = [...boxes].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const groups: Box[][] = [];
  let bottom = -1;
  for (const box of sorted) {
    if (groups.length === 0 || box.top > bottom) groups.push([]);
    groups[groups.length - 1]!.push(box);
    bottom = Math.max(bottom, box.bottom);
  }
  return groups;
}

/** The boxes in groups side by side, cut where no box spans from one column to the next. */
function columnsOf(boxes: readonly Box[]): Box[][] {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0 || a.top - b.top);
  const groups: Box[][] = [];
  let right = -1;
  for (const box of sorted) {
    if (groups.length === 0 || box.x0 >= right) groups.push([]);
    groups[groups.length - 1]!.push(box);
    right = Math.max(right, box.x1);
  }
  return groups;
}

/**
 * Column groups with side-by-side neighbours joined when together they part across: two stories
 * one above another, each of several columns, beside a tall column running down the page. The
 * tall column leaves no cut across the whole group, so it is cut down first; but a gutter between
 * the stories' own columns would then part each story, its last column read after the story
 * under it. Joined, the stories' common gap across their columns (the rule between them) cuts
 * them apart first. A join never takes back the whole group (that has no cut across).
 */
function joinStackedStories(columns: readonly Box[][], total: number): Box[][] {
  const out: Box[][] = [];
  for (const group of columns) {
    const last = out[out.length - 1];
    const joined = last ? [...last, ...group] : null;
    if (joined && joined.length < total && headsStoryBelow(rowsOf(joined))) out[out.length - 1] = joined;
    else out.push(group);
  }
  return out;
}

/**
 * True when, under the first row, a row of headings set below an empty row has body text further
 * down: a story set under another opens with its headline. Columns beside a tall headline or box
 * that skip the same rows go on in body text; a byline alone at the bottom heads nothing.
 */
function headsStoryBelow(rows: readonly Box[][]): boolean {
  const opens = rows.findIndex((row, k) => k > 0 && isHeadingRow(row) && topOf(row) > bottomOf(rows[k - 1]!) + STORY_GAP_ROWS);
  return opens > 0 && rows.slice(opens + 1).some((row) => !isHeadingRow(row));
}

const topOf = (row: readonly Box[]) => Math.min(...row.map((box) => box.top));
const bottomOf = (row: readonly Box[]) => Math.max(...row.map((box) => box.bottom));

/** True when every box of the row is short enough to be a heading. */
const isHeadingRow = (row: readonly Box[]) => row.every((box) => box.pieces.length <= MAX_HEADING_LINES);

/** Rows with the rows of headings above them joined on (a heading row at the bottom stays apart). */
function mergeHeadingRows(rows: readonly Box[][]): Box[][] {
  const out: Box[][] = [];
  let pending: Box[] = [];
  for (const row of rows) {
    pending.push(...row);
    if (!isHeadingRow(row)) {
      out.push(pending);
      pending = [];
    }
  }
  if (pending.length > 0) out.push(pending);
  return out;
}

/**
 * Puts the spans of a Page parsed from the rebuilt text back onto the dump: a span over several
 * pieces becomes one span per piece (each `input.slice(start, end)` is text of one column), with
 * the dump's lines; a diagnostic's one span covers its pieces from the first to the last.
 */
function restoreSpans(page: Page, placed: readonly Placed[]): void {
  const split = (spans: Span[]): Span[] => spans.flatMap((s) => piecesUnder(s, placed));
  for (const article of page.articles) {
    article.spans = split(article.spans);
    for (const p of article.paragraphs) p.spans = split(p.spans);
    for (const j of article.jumps) j.spans = split(j.spans);
  }
  for (const u of page.unassigned) u.spans = split(u.spans);
  for (const d of page.diagnostics) {
    if (!d.span) continue;
    const parts = piecesUnder(d.span, placed);
    d.span = { ...parts[0]!, end: parts[parts.length - 1]!.end, endLine: parts[parts.length - 1]!.endLine };
  }
}

/** The spans of the dump's pieces that a span of the rebuilt text covers (at least one). */
function piecesUnder(span: Span, placed: readonly Placed[]): Span[] {
  const first = placedAt(span.start, placed);
  const out: Span[] = [];
  for (let k = first; k < placed.length; k++) {
    const { at, piece } = placed[k]!;
    const length = piece.end - piece.start;
    if (out.length > 0 && at >= span.end) break;
    const from = Math.min(Math.max(span.start, at), at + length);
    const to = Math.min(Math.max(span.end, from), at + length);
    // a span that begins in the line break after this piece takes nothing of it
    if (to === from && span.end > span.start && from === at + length) continue;
    out.push({ ...span, start: piece.start + from - at, end: piece.start + to - at, line: piece.line + 1, endLine: piece.line + 1 });
    if (span.end <= at + length) break;
  }
  if (out.length === 0) {
    const { piece } = placed[first]!;
    out.push({ ...span, start: piece.end, end: piece.end, line: piece.line + 1, endLine: piece.line + 1 });
  }
  return out;
}

/** Index of the placed piece holding rebuilt offset `offset` (or the last one before it). */
function placedAt(offset: number, placed: readonly Placed[]): number {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (placed[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
