/**
 * Escaping text for HTML and XML (XHTML, TEI, the EPUB package files).
 */

/**
 * Characters that XML 1.0 does not allow in a document at all, not even as character references:
 * C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; and UTF-16
 * surrogates that are not part of a pair. Page dumps may carry a stray one from OCR.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Form feed: a page break from a text extractor. XML forbids it; it means a line break here. */
const FORM_FEED = /\f/g;

/** What stands for a character that XML cannot carry: the Unicode replacement character. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const SPECIAL = /[&<>"']/g;

/**
 * Replaces the characters that XML 1.0 forbids: a form feed becomes a line feed, any other
 * with {@link REPLACEMENT_CHARACTER}. Every other character is kept as it is.
 * @param text any string
 */
export function xmlSafeCharacters(text: string): string {
  return text.replace(FORM_FEED, "\n").replace(XML_FORBIDDEN, REPLACEMENT_CHARACTER);
}

/**
 * Escapes text for element content or a quoted attribute value in HTML or XML: `&`, `<`, `>`,
 * `"` and `'` become references (so `]]>` and `</script>` are inert too), and characters that
 * XML forbids are replaced as by {@link xmlSafeCharacters}.
 * @param text any string
 * @returns text that parses back to `text` (less the forbidden characters) and holds no markup
 */
export function escapeMarkup(text: string): string {
  return xmlSafeCharacters(text).replace(SPECIAL, (c) => ENTITIES[c] ?? c);
}
