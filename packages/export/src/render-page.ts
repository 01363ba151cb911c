import type { Page } from "@dubao/core";
import { pageToCsv } from "./formats/csv.js";
import { pageToHtml } from "./formats/html.js";
import { pageToJson } from "./formats/json.js";
import { pageToJsonLines } from "./formats/jsonl.js";
import { pageToMarkdown } from "./formats/markdown.js";
import { pageToTei } from "./formats/tei.js";
import { pageToText } from "./formats/text.js";

/** The formats that give one text file per page. */
export const PAGE_FORMATS = ["json", "md", "html", "txt", "tei"] as const;
/** One of {@link PAGE_FORMATS}. */
export type PageFormat = (typeof PAGE_FORMATS)[number];

/**
 * Renders one page in a per-page text format, or as a one-page `jsonl` or `csv` file (the web
 * app's download of a single page). For EPUB use `createCollectionWriter`, for ninjs `pageToNinjs`.
 * @param format the format
 * @param page a parsed page
 * @param options `bom`: start a CSV with a UTF-8 byte-order mark
 */
export function renderPage(format: PageFormat | "jsonl" | "csv", page: Page, options: { bom?: boolean } = {}): string {
  switch (format) {
    case "json":
      return pageToJson(page);
    case "md":
      return pageToMarkdown(page);
    case "html":
      return pageToHtml(page);
    case "txt":
      return pageToText(page);
    case "tei":
      return pageToTei(page);
    case "jsonl":
      return pageToJsonLines(page);
    case "csv":
      return pageToCsv(page, options.bom === true);
  }
}
