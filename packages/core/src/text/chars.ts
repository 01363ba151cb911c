/** Character classes and display widths of newspaper text. */

/** CJK ideographs (with extensions and compatibility forms), kana and Hangul. */
const CJK_IDEOGRAPH = /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;

/**
 * Full-width punctuation and symbols (CJK punctuation block, full-width forms, dashes, ellipsis).
 * Curly quotes “”‘’ are not here: CJK typesetting compresses them to about half an em.
 */
const WIDE_PUNCT = /[\u2014\u2015\u2026\u2030-\u203B\u3000-\u303F\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6·]/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/*
 * The classes of a code point in the Basic Multilingual Plane are looked up in a table filled
 * on first use of each code point: the text of a page is classified character by character
 * several times over, and the Unicode regular expressions above are slow per call.
 */
/** Table bit: the code point has been classified. */
const KNOWN = 1;
/** Table bit: {@link isCjkCode}. */
const CJK = 2;
/** Table bit: {@link isWideCode}. */
const WIDE = 4;
/** Table bit: {@link isLetterOrDigitCode}. */
const LETTER = 8;
/** Code points covered by the table (the Basic Multilingual Plane). */
const BMP_SIZE = 0x10000;
let classes: Uint8Array | null = null;

function cjkBySlowPath(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return CJK_IDEOGRAPH.test(String.fromCodePoint(cp));
}

function wideBySlowPath(cp: number): boolean {
  if (cp < 0x2000) return cp === 0xb7;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff60)) return true;
  const ch = String.fromCodePoint(cp);
  return CJK_IDEOGRAPH.test(ch) || WIDE_PUNCT.test(ch);
}

function letterOrDigitBySlowPath(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp >= 0x3000 && cp <= 0x303f) return cp === 0x3005 || cp === 0x3006 || cp === 0x3007 || (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303c);
  if (cp >= 0xff01 && cp <= 0xff0f) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** The class bits of a BMP code point, classifying it on first use. */
function classOf(cp: number): number {
  const table = (classes ??= new Uint8Array(BMP_SIZE));
  const known = table[cp]!;
  if (known !== 0) return known;
  const bits = KNOWN | (cjkBySlowPath(cp) ? CJK : 0) | (wideBySlowPath(cp) ? WIDE : 0) | (letterOrDigitBySlowPath(cp) ? LETTER : 0);
  table[cp] = bits;
  return bits;
}

/** True for a CJK ideograph (or kana/Hangul), by code point. */
export function isCjkCode(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return cp < BMP_SIZE ? (classOf(cp) & CJK) !== 0 : cjkBySlowPath(cp);
}

/** True for a code point that takes a full em (ideographs and full-width punctuation). */
export function isWideCode(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2000) return cp === 0xb7;
  return cp < BMP_SIZE ? (classOf(cp) & WIDE) !== 0 : wideBySlowPath(cp);
}

/** True for a CJK ideograph (or kana/Hangul): the first character of `ch`. */
export function isCjkChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && isCjkCode(cp);
}

/** True for a character that takes a full em in CJK typesetting: the first character of `ch`. */
export function isWideChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && isWideCode(cp);
}

/** True when `ch` holds an ASCII letter or digit (half-width); meant for one character. */
export function isLatinOrDigit(ch: string): boolean {
  for (let i = 0; i < ch.length; i++) {
    const c = ch.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/**
 * True when `ch` is a letter or digit of Latin script: ASCII, or accented (Latin-1 Supplement,
 * Latin Extended-A and -B: `ü`, `ł`, `ș`); meant for one character.
 */
export function isLatinLetterOrDigit(ch: string): boolean {
  if (isLatinOrDigit(ch)) return true;
  const c = ch.charCodeAt(0);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** {@link isLatinLetterOrDigit} of the one character whose code unit is `c` (no surrogate). */
export function isLatinLetterOrDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Half-width characters take half an em in a CJK column. */
const HALF_WIDTH = 0.5;

/**
 * Display width of a line in ems: a CJK character or full-width punctuation is 1, anything
 * else 0.5. Whitespace counts as nothing, because extractors add spaces that take no column.
 */
export function displayWidth(text: string): number {
  // counted in integers and weighed once: the sum is the same (halves add up exactly in a double),
  // and the loop does no floating-point work
  let wide = 0;
  let narrow = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp === 0x20 || cp === 0x09 || cp === 0x3000) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (isWideCode(cp)) wide++;
    else narrow++;
  }
  return wide + narrow * HALF_WIDTH;
}

/** Punctuation that closes a sentence (and so, possibly, a paragraph). */
export const SENTENCE_END = /[。！？!?…；][”’」』）)]*$/u;

