/**
 * Stage 5: a story's lines → paragraphs. Paragraph breaks are recovered from the shape of
 * the lines: a short last line that ends a sentence, or the lost 2-character indent of the
 * next line. Blank lines and text-box changes are ignored (they are not paragraph breaks);
 * the column width is measured around each line, since a story can run on in a wider box.
 */
import { appendAll } from "../arrays.js";
import { endsSentence, isLetterOrDigitCode } from "../text/chars.js";
import { readsAsDeck } from "./deck.js";
import type { StoryItem } from "./flow.js";
import { type Line, opensDateline } from "./lines.js";
import { columnWidth, columnWidthOf, INDENT_MAX, INDENT_MIN, WIDTH_WOBBLE } from "./measure.js";
import { CLAUSE_MARK, LIST_ITEM } from "./patterns.js";

/** A paragraph as lines of the source, each with the part of its raw text that belongs here. */
export interface DraftParagraph {
  role: "body" | "subhead";
  pieces: { line: Line; raw: string }[];
}

/** A last line ending a sentence is short when narrower than the column by more than the wobble. */
const SHORT_BY = WIDTH_WOBBLE + 0.5;
/**
 * A last line without closing punctuation is short when narrower than the column by this much
 * (ems): well past the wobble, since no punctuation confirms it.
 */
