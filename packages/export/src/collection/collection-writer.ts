import type { Page } from "@dubao/core";
import { csvHeader, pageToCsvRows, UTF8_BOM } from "../formats/csv.js";
import { epubPage, type EpubPage } from "../formats/epub/epub-documents.js";
import { EpubWriter, type EpubOptions } from "../formats/epub/epub-writer.js";
import { pageToJsonLines } from "../formats/jsonl.js";
import { utf8, type ByteSink } from "./byte-sink.js";

/** The formats that put every page into one file, written as a stream. */
export const COLLECTION_FORMATS = ["jsonl", "csv", "epub"] as const;
/** One of {@link COLLECTION_FORMATS}. */
export type CollectionFormat = (typeof COLLECTION_FORMATS)[number];

/**
 * One page, made ready for a collection: the text it adds (`jsonl`, `csv`) or its chapters
 * (`epub`). Made by {@link collectionPart}, which is pure and may run on a worker thread; the
 * value is structured-cloneable.
 */
export type CollectionPart = { format: "jsonl" | "csv"; text: string } | { format: "epub"; page: EpubPage };

/** Options of {@link createCollectionWriter}. */
export interface CollectionOptions extends EpubOptions {
  /** `csv`: start the file with a UTF-8 byte-order mark (for spreadsheet programs). */
  bom?: boolean;
}

/** Writes one collection file (see {@link createCollectionWriter}). */
export interface CollectionWriter {
  /** Adds a page made ready by {@link collectionPart}; resolves when its bytes are in the sink. */
  addPart(part: CollectionPart): Promise<void>;
  /** Adds a page (`collectionPart` and `addPart` in one). */
  addPage(page: Page): Promise<void>;
  /** Writes what closes the file (the EPUB's contents and package document, the ZIP directory). */
  end(): Promise<void>;
}

/**
 * Makes a page ready for a collection file.
 * @param format `jsonl`, `csv` or `epub`
 * @param page a parsed page
 */
export function collectionPart(format: CollectionFormat, page: Page): CollectionPart {
  switch (format) {
    case "jsonl":
      return { format, text: pageToJsonLines(page) };
    case "csv":
      return { format, text: pageToCsvRows(page) };
    case "epub":
      return { format, page: epubPage(page) };
  }
}

/**
 * A writer of one file holding many pages, streamed to `sink` page by page: memory holds one
 * page's output at a time (and, for EPUB, the table of contents). Pages appear in the order they
 * are added, so the same pages in the same order give the same bytes.
 * - `jsonl`: one line per article;
 * - `csv`: optional BOM, the header, one record per article (the header alone when no page has one);
 * - `epub`: one chapter per article, contents by page (`end` throws `EmptyEpubError` when no page
 *   has an article).
 */
export function createCollectionWriter(format: CollectionFormat, sink: ByteSink, options: CollectionOptions = {}): CollectionWriter {
  if (format === "epub") {
    const epub = new EpubWriter(sink, options);
    const addPart = async (part: CollectionPart) => {
      if (part.format !== "epub") throw new Error(`a ${part.format} part cannot go into an EPUB`);
      await epub.addPage(part.page);
    };
    return { addPart, addPage: (page) => addPart(collectionPart(format, page)), end: () => epub.end() };
  }
  let started = false;
  const start = async () => {
    started = true;
    if (format === "csv") await sink.write(utf8((options.bom ? UTF8_BOM : "") + csvHeader()));
  };
  const addPart = async (part: CollectionPart) => {
    if (part.format !== format) throw new Error(`a ${part.format} part cannot go into a ${format} file`);
    if (!started) await start();
    if (part.text !== "") await sink.write(utf8(part.text));
  };
  return {
    addPart,
    addPage: (page) => addPart(collectionPart(format, page)),
    end: async () => {
      if (!started) await start();
    },
  };
}
