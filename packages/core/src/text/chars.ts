/** Character classes and display widths of newspaper text. */

/** CJK ideographs (with extensions and compatibility forms), kana and Hangul. */
const CJK_IDEOGRAPH = /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;

/**
 * Full-width punctuation and symbols (CJK punctuation block, full-width forms, dashes, ellipsis).
 * Curly quotes “”‘’ are not here: CJK typesetting compresses them to about half an em.
 */
const WIDE_PUNCT = /[\u2014\u2015\u2026\u2030-\u203B\u3000-\u303F\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6·]/u;

/** True for a CJK ideograph (or kana/Hangul). */
export function isCjkChar(ch: string): boolean {
  return CJK_IDEOGRAPH.test(ch);
}

/** True for a character that takes a full em in CJK typesetting (ideographs and full-width punctuation). */
export function isWideChar(ch: string): boolean {
  return CJK_IDEOGRAPH.test(ch) || WIDE_PUNCT.test(ch);
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
  for (const ch of text) {
    if (ch === " " || ch === "\t" || ch === "\u3000") continue;
    width += isWideChar(ch) ? 1 : HALF_WIDTH;
  }
  return width;
}

/** Punctuation that closes a sentence (and so, possibly, a paragraph). */
export const SENTENCE_END = /[。！？!?…；][”’」』）)]*$/u;

/** True when the text ends a sentence: 。！？… possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Letters and digits of a string, the unit of the "nothing lost" guarantee. */
export function lettersAndDigits(text: string): string {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).join("");
}
