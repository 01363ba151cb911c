/**
 * Telling PDF text that can be read from text that cannot. A PDF whose fonts have no Unicode map
 * (no ToUnicode, no standard encoding, no usable font cmap) gives glyph ids instead of letters:
 * pdf.js returns them as control characters, private-use characters or U+FFFD. Such a page must
 * not become articles of nonsense; the reader reports it with {@link NO_UNICODE_CODE}.
 */

/** Diagnostic code of a PDF page whose text cannot be mapped to Unicode. */
export const NO_UNICODE_CODE = "pdf-no-unicode";

/**
 * Largest share of unreadable characters a page's text may hold and still be read. Real text
 * has none (a dingbat or two at most, a few per thousand); a page set in a font without a
 * Unicode map has them almost everywhere. A quarter leaves a wide margin on both sides.
 */
export const MAX_UNREADABLE_SHARE = 0.25;

/** What {@link measureReadability} found in a page's text. */
export interface Readability {
  /** Characters other than spaces. */
  characters: number;
  /** Of those, characters no reader can use: controls, private use, U+FFFD, noncharacters. */
  unreadable: number;
}

/** Whether a code point stands for no readable character in extracted text. */
export function isUnreadable(codePoint: number): boolean {
  if (codePoint < 0x20) return true; // tabs and line feeds too: PDF text runs hold no line breaks
  if (codePoint >= 0x7f && codePoint <= 0x9f) return true;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return true; // a lone surrogate
  if (codePoint >= 0xe000 && codePoint <= 0xf8ff) return true;
  if (codePoint >= 0xf0000) return true; // supplementary private use planes
  if (codePoint === 0xfffd) return true;
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return true;
  return (codePoint & 0xfffe) === 0xfffe; // U+FFFE, U+FFFF and their copies in every plane
}

/** Counts the characters of `text` and the unreadable ones among them. */
export function measureReadability(text: string): Readability {
  let characters = 0;
  let unreadable = 0;
  for (const ch of text) {
    // only spaces are skipped: a glyph code read as a tab or line feed is no letter either
    if (/\p{Zs}/u.test(ch)) continue;
    characters++;
    if (isUnreadable(ch.codePointAt(0)!)) unreadable++;
  }
  return { characters, unreadable };
}

/**
 * A one-line problem when the page's text is mostly unreadable, else `null`.
 * @param readability counts from {@link measureReadability}
 */
export function unreadableProblem(readability: Readability): string | null {
  const { characters, unreadable } = readability;
  if (characters === 0 || unreadable <= MAX_UNREADABLE_SHARE * characters) return null;
  const pct = Math.round((100 * unreadable) / characters);
  return `the page's fonts have no Unicode map: ${pct}% of its ${characters} characters are glyph codes, not letters (run OCR on this page instead)`;
}
