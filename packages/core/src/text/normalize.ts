/** Text clean-up: spaces added by extractors, and joining hard-wrapped lines. */
import { isCjkChar, isLatinLetterOrDigit, isLatinLetterOrDigitCode, isLatinOrDigit, isWideChar } from "./chars.js";

const WHITESPACE_RUN = /[ \t\u00A0\u3000]+/gu;

/** The spaces extractors put into lines: space, tab, no-break space, ideographic space ({@link WHITESPACE_RUN}). */
function isExtractorSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** One of the spaces of {@link WHITESPACE_RUN} (not global: `test` keeps no position). */
const EXTRACTOR_SPACE = /[ \t\u00A0\u3000]/u;

/**
 * True when the text holds one of the spaces of {@link WHITESPACE_RUN}. The regex engine scans a
 * line for a character class in a fraction of the instructions a loop over its code units takes
 * in compiled code (asked of every line and paragraph of a page).
 */
function hasExtractorSpace(text: string): boolean {
  return EXTRACTOR_SPACE.test(text);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The text built so far by appending pieces, tracked by its last piece so that its last
 * character ({@link lastChar}) is found without flattening the concatenated string.
 */
class Joined {
  text = "";
  /** The piece appended last. */
  private last = "";
  /** The code unit before `last` in `text` ("" at the start). */
  private beforeLast = "";

  append(piece: string, withSpace: boolean): void {
    this.beforeLast = withSpace ? " " : this.last.slice(-1);
    this.text += withSpace ? " " + piece : piece;
    this.last = piece;
  }

  /** `lastChar(this.text)`. */
  lastChar(): string {
    if (this.last.length >= 2) return lastChar(this.last);
    return isLowSurrogate(this.last.charCodeAt(0)) && this.beforeLast !== "" ? this.beforeLast + this.last : this.last;
  }

  /** `this.text.charAt(this.text.length - 2)`: the code unit before the last one. */
  codeUnitBeforeLast(): string {
    return this.last.length >= 2 ? this.last.charAt(this.last.length - 2) : this.beforeLast;
  }
}

/**
 * Removes the spaces an extractor puts between characters of a justified line and around
 * half-width numbers in Chinese text (`奋 战 在`, `11 月 30 日`), and keeps the spaces between
 * two Latin words or numbers (`COVID 19`, `Windows 10`).
 * @param line one line of text
 * @returns the line with its spaces cleaned, trimmed
 */
export function removeExtractorSpaces(line: string): string {
  if (!hasExtractorSpace(line)) return line;
  // the words between runs of spaces (none empty: the spaces are all trimmed at the ends)
  const t = line.trim();
  let out = "";
  let start = 0;
  let wordEnd = 0;
  while (start < t.length) {
    let end = start;
    while (end < t.length && !isExtractorSpace(t.charCodeAt(end))) end++;
    if (start > 0) {
      // the characters either side of the spaces, read as code units off the line (no string per
      // word, and `out` is not flattened) unless one is half a surrogate pair
      const before = t.charCodeAt(wordEnd - 1);
      const after = t.charCodeAt(start);
      if (isSurrogate(before) || isSurrogate(after)) return removeSpacesBetweenCharacters(t);
      if (endsLatinWordCode(before) && startsLatinWordCode(after)) out += " ";
    }
    out += t.slice(start, end);
    wordEnd = start = end;
    while (start < t.length && isExtractorSpace(t.charCodeAt(start))) start++;
  }
  return out;
}

/** True for half of a surrogate pair (or a lone one). */
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** `keepSpaceBetween`'s test of the character before a space, for one code unit that is no surrogate. */
function endsLatinWordCode(c: number): boolean {
  return isLatinLetterOrDigitCode(c) || (c < 0x80 && LATIN_WORD_END.includes(String.fromCharCode(c)));
}

/** `keepSpaceBetween`'s test of the character after a space, for one code unit that is no surrogate. */
function startsLatinWordCode(c: number): boolean {
  return isLatinLetterOrDigitCode(c) || (c < 0x80 && LATIN_WORD_START.includes(String.fromCharCode(c)));
}

/** {@link removeExtractorSpaces} of a trimmed line, by whole characters: for lines with surrogate pairs next to their spaces. */
function removeSpacesBetweenCharacters(t: string): string {
  const out = new Joined();
  let start = 0;
  while (start < t.length) {
    let end = start;
    while (end < t.length && !isExtractorSpace(t.charCodeAt(end))) end++;
    const word = t.slice(start, end);
    out.append(word, start > 0 && keepSpaceBetween(out.lastChar(), firstChar(word)));
    start = end;
    while (start < t.length && isExtractorSpace(t.charCodeAt(start))) start++;
  }
  return out.text;
}

/** ASCII punctuation that ends a word in Latin text and is followed by a space (`Packete, die`). */
const LATIN_WORD_END = ",.;:!?)]%'\"";
/** ASCII punctuation that opens a word in Latin text (`die (1901)`). */
const LATIN_WORD_START = "(['\"";
/** True when `ch` is one of the characters of `marks` (a string search: a regex per character costs more). */
const isOneOf = (ch: string, marks: string): boolean => ch.length === 1 && marks.includes(ch);

/**
 * A space is real only between two words of Latin script: letters (accented too) or digits,
 * after a word's closing punctuation or before its opening one. Next to CJK text it is the
 * extractor's.
 */
function keepSpaceBetween(before: string, after: string): boolean {
  return (isLatinLetterOrDigit(before) || isOneOf(before, LATIN_WORD_END)) && (isLatinLetterOrDigit(after) || isOneOf(after, LATIN_WORD_START));
}

/** Last character (code point) of a string, without splitting the whole string. */
export function lastChar(s: string): string {
  if (s.length === 0) return "";
  const low = s.charCodeAt(s.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

/** First character (code point) of a string. */
export function firstChar(s: string): string {
  if (s.length === 0) return "";
  const high = s.charCodeAt(0);
  return high >= 0xd800 && high <= 0xdbff && s.length >= 2 ? s.slice(0, 2) : s.slice(0, 1);
}

/**
 * Joins the lines of one paragraph: CJK text joins with no space, two Latin words with one,
 * a number cut at the line end (`17:` / `25`) with none.
 * @param lines cleaned lines of one paragraph
 */
export function joinWrappedLines(lines: readonly string[]): string {
  const out = new Joined();
  for (const line of lines) {
    if (line === "") continue;
    if (out.text === "") {
      out.append(line, false);
      continue;
    }
    out.append(line, endsLatinWord(out) && startsLatinWord(line));
  }
  return out.text;
}

/**
 * True when the text joined so far ends with a word of Latin script: a letter, or a letter and
 * the punctuation closing its word (`führt,`). Not a digit: a number cut at the line end joins
 * without a space. Asks `out` for its last characters: reading them off the joined string would
 * flatten it at every line, quadratic in a paragraph's length.
 */
function endsLatinWord(out: Joined): boolean {
  const last = out.lastChar();
  if (isLatinLetter(last)) return true;
  return isOneOf(last, LATIN_WORD_END) && isLatinLetter(out.codeUnitBeforeLast());
}

/** True when a line opens with a letter of Latin script (`desto`, `über`). */
const startsLatinWord = (line: string) => isLatinLetter(firstChar(line));
const isAsciiDigit = (ch: string) => ch >= "0" && ch <= "9";
const isLatinLetter = (ch: string) => isLatinLetterOrDigit(ch) && !isAsciiDigit(ch);

/** A number an extractor sets apart in a justified line (`10`, `2022`). */
const SPACED_NUMBER = /^[0-9]{1,4}$/u;

/**
 * True when a line is justified character by character: every word is one full-width character
 * or a number (`本 报 南 京 6 月 10 日 电`). Its spaces are the extractor's, none is a word gap.
 */
export function isSpacedOut(line: string): boolean {
  const tokens = line.trim().split(WHITESPACE_RUN);
  return tokens.length >= 3 && tokens.every((t) => (Array.from(t).length === 1 && isWideChar(t)) || SPACED_NUMBER.test(t));
}

/**
 * Normalises a heading (headline, kicker, label): collapses space runs; a heading spaced out
 * character by character (`短 评`) loses its spaces, while spaces between multi-character
 * phrases (`闻令动 显真情 铸忠诚`) are real and kept.
 */
export function normalizeHeading(text: string): string {
  const trimmed = text.trim();
  // most headings have no space inside: nothing to split
  if (!hasExtractorSpace(trimmed)) return trimmed;
  const tokens = trimmed.split(WHITESPACE_RUN).filter((t) => t !== "");
  if (tokens.length <= 1) return tokens[0] ?? "";
  const spacedOut = tokens.every((t) => Array.from(t).length === 1 && isWideChar(t));
  if (spacedOut) return tokens.join("");
  let out = tokens[0] ?? "";
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const before = lastChar(out);
    const after = firstChar(t);
    // a lone character beside a phrase is a justified gap (`奋 战`), and so is a space next to punctuation
    const prevToken = tokens[i - 1] ?? "";
    const gap =
      (Array.from(t).length === 1 && isWideChar(t)) ||
      (Array.from(prevToken).length === 1 && isWideChar(prevToken)) ||
      (!isCjkChar(before) && isWideChar(before)) ||
      (!isCjkChar(after) && isWideChar(after)) ||
      (isCjkChar(before) && isLatinOrDigit(after)) ||
      (isLatinOrDigit(before) && isCjkChar(after));
    out += gap ? t : " " + t;
  }
  return out;
}
