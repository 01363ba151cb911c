/** Every export format: name, one-line summary, how its output is laid out, file extension. */

/** Names of the export formats, in the order `dubao formats` lists them. */
export const FORMAT_NAMES = ["json", "jsonl", "md", "html", "txt", "csv", "epub", "tei", "ninjs"] as const;
/** One of {@link FORMAT_NAMES}. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * How a format's output is laid out:
 * - `collection`: one file for all pages (streamed);
 * - `per-page`: one file per page;
 * - `per-article`: one file per article.
 */
export type OutputLayout = "collection" | "per-page" | "per-article";

/** What a caller needs to know of a format to offer it and name its files. */
export interface FormatInfo {
  name: FormatName;
  /** One line for `dubao formats` and download menus. */
  summary: string;
  layout: OutputLayout;
  /** File name ending, with its dot. */
  extension: string;
  /** IANA media type, for downloads. */
  mediaType: string;
  /** Whether the output is binary (not text to print on a terminal). */
  binary: boolean;
}

/** The formats, by name. */
export const FORMATS: Readonly<Record<FormatName, FormatInfo>> = {
  json: { name: "json", summary: "the Page as JSON, as `dubao parse` writes it (one file per page)", layout: "per-page", extension: ".json", mediaType: "application/json", binary: false },
  jsonl: { name: "jsonl", summary: "JSON Lines: one article per line with its page's metadata (one file)", layout: "collection", extension: ".jsonl", mediaType: "application/jsonl", binary: false },
  csv: { name: "csv", summary: "CSV (RFC 4180): one article per row, for spreadsheets, pandas, R, DuckDB (one file; --bom for Excel)", layout: "collection", extension: ".csv", mediaType: "text/csv", binary: false },
  md: { name: "md", summary: "Markdown with YAML front matter, subheads as headings (one file per page)", layout: "per-page", extension: ".md", mediaType: "text/markdown", binary: false },
  html: { name: "html", summary: "a standalone, script-free HTML page with CJK typography (one file per page)", layout: "per-page", extension: ".html", mediaType: "text/html", binary: false },
  txt: { name: "txt", summary: "plain text, one article after another, headline first (one file per page)", layout: "per-page", extension: ".txt", mediaType: "text/plain", binary: false },
  epub: { name: "epub", summary: "EPUB 3 book: one chapter per article, contents by page (one file)", layout: "collection", extension: ".epub", mediaType: "application/epub+zip", binary: true },
  tei: { name: "tei", summary: "TEI P5 XML: <div type=\"article\"> with heads, byline, dateline, paragraphs (one file per page)", layout: "per-page", extension: ".tei.xml", mediaType: "application/tei+xml", binary: false },
  ninjs: { name: "ninjs", summary: "IPTC ninjs 2.1 JSON, one document per article (one file per article)", layout: "per-article", extension: ".ninjs.json", mediaType: "application/json", binary: false },
};

/**
 * Looks a format up by name.
 * @returns its info, or `undefined` for an unknown name
 */
export function formatInfo(name: string): FormatInfo | undefined {
  return Object.hasOwn(FORMATS, name) ? FORMATS[name as FormatName] : undefined;
}