/** What `String.prototype.trimEnd` removes: ECMAScript white space and line terminators (`\s` of a regex). */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  // ideographs and most punctuation of CJK text: one comparison
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character of {@link isWhiteSpaceCode} (the same set: `\s`). */
const WHITE_SPACE = /\s/u;

/**
 * True when the text has no white space but single ASCII spaces between other characters: what
 * collapsing white space runs to one space and trimming leaves unchanged. One pass, no regex.
 */
export function isCollapsed(text: string): boolean {
  // most lines hold no white space at all: the regex engine finds that in a fraction of the loop's instructions
  if (!WHITE_SPACE.test(text)) return true;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (!isWhiteSpaceCode(c)) continue;
    if (c !== 0x20 || i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
  }
  return true;
}

/** Closing quotes and brackets that may follow the end of a sentence: ”’」』）) */
function isClosingMark(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29;
}

/** Sentence-ending punctuation: 。！？!?…； */
function isSentenceMark(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0xff1b;
}

/**
 * True when the text ends a sentence: 。！？… possibly followed by closing quotes or brackets
 * ({@link SENTENCE_END} after trailing white space), read backwards from the end without copying.
 */
export function endsSentence(text: string): boolean {
  let i = text.length;
  while (i > 0 && isWhiteSpaceCode(text.charCodeAt(i - 1))) i--;
  while (i > 0 && isClosingMark(text.charCodeAt(i - 1))) i--;
  return i > 0 && isSentenceMark(text.charCodeAt(i - 1));
}

/** True for a code point that is a letter or digit; ASCII and CJK ideographs take a fast path. */
export function isLetterOrDigitCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return cp < BMP_SIZE ? (classOf(cp) & LETTER) !== 0 : letterOrDigitBySlowPath(cp);
}

/** Joins the output's texts for {@link missingLetters}: no letter or digit, no surrogate. */
const TEXT_SEPARATOR = "\n";

/** Scratch counts for the Basic Multilingual Plane, reused between calls (parsing is synchronous). */
let scratch: Int32Array | null = null;

/**
 * Letters and digits of `need` that `have` lacks (counting repeats): the check behind the
 * "nothing lost" guarantee. One pass over each string; a reused flat array, reset after use.
 * @param need the input text
 * @param have every string of the output
 * @returns code points that `have` holds fewer times than `need`
 */
export function missingLetters(need: string, have: readonly string[]): Set<number> {
  const counts = (scratch ??= new Int32Array(BMP_SIZE));
  const astral = new Map<number, number>();
  const touched: number[] = [];
  countNeeded(need, counts, touched, astral);
  // read as one flat string: the output's texts are mostly concatenations (cons strings), which
  // compiled code reads a character at a time through the rope; a line break between them is no
  // letter and pairs no surrogates across two texts
  countHad(have.join(TEXT_SEPARATOR), counts, astral);
  const missing = new Set<number>();
  for (const cp of touched) {
    if (counts[cp]! > 0 && isLetterOrDigitCode(cp)) missing.add(cp);
    counts[cp] = 0;
  }
  for (const [cp, n] of astral) if (n > 0) missing.add(cp);
  return missing;
}

/**
 * Counts each BMP character of `text` in `counts` (listed in `touched` once), and each letter and
 * digit beyond it in `astral`. The BMP characters are counted whatever they are: whether one is a
 * letter is asked once per distinct character, of the few left over, not once per character.
 */
function countNeeded(text: string, counts: Int32Array, touched: number[], astral: Map<number, number>): void {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (cp < BMP_SIZE) {
      if (counts[cp] === 0) touched.push(cp);
      counts[cp]!++;
    } else if (isLetterOrDigitCode(cp)) astral.set(cp, (astral.get(cp) ?? 0) + 1);
  }
}

/**
 * Takes each character of `text` off the counts (beyond the BMP, each letter and digit), down to 0:
 * a character had more often than needed (or never needed) can make no other one missing, so the
 * counts never go below 0 and only the needed characters need resetting.
 */
function countHad(text: string, counts: Int32Array, astral: Map<number, number>): void {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (cp < BMP_SIZE) {
      // a character not needed has count 0: neither letter test nor update
      if (counts[cp]! > 0) counts[cp]!--;
    } else {
      const n = astral.get(cp);
      if (n !== undefined && n > 0) astral.set(cp, n - 1);
    }
  }
}

/** Letters and digits of a string, in order. */
export function lettersAndDigits(text: string): string {
  let out = "";
  for (const ch of text) if (isLetterOrDigitCode(ch.codePointAt(0)!)) out += ch;
  return out;
}
