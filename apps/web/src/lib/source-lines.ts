import type { Span } from "@dubao/core";

/**
 * Most dump lines the page view renders. A page dump has a few hundred lines; a bigger one is
 * cut here so that one odd upload cannot make every visit to its page slow.
 */
export const MAX_SOURCE_LINES = 5000;

/** One line of a dump with the articles (by reading order) built from it. */
export interface SourceLine {
  /** 1-based line number, as in spans. */
  number: number;
  text: string;
  /** Reading-order numbers of the articles whose spans cover this line. */
  articles: number[];
}

/**
 * Splits a dump into lines and notes which articles each line belongs to. A page of a dump of
 * several pages (its spans carry the page number) shows its own lines only: from the line its
 * form feed opens to the line before the next page's.
 * @param raw the decoded dump
 * @param articles each article's reading-order number and spans
 * @returns the lines (at most {@link MAX_SOURCE_LINES}) and whether more were left out
 */
export function sourceLines(raw: string, articles: ReadonlyArray<{ seq: number; spans: readonly Span[] }>): { lines: SourceLine[]; truncated: boolean } {
  const texts = raw.split("\n");
  if (texts.length > 1 && texts[texts.length - 1] === "") texts.pop();
  const { from, to } = pageWindow(texts, articles);
  const shown = texts.slice(from - 1, Math.min(to, from - 1 + MAX_SOURCE_LINES));
  const lines: SourceLine[] = shown.map((text, i) => ({ number: from + i, text: text.replace(/\r$/, ""), articles: [] }));
  for (const { seq, spans } of articles) {
    for (const span of spans) {
      const last = Math.min(span.endLine, from + lines.length - 1);
      for (let n = Math.max(from, span.line); n <= last; n++) {
        const owners = lines[n - from]!.articles;
        if (!owners.includes(seq)) owners.push(seq);
      }
    }
  }
  return { lines, truncated: to - from + 1 > shown.length };
}

/**
 * The lines (1-based, inclusive) of the page the articles were parsed from: all of them, unless
 * their spans say the dump holds several pages; then those between the form feeds around the
 * page's first line (pdftotext ends each page with one, so a page opens on the line that holds
 * the form feed before it).
 */
function pageWindow(texts: readonly string[], articles: ReadonlyArray<{ spans: readonly Span[] }>): { from: number; to: number } {
  let first = Infinity;
  for (const { spans } of articles) for (const span of spans) if (span.page !== undefined) first = Math.min(first, span.line);
  if (first === Infinity || first > texts.length) return { from: 1, to: texts.length };
  let from = first;
  while (from > 1 && !texts[from - 1]!.includes("\f")) from--;
  let to = first;
  while (to < texts.length && !texts[to]!.includes("\f")) to++;
  return { from, to };
}

/**
 * The first source line of an article, for linking to it.
 * @returns the smallest `line` of its spans, or `null` without spans
 */
export function firstLine(spans: readonly Span[]): number | null {
  let min: number | null = null;
  for (const s of spans) if (min === null || s.line < min) min = s.line;
  return min;
}
