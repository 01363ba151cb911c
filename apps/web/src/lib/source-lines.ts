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
 * Splits a dump into lines and notes which articles each line belongs to.
 * @param raw the decoded dump
 * @param articles each article's reading-order number and spans
 * @returns the lines (at most {@link MAX_SOURCE_LINES}) and whether more were left out
 */
export function sourceLines(raw: string, articles: ReadonlyArray<{ seq: number; spans: readonly Span[] }>): { lines: SourceLine[]; truncated: boolean } {
  const texts = raw.split("\n");
  if (texts.length > 1 && texts[texts.length - 1] === "") texts.pop();
  const shown = texts.slice(0, MAX_SOURCE_LINES);
  const lines: SourceLine[] = shown.map((text, i) => ({ number: i + 1, text: text.replace(/\r$/, ""), articles: [] }));
  for (const { seq, spans } of articles) {
    for (const span of spans) {
      const last = Math.min(span.endLine, lines.length);
      for (let n = Math.max(1, span.line); n <= last; n++) {
        const owners = lines[n - 1]!.articles;
        if (!owners.includes(seq)) owners.push(seq);
      }
    }
  }
  return { lines, truncated: texts.length > shown.length };
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
