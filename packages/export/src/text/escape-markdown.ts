/**
 * Escaping text for Markdown (CommonMark and GitHub Flavored Markdown), so that text from a
 * page is shown as written: no emphasis, links, raw HTML, headings, lists or rules appear
 * that the page did not have.
 */

/**
 * ASCII punctuation that means something anywhere in a line: backslash, code spans, emphasis,
 * links and images, raw HTML and autolinks, entities, GFM tables and strikethrough, and `#`
 * (a trailing run of `#` closes an ATX heading). CommonMark lets a backslash escape any ASCII
 * punctuation, and the escaped character is shown as itself.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#]/g;

/**
 * What starts a block when it opens a line: list markers (`-`, `+`, and `1.` or `1)`), setext
 * heading underlines (`=`, and `-` again) and indentation (four spaces make a code block).
 * Block quotes (`>`), headings (`#`) and fences (`` ` ``, `~`) are escaped everywhere already.
 */
const LINE_START_SPECIAL = /^([ \t]*)(?:([-+=])|(\d{1,9})([.)]))/gm;

/**
 * Escapes text so that Markdown renders it literally.
 * @param text any string; line breaks are kept (each new line is escaped the same way)
 * @returns the Markdown source of `text`
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(LINE_START_SPECIAL, (_all, indent: string, marker?: string, digits?: string, delimiter?: string) => {
      const lead = spellSpaces(indent);
      return marker !== undefined ? `${lead}\\${marker}` : `${lead}${digits ?? ""}\\${delimiter ?? ""}`;
    })
    .replace(/^[ \t]+|[ \t]+$/gm, spellSpaces);
}

/**
 * Spaces and tabs at the start or end of a line, spelled as character references: at the start
 * they would make a code block or be dropped, at the end they would be dropped or, two or more,
 * make a hard line break.
 */
function spellSpaces(run: string): string {
  return run.replace(/ /g, "&#32;").replace(/\t/g, "&#9;");
}

/**
 * Escapes text for a one-line Markdown construct such as a heading: as {@link escapeMarkdown},
 * with every line break (which would end the heading) shown as a space.
 * @param text any string
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text.replace(/\r\n|[\r\n]/g, " "));
}