const SHORT_UNPUNCTUATED_BY = 4;
/** Curly quotes “”‘’: counted half an em wide, though some fonts set them full width. */
const isCurlyQuote = (c: number) => c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
/** Half-width characters make a line's display width approximate (proportional fonts), and so do curly quotes. */
function isAllFullWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c <= 0x7e) || isCurlyQuote(c)) return false;
  }
  return true;
}
/** True when the text holds ASCII (half-width) characters or spaces, whose display width is approximate. */
function hasHalfWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) return true;
  }
  return false;
}
/** A line ending in a comma or other mid-sentence mark never ends a paragraph, however short. */
function endsWithLetter(text: string): boolean {
  // `/[\p{L}\p{N}]$/u` by the last code point's class (a regex per line costs more)
  const n = text.length;
  if (n === 0) return false;
  let cp = text.charCodeAt(n - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && n >= 2) {
    const high = text.charCodeAt(n - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return isLetterOrDigitCode(cp);
}
/**
 * In a deck a point's last line is short by this much (ems): the wobble and a margin for
 * curly quotes, which some fonts set full width and our widths count as half.
 */
const DECK_SHORT_BY = 2.5;
/**
 * Summary points are quoted from the story's text. A deck line whose last this many characters
 * are found in the body right before a clause mark ends where a sentence or clause of the body
 * ends: a point ends there, however wide the line (a wrapped point breaks mid-clause instead).
 * Long enough that a chance match is unlikely.
 */
const QUOTED_TAIL_LENGTH = 6;
/** Fonts that set curly quotes full width make a line up to this much wider per quote than measured. */
const QUOTE_SLACK = 0.5;
/** How much wider than measured the line may be printed, for its curly quotes. */
function quoteSlack(text: string): number {
  let quotes = 0;
  for (let i = 0; i < text.length; i++) if (isCurlyQuote(text.charCodeAt(i))) quotes++;
  return quotes * QUOTE_SLACK;
}
/**
 * Leading white space this wide (ems) is a paragraph's indent that the extractor kept
 * (`　　会议指出…`, two ideographic spaces; or two ASCII spaces). A single ASCII space (half an
 * em) is not: some extractors print one at the start of a text box.
 */
const EXPLICIT_INDENT_MIN = 1;
/** The ideographic space (U+3000): an em wide, as a space or tab is half an em. */
const IDEOGRAPHIC_SPACE = 0x3000;

/** True when the raw line opens with an indent of at least {@link EXPLICIT_INDENT_MIN} ems. */
function hasExplicitIndent(line: Line): boolean {
  if (!line.leadingSpace) return false;
  let ems = 0;
  for (let i = 0; i < line.raw.length && ems < EXPLICIT_INDENT_MIN; i++) {
    const c = line.raw.charCodeAt(i);
    if (c === IDEOGRAPHIC_SPACE) ems += 1;
    else if (c === 0x20 || c === 0x09) ems += 0.5;
    else break;
  }
  return ems >= EXPLICIT_INDENT_MIN && !line.blank;
}

/** A sentence's closing mark anywhere in a line (prose, as opposed to a summary point). */
const SENTENCE_MARK = /[。！？!?]/u;
/** Opening quotes and brackets, which typesetting never leaves at a line's end. */
const OPENING_MARK = /^[“‘「『《〈（(【〔]/u;
/** The indent of a paragraph's first line (ems). */
const INDENT_WIDTH = 2;
/** Lines on each side used to measure the column around a line. */
const WIDTH_WINDOW = 3;
/** With fewer lines than this around a line, the story's width is used instead. */
const MIN_WINDOW_LINES = 4;

/** A colon ends a paragraph that introduces a list or a letter (`亲爱的市民朋友们：`). */
const endsParagraphText = (text: string) => endsSentence(text) || endsWithColon(text);
/** `/[：:]$/u`: the last character is a full-width or ASCII colon. */
const endsWithColon = (text: string) => {
  const c = text.charCodeAt(text.length - 1);
  return c === 0xff1a || c === 0x3a;
};

/**
 * Splits a story into paragraphs.
 * @param items the story's body units and subheads in reading order
 */
export function buildParagraphs(items: readonly StoryItem[]): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  const bodyLines = bodyLinesOf(items);
  const storyWidth = columnWidth(bodyLines);
  const boxes = textBoxes(items);
  let run: Line[] = [];
  let linesBefore = 0;
  const flushRun = () => {
    const after = linesBefore + run.length;
    splitRun(run, storyWidth, boxes, out, () => bodyLines.slice(after));
    linesBefore += run.length;
    run = [];
  };
  for (const item of items) {
    if (item.role === "body") appendAll(run, item.unit.lines);
    else {
      flushRun();
      out.push({ role: item.role === "subhead" ? "subhead" : "body", pieces: item.unit.lines.map((line) => ({ line, raw: line.raw })) });
    }
  }
  flushRun();
  lastLines = null;
  lastUnitWidths = undefined;
  return out;
}

/** The lines of a story's body units, in reading order. */
function bodyLinesOf(items: readonly StoryItem[]): Line[] {
  const lines: Line[] = [];
  for (const item of items) if (item.role === "body") for (const line of item.unit.lines) lines.push(line);
  return lines;
}

/** What the story's text boxes (units) tell about its lines. */
interface Boxes {
  /** First lines of units: a short line right before another box may only mean the box is narrower (a picture). */
  unitStarts: ReadonlySet<Line>;
  /** First lines of text printed under a byline inside the story (the byline sat between a deck and the text). */
  signedStarts: ReadonlySet<Line>;
  /** The column width of each line's unit, for units with enough lines to measure it. */
  unitWidths: ReadonlyMap<Line, number>;
}

function textBoxes(items: readonly StoryItem[]): Boxes {
  const unitWidths = new Map<Line, number>();
  for (const { unit } of items) {
    if (unit.lines.length < MIN_WINDOW_LINES) continue;
    const width = columnWidth(unit.lines);
    for (const line of unit.lines) unitWidths.set(line, width);
  }
  return {
    unitStarts: new Set(items.map((i) => i.unit.lines[0]!)),
    signedStarts: new Set(items.filter((i) => i.bylineBefore === true).map((i) => i.unit.lines[0]!)),
    unitWidths,
  };
}

/**
 * @param laterLines the story's body lines after this run (a deck quotes them too), asked for
 *   only when the run opens with a deck, so a story of many runs is not copied once per run
 */
function splitRun(lines: readonly Line[], storyWidth: number, boxes: Boxes, out: DraftParagraph[], laterLines: () => readonly Line[]): void {
  const { signedStarts } = boxes;
  let open: DraftParagraph | null = null;
  let openClosesSentence = false;
  const deckEnd = deckLength(lines, signedStarts);
  const quotedPointEnds = deckEnd > 0 ? pointEndsQuoted(lines.slice(0, deckEnd), [...lines.slice(deckEnd), ...laterLines()]) : new Set<Line>();
  lines.forEach((line, i) => {
    // a dateline always opens a paragraph (after a deck printed above it), and so does a line
    // the extractor kept indented; so does text under a byline unless the line before stops at a comma
    if (open !== null && i > 0 && (opensDateline(line) || hasExplicitIndent(line))) open = null;
    if (open !== null && signedStarts.has(line) && !/[，、,；]$/u.test(lines[i - 1]!.text)) open = null;
    if (open === null) {
      open = { role: "body", pieces: [] };
      out.push(open);
    }
    open.pieces.push({ line, raw: line.raw });
    if (open.pieces.length === 1) openClosesSentence = false;
    if (SENTENCE_MARK.test(line.text)) openClosesSentence = true;
    const firstLine = open.pieces.length === 1;
    // a paragraph of two or more lines that closes no sentence reads as a point (a summary item)
    const readsAsPoint = !firstLine && !openClosesSentence;
    if (quotedPointEnds.has(line) || breaksAfter(lines, i, storyWidth, boxes, firstLine, i < deckEnd, readsAsPoint)) open = null;
  });
}

/** Text without whitespace, for matching a deck against the body it quotes. */
const unspaced = (text: string) => text.replace(/\s+/gu, "");

/**
 * The deck lines that end a summary point because the body has the same words right before a
 * clause mark (see {@link QUOTED_TAIL_LENGTH}).
 */
function pointEndsQuoted(deck: readonly Line[], body: readonly Line[]): Set<Line> {
  const ends = new Set<Line>();
  const bodyText = unspaced(body.map((l) => l.text).join(""));
  for (const line of deck) {
    const text = unspaced(line.text);
    if (text.length < QUOTED_TAIL_LENGTH || !endsWithLetter(text)) continue;
    const tail = text.slice(-QUOTED_TAIL_LENGTH);
    for (let at = bodyText.indexOf(tail); at >= 0; at = bodyText.indexOf(tail, at + 1)) {
      if (CLAUSE_MARK.test(bodyText.charAt(at + tail.length))) {
        ends.add(line);
        break;
      }
    }
  }
  return ends;
}

/**
 * The number of lines of the deck opening the run: summary points before the dateline (or
 * before the byline that opens the text). 0 when the run does not open with one.
 */
function deckLength(lines: readonly Line[], signedStarts: ReadonlySet<Line>): number {
  const end = lines.findIndex((line, i) => opensDateline(line) || (i > 0 && signedStarts.has(line)));
  return end > 0 && readsAsDeck(lines.slice(0, end)) ? end : 0;
}

/** The column width around line `i`: the wider lines of its neighbourhood. */
function localWidth(lines: readonly Line[], i: number, storyWidth: number, unitWidths?: ReadonlyMap<Line, number>): number {
  // breaksAfter asks for line i + 1 and then, at the next line, for it again: the last answer is kept
  if (lastLines === lines && lastIndex === i && lastStoryWidth === storyWidth && lastUnitWidths === unitWidths) return lastWidth;
  const from = Math.max(0, i - WIDTH_WINDOW);
  const to = Math.min(lines.length, i + WIDTH_WINDOW + 1);
  const local = to - from < MIN_WINDOW_LINES ? storyWidth : columnWidthOf(lines, from, to);
  // a window full of short and indented lines underrates the column: its text box says more
  const width = Math.max(local, unitWidths?.get(lines[i]!) ?? 0);
  lastLines = lines;
  lastIndex = i;
  lastStoryWidth = storyWidth;
  lastUnitWidths = unitWidths;
  lastWidth = width;
  return width;
}

/* The last {@link localWidth} computed and what it was computed for (parsing is synchronous); released by {@link buildParagraphs}. */
let lastLines: readonly Line[] | null = null;
let lastIndex = -1;
let lastStoryWidth = 0;
let lastUnitWidths: ReadonlyMap<Line, number> | undefined;
let lastWidth = 0;

/** True when a paragraph ends after line `i`. */
function breaksAfter(lines: readonly Line[], i: number, storyWidth: number, boxes: Boxes, firstLine: boolean, inDeck: boolean, readsAsPoint: boolean): boolean {
  const { unitStarts, unitWidths } = boxes;
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next) return true;
  const width = localWidth(lines, i, storyWidth, unitWidths);
  // justified text fills every line but a paragraph's last: a clearly short line ends one even
  // without punctuation (deck points, signatures), when its width is exact (all full-width)
  if (!endsParagraphText(line.text)) {
    // measured in the line's own text box: a wide deck above must not make body lines look short
    const ownWidth = Math.min(width, unitWidths.get(line) ?? width);
    // in a deck no line ends a sentence, so a short line is a point's end on the usual evidence
    const shortBy = inDeck ? DECK_SHORT_BY + (firstLine ? INDENT_WIDTH : 0) : SHORT_UNPUNCTUATED_BY;
    if (unitStarts.has(next) || !endsWithLetter(line.text) || hasHalfWidth(line.raw)) return false;
    if (!isAllFullWidth(line.raw)) return isShortWithQuotesFull(line, ownWidth);
    if (line.width <= ownWidth - shortBy) return true;
    // a point set in body type ends at a full line too when the next line has the lost indent
    return readsAsPoint && opensIndentedParagraph(lines, i + 1, storyWidth, unitWidths);
  }
  // a paragraph's first line is narrower by its lost indent: that alone does not make it short
  // when a full line follows
  const indented = firstLine && next.width >= width - WIDTH_WOBBLE;
  if (line.width <= width - SHORT_BY - (indented ? INDENT_WIDTH : 0) - quoteSlack(line.text)) return true;
  // a numbered point (二、 （三） 4.) opens a paragraph after a sentence end
  if (LIST_ITEM.test(next.text)) return true;
  // a colon at the end of a line introduces what follows (a list, a letter), unless a quotation
  // opens there; only the full-width colon (an ASCII one after digits is a time, 17:25)
  if (line.text.endsWith("：") && !/^[“「『"]/u.test(next.text)) return true;
  // a blank line (another text box) right after a sentence's end: on the corpus pages every one
  // of these (53) is a paragraph break; column breaks that are not fall mid-sentence
  if (endsSentence(line.text) && next.index > line.index + 1) return true;
  return hasLostIndent(lines, i + 1, storyWidth, unitWidths);
}

/** True when line `j` is narrower than the column around it by a first line's indent (lost in the dump). */
function hasLostIndent(lines: readonly Line[], j: number, storyWidth: number, unitWidths: ReadonlyMap<Line, number>): boolean {
  const indent = localWidth(lines, j, storyWidth, unitWidths) - lines[j]!.width;
  return indent >= INDENT_MIN && indent <= INDENT_MAX;
}

/**
 * A line with curly quotes (no other half-width characters) is short when, with each quote
 * counted a full em, it still leaves this much of the column empty (ems): more than a lost
 * indent and the usual margin together, so a line only slightly short is never taken.
 */
const SHORT_QUOTED_BY = SHORT_UNPUNCTUATED_BY + INDENT_WIDTH;
function isShortWithQuotesFull(line: Line, width: number): boolean {
  return line.width + quoteSlack(line.text) <= width - SHORT_QUOTED_BY;
}

/**
 * True when line `j` is a paragraph's first line whose 2-character indent was lost: narrower
 * than the column by the indent, and followed by a full line (so it is no paragraph's short
 * last line). Asked after a full line without punctuation (a summary point set in body type):
 * the line's width must be exact (all full-width), since no punctuation confirms the break.
 */
function opensIndentedParagraph(lines: readonly Line[], j: number, storyWidth: number, unitWidths: ReadonlyMap<Line, number>): boolean {
  const line = lines[j];
  const after = lines[j + 1];
  // a line narrower by the indent that ends a sentence may be a paragraph's last line instead
  if (!line || !after || !isAllFullWidth(line.raw) || endsSentence(line.text)) return false;
  // the line after must not look fuller than it is (half-width characters; curly quotes only
  // make it look narrower), nor open with a quote or bracket: a line may not end with an
  // opening mark, so the one before such a line is set a character short
  if (hasHalfWidth(after.raw) || OPENING_MARK.test(after.text)) return false;
  return hasLostIndent(lines, j, storyWidth, unitWidths) && after.width >= localWidth(lines, j, storyWidth, unitWidths) - WIDTH_WOBBLE;
}
