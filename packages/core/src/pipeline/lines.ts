/** Stage 1: the input as lines, each with its offsets in the source. */
import { displayWidth, endsSentence } from "../text/chars.js";
import { removeExtractorSpaces } from "../text/normalize.js";
import type { Span } from "../schema.js";
import { DATELINE, DATELINE_HEAD, DATELINE_MARK, DATELINE_TAIL } from "./patterns.js";

/** One line of the dump. */
export interface Line {
  /** 0-based index in the page's line list. */
  index: number;
  /** 1-based line number in the input. */
  lineNo: number;
  /** The line as printed, without its line break. */
  raw: string;
  /** The line with extractor spaces removed (see {@link removeExtractorSpaces}). */
  text: string;
  /** Offset of the first character in the input (UTF-16 units). */
  start: number;
  /** Offset just past the last character (line break excluded). */
  end: number;
  /** Display width in ems (CJK = 1, half-width = 0.5), of the cleaned text. */
  width: number;
  /** True when the line is empty or only whitespace. */
  blank: boolean;
  /** True when the raw line starts with whitespace (a text box start in some extractors). */
  leadingSpace: boolean;
  /** True when the line opens a dateline that wraps onto the next line (`本报北京6月12` / `日电…`). */
  wrappedDateline?: boolean;
  /**
   * Whether the text opens with a whole dateline ({@link DATELINE}): set by {@link opensDateline} when
   * first asked, or to false by {@link markWrappedDatelines} for a text without a dateline's mark.
   */
  datelineText?: boolean;
  /** Whether the text ends a sentence or holds a sentence's end: set by {@link holdsSentence} when first asked. */
  sentence?: boolean;
  /** A glyph of a vertical headline set apart from the one above: a new phrase (set from geometry by the layout reader). */
  phraseBreakBefore?: boolean;
}


/** True when the line opens a story's dateline (`本报讯`, `新华社北京12月1日电`), whole or wrapped. */
export function opensDateline(line: Line): boolean {
  // every stage asks this of the same lines: the pattern runs once per line
  return line.wrappedDateline === true || (line.datelineText ??= DATELINE_MARK.test(line.text) && DATELINE.test(line.text));
}

/** A sentence's end (or a semicolon's) inside a line. */
const SENTENCE_MARK = /[。！？；]/u;

/**
 * True when the line ends a sentence or holds a sentence's end: no heading does. Units ask it of
 * the same lines again and again while they gather them: the text is read once per line.
 */
export function holdsSentence(line: Line): boolean {
  return (line.sentence ??= endsSentence(line.text) || SENTENCE_MARK.test(line.text));
}

/** A space, tab or ideographic space opening a raw line. */
const isLeadingSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x3000;

/** A line break: `\n`, `\r` (`\r\n` is one break), U+2028 or U+2029. */
export const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/**
 * Where the next line break at or after `from` is, or -1. A dump that breaks its lines with `\n`
 * alone (`newlinesOnly`, the usual case) is searched with indexOf, which is far cheaper than
 * testing every character; others character by character.
 */
function nextLineBreak(input: string, from: number, newlinesOnly: boolean): number {
  if (newlinesOnly) return input.indexOf("\n", from);
  for (let i = from; i < input.length; i++) if (isLineBreak(input.charCodeAt(i))) return i;
  return -1;
}

/** Splits the input into lines with offsets; never fails. */
export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const newlinesOnly = !input.includes("\r") && !input.includes("\u2028") && !input.includes("\u2029");
  // a form feed (a page break) counts as a space; most dumps have none, so most lines skip the test
  const formFeeds = input.includes("\f");
  let start = 0;
  let lineNo = 1;
  const push = (end: number) => {
    const raw = input.slice(start, end);
    const text = removeExtractorSpaces(formFeeds && raw.includes("\f") ? raw.replace(/\f/g, " ") : raw);
    lines.push({
      index: lines.length,
      lineNo,
      raw,
      text,
      start,
      end,
      width: displayWidth(text),
      blank: text === "",
      leadingSpace: isLeadingSpace(raw.charCodeAt(0)),
      // set here, not only on the lines marked later: every line keeps one shape (one hidden class)
      wrappedDateline: false,
      datelineText: undefined,
      sentence: undefined,
    });
  };
  for (let at = nextLineBreak(input, 0, newlinesOnly); at >= 0; at = nextLineBreak(input, start, newlinesOnly)) {
    push(at);
    start = at + (input.charCodeAt(at) === 0x0d && input.charCodeAt(at + 1) === 0x0a ? 2 : 1);
    lineNo++;
  }
  if (start < input.length) push(input.length);
  markWrappedDatelines(lines);
  return lines;
}

/** Marks the lines whose dateline goes on in the next line (narrow columns wrap long datelines). */
export function markWrappedDatelines(lines: readonly Line[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    // the tail first: few lines open with a dateline's end; and its mark first, which a one-class
    // pattern finds (or rules out) in a third of the instructions the tail's pattern takes
    if (!DATELINE_MARK.test(next.text)) {
      // nor does a line without the mark open a dateline: opensDateline's answer, kept so that it does not look again
      next.datelineText = false;
      continue;
    }
    if (DATELINE_TAIL.test(next.text) && DATELINE_HEAD.test(line.text) && DATELINE.test(line.text + next.text)) line.wrappedDateline = true;
  }
}

/** The span covering a run of lines (first to last, inclusive). */
export function spanOfLines(first: Line, last: Line): Span {
  return { start: first.start, end: last.end, line: first.lineNo, endLine: last.lineNo };
}

/** The spans of some lines: one per run of consecutive lines, in input order. */
export function spansOf(lines: readonly Line[]): Span[] {
  // lines mostly come in page order already: then there is nothing to sort (the sort is stable)
  const sorted = inPageOrder(lines) ? lines : [...lines].sort((a, b) => a.index - b.index);
  const spans: Span[] = [];
  let first: Line | null = null;
  let last: Line | null = null;
  for (const line of sorted) {
    if (first && last && line.index === last.index + 1) {
      last = line;
      continue;
    }
    if (first && last) spans.push(spanOfLines(first, last));
    first = line;
    last = line;
  }
  if (first && last) spans.push(spanOfLines(first, last));
  return spans;
}

/** True when no line comes before the one ahead of it on the page. */
function inPageOrder(lines: readonly Line[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i]!.index < lines[i - 1]!.index) return false;
  return true;
}

/** The index of the next white space of `raw` after a non-space at or after `from`, or -1. */
export function nextSpace(raw: string, from: number): number {
  const m = /\S\s/u.exec(raw.slice(from));
  return m === null ? -1 : from + m.index + 1;
}

/** A part of a line, `from`..`to` in its raw text, as a line of its own with exact offsets. */
export function subLine(line: Line, from: number, to: number): Line {
  const raw = line.raw.slice(from, to);
  const text = removeExtractorSpaces(raw);
  // every field written out, in the order of splitLines: a spread copy then overwritten would make
  // the fields of every line mutable in V8's eyes and throw away the code optimised for them
  return {
    index: line.index,
    lineNo: line.lineNo,
    raw,
    text,
    start: line.start + from,
    end: line.start + to,
    width: displayWidth(text),
    blank: line.blank,
    leadingSpace: false,
    wrappedDateline: line.wrappedDateline,
    datelineText: undefined,
    sentence: undefined,
  };
}
