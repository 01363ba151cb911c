/** Character classes and display widths of newspaper text. */

/** CJK ideographs (with extensions and compatibility forms), kana and Hangul. */
const CJK_IDEOGRAPH = /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;

/**
 * Full-width punctuation and symbols (CJK punctuation block, full-width forms, dashes, ellipsis).
 * Curly quotes “”‘’ are not here: CJK typesetting compresses them to about half an em.
 */
const WIDE_PUNCT = /[\u2014\u2015\u2026\u2030-\u203B\u3000-\u303F\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6·]/u;

/** True for a CJK ideograph (or kana/Hangul), by code point; the common ranges are tested first. */
export function isCjkCode(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return CJK_IDEOGRAPH.test(String.fromCodePoint(cp));
}

/** True for a code point that takes a full em (ideographs and full-width punctuation). */
export function isWideCode(cp: number): boolean {
  if (cp < 0x2000) return cp === 0xb7;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff60)) return true;
  const ch = String.fromCodePoint(cp);
  return CJK_IDEOGRAPH.test(ch) || WIDE_PUNCT.test(ch);
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

/** True for an ASCII letter or digit (half-width). */
export function isLatinOrDigit(ch: string): boolean {
  return /[A-Za-z0-9]/.test(ch);
}

/** Half-width characters take half an em in a CJK column. */
const HALF_WIDTH = 0.5;

/**
 * Display width of a line in ems: a CJK character or full-width punctuation is 1, anything
 * else 0.5. Whitespace counts as nothing, because extractors add spaces that take no column.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp === 0x20 || cp === 0x09 || cp === 0x3000) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    width += isWideCode(cp) ? 1 : HALF_WIDTH;
  }
  return width;
}

/** Punctuation that closes a sentence (and so, possibly, a paragraph). */
export const SENTENCE_END = /[。！？!?…；][”’」』）)]*$/u;

/** True when the text ends a sentence: 。！？… possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for a code point that is a letter or digit; ASCII and CJK ideographs take a fast path. */
export function isLetterOrDigitCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp >= 0x3000 && cp <= 0x303f) return cp === 0x3005 || cp === 0x3006 || cp === 0x3007 || (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303c);
  if (cp >= 0xff01 && cp <= 0xff0f) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

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
  const counts = (scratch ??= new Int32Array(0x10000));
  const astral = new Map<number, number>();
  const touched: number[] = [];
  const add = (text: string, delta: number) => {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        i++;
      }
      if (!isLetterOrDigitCode(cp)) continue;
      if (cp >= 0x10000) astral.set(cp, (astral.get(cp) ?? 0) + delta);
      else {
        if (counts[cp] === 0) touched.push(cp);
        counts[cp]! += delta;
      }
    }
  };
  add(need, 1);
  for (const text of have) add(text, -1);
  const missing = new Set<number>();
  for (const cp of touched) {
    if (counts[cp]! > 0) missing.add(cp);
    counts[cp] = 0;
  }
  for (const [cp, n] of astral) if (n > 0) missing.add(cp);
  return missing;
}

/** Letters and digits of a string, in order. */
export function lettersAndDigits(text: string): string {
  let out = "";
  for (const ch of text) if (isLetterOrDigitCode(ch.codePointAt(0)!)) out += ch;
  return out;
}
