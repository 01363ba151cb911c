import type { Article, Page, Source } from "@dubao/core";

/** What each line of the `jsonl` format holds: one article with its page's metadata. */
export interface JsonLinesRecord {
  page: {
    id: string;
    publication: string | null;
    date: string | null;
    pageNumber: number | null;
    pageName: string | null;
  };
  source: Source;
  article: Article;
}

/**
 * The `jsonl` record of one article. Missing page fields are `null`, so every line has the same
 * keys (pandas, R and DuckDB then see the same columns on every line).
 */
export function jsonLinesRecord(page: Page, article: Article): JsonLinesRecord {
  const { publication, date, pageNumber, pageName } = page.page;
  return {
    page: {
      id: page.id,
      publication: publication ?? null,
      date: date ?? null,
      pageNumber: pageNumber ?? null,
      pageName: pageName ?? null,
    },
    source: page.source,
    article,
  };
}

/**
 * `jsonl` (JSON Lines): one line per article, each a {@link JsonLinesRecord}; line breaks inside
 * strings are escaped by JSON, so a line is always one whole article.
 * @param page a parsed page
 * @returns the page's lines, each ending in `\n`; empty for a page without articles
 */
export function pageToJsonLines(page: Page): string {
  let out = "";
  for (const article of page.articles) out += `${JSON.stringify(jsonLinesRecord(page, article))}\n`;
  return out;
}
