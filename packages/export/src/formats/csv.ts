import type { Article, Page } from "@dubao/core";
import { stringify } from "csv-stringify/sync";
import { articleText, BYLINE_ROLES } from "../page-labels.js";

/**
 * The columns of the `csv` format, in order. Names are snake_case so that pandas, R and DuckDB
 * take them as they are.
 */
export const CSV_COLUMNS = [
  "page_id",
  "source_name",
  "source_sha256",
  "publication",
  "date",
  "page_number",
  "page_name",
  "article_id",
  "kind",
  "column",
  "kicker",
  "headline",
  "subheadline",
  "dateline",
  "byline",
  "reporters",
  "correspondents",
  "photographers",
  "editors",
  "authors",
  "paragraphs",
  "text",
] as const;

/** Separator of the names in one role column: the Chinese enumeration comma, which no name holds. */
export const NAME_SEPARATOR = "、";

/** Byte-order mark that spreadsheet programs need to read a CSV file as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** RFC 4180: records end in CRLF; fields with a comma, quote or line break are quoted. */
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

/** The header record of the `csv` format, with its CRLF. */
export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]], CSV_OPTIONS);
}

function csvRow(page: Page, article: Article): string[] {
  const { publication, date, pageNumber, pageName } = page.page;
  const byline = article.byline;
  return [
    page.id,
    page.source.name,
    page.source.sha256,
    publication ?? "",
    date ?? "",
    pageNumber === undefined ? "" : String(pageNumber),
    pageName ?? "",
    article.id,
    article.kind,
    article.column ?? "",
    article.kicker ?? "",
    article.headline ?? "",
    article.subheadline ?? "",
    article.dateline ?? "",
    byline?.raw ?? "",
    ...BYLINE_ROLES.map((role) => (byline === null ? "" : byline[role].join(NAME_SEPARATOR))),
    String(article.paragraphs.length),
    articleText(article),
  ];
}

/**
 * `csv` records of one page (RFC 4180): one per article, in the columns of {@link CSV_COLUMNS}.
 * Missing values are empty fields; `text` holds the paragraphs, one a line (CRLF-safe quoting).
 * @param page a parsed page
 * @returns the records, each ending in CRLF, without the header
 */
export function pageToCsvRows(page: Page): string {
  if (page.articles.length === 0) return "";
  return stringify(
    page.articles.map((article) => csvRow(page, article)),
    CSV_OPTIONS,
  );
}

/**
 * A whole `csv` file for one page: header and records.
 * @param bom start with a UTF-8 byte-order mark
 */
export function pageToCsv(page: Page, bom = false): string {
  return (bom ? UTF8_BOM : "") + csvHeader() + pageToCsvRows(page);
}
