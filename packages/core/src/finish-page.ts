/**
 * The steps that finish every Page, whatever the input (text dump or layout): units no article
 * took go to `unassigned`, and the lossless check keeps every line whose letters or digits the
 * Page lacks.
 */
import { spansOf, type Line } from "./pipeline/lines.js";
import { unitRawText } from "./pipeline/unit-text.js";
import type { Unit } from "./pipeline/units.js";
import type { Diagnostic, Page, UnassignedBlock } from "./schema.js";
import { lettersAndDigits, missingLetters } from "./text/chars.js";

/**
 * What a parser does when one of its own bugs stops it: a page must not be lost, so the
 * articles made so far are dropped, the whole text is kept in `unassigned`, and an error says
 * what happened.
 * @param page the Page so far (changed in place)
 * @param kept the input's text, as unassigned blocks
 * @param error what was thrown
 */
export function keepAfterInternalError(page: Page, kept: UnassignedBlock[], error: unknown): void {
  page.articles = [];
  page.unassigned = kept;
  page.diagnostics.push({
    code: "parser-error",
    severity: "error",
    message: `internal parser error: ${error instanceof Error ? error.message : String(error)}`,
    span: null,
  });
}

/** A unit no article took, kept whole with the reason. */
export function unassigned(unit: Unit, reason: string): UnassignedBlock {
  return { text: unitRawText(unit), reason, spans: spansOf(unit.lines) };
}

/**
 * The lossless guarantee: any line whose letters and digits are not all in the Page is kept
 * in `unassigned`, with a diagnostic.
 * @param page the Page so far (changed in place)
 * @param lines every line of the input
 * @param input the text whose letters and digits must all be in the Page
 */
export function keepEveryLetter(page: Page, lines: readonly Line[], input: string): void {
  const have: string[] = [];
  const count = (s: string | null | undefined) => {
    if (s) have.push(s);
  };
  for (const a of page.articles) {
    [a.kicker, a.headline, a.subheadline, a.dateline, a.column].forEach(count);
    if (a.byline) count(a.byline.raw);
    a.paragraphs.forEach((p) => count(p.text));
    a.jumps.forEach((j) => count(j.raw));
  }
  page.unassigned.forEach((u) => count(u.text));
  const p = page.page;
  [p.publication, p.pageName, p.banner, p.header].forEach(count);
  const missing = missingLetters(input, have);
  if (missing.size === 0) return;
  // keep the lines that hold a missing character
  const kept: Line[] = lines.filter((l) => Array.from(lettersAndDigits(l.raw)).some((c) => missing.has(c.codePointAt(0)!)));
  for (const l of kept) {
    page.unassigned.push({ text: l.raw, reason: "letters not placed in any article", spans: spansOf([l]) });
  }
  const diagnostic: Diagnostic = {
    code: "unplaced-text",
    severity: "warning",
    message: `${kept.length} line(s) hold text that no article field took; kept in unassigned`,
    span: kept[0] ? spansOf([kept[0]])[0]! : null,
  };
  page.diagnostics.push(diagnostic);
}
