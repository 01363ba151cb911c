/**
 * `@dubao/export`: parsed pages (the `Page` of `@dubao/core`) in the formats archives,
 * researchers and readers use. Every function is pure and runs in Node and in browsers.
 *
 * - one file per page: {@link renderPage} (`json`, `md`, `html`, `txt`, `tei`);
 * - one file per article: {@link pageToNinjs} (IPTC ninjs 2.1);
 * - one file for many pages, streamed: {@link createCollectionWriter} (`jsonl`, `csv`, `epub`),
 *   with {@link collectionPart} to prepare pages elsewhere (e.g. on worker threads).
 */
export { FORMAT_NAMES, FORMATS, formatInfo, type FormatInfo, type FormatName, type OutputLayout } from "./formats/index.js";
export { renderPage, PAGE_FORMATS, type PageFormat } from "./render-page.js";
export {
  COLLECTION_FORMATS,
  collectionPart,
  createCollectionWriter,
  type CollectionFormat,
  type CollectionOptions,
  type CollectionPart,
  type CollectionWriter,
} from "./collection/collection-writer.js";
export type { ByteSink } from "./collection/byte-sink.js";
export { pageToJson } from "./formats/json.js";
export { pageToJsonLines, jsonLinesRecord, type JsonLinesRecord } from "./formats/jsonl.js";
export { pageToCsv, pageToCsvRows, csvHeader, CSV_COLUMNS, NAME_SEPARATOR, UTF8_BOM } from "./formats/csv.js";
export { pageToMarkdown } from "./formats/markdown.js";
export { pageToHtml } from "./formats/html.js";
export { pageToText } from "./formats/text.js";
export { pageToTei, TEI_NAMESPACE } from "./formats/tei.js";
export {
  articleToNinjs,
  articleUri,
  pageToNinjs,
  NINJS_SCHEMA_URI,
  NINJS_VERSION,
  PUBLICATION_TIME_ZONE_OFFSET,
  type NinjsDocument,
  type NinjsFile,
} from "./formats/ninjs.js";
export { epubPage, type EpubChapter, type EpubPage } from "./formats/epub/epub-documents.js";
export { EmptyEpubError, EpubWriter, MAX_ZIP_ENTRIES, UNDATED_MODIFIED, type EpubOptions } from "./formats/epub/epub-writer.js";
export { articleTitle, pageTitle, CONTENT_LANGUAGE } from "./page-labels.js";
export { escapeMarkup, xmlSafeCharacters } from "./text/escape-markup.js";
export { escapeMarkdown, escapeMarkdownLine } from "./text/escape-markdown.js";
