import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PageSchema, type Page } from "@dubao/core";
import { createCollectionWriter, FORMATS, FORMAT_NAMES, pageToNinjs, renderPage, type CollectionFormat, type FormatName } from "../src/index.js";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** A Page JSON fixture, validated against the schema (so fixtures cannot drift from it). */
export function loadPage(name: string): Page {
  return PageSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")));
}

/** Collects what a collection writer streams. */
export function memorySink(): { chunks: Uint8Array[]; write(chunk: Uint8Array): void; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    chunks,
    write(chunk) {
      chunks.push(chunk);
    },
    bytes() {
      return Buffer.concat(chunks);
    },
  };
}

/** A one-file export of some pages in a collection format. */
export async function collectionBytes(format: CollectionFormat, pages: readonly Page[], options: { bom?: boolean } = {}): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = createCollectionWriter(format, sink, options);
  for (const page of pages) await writer.addPage(page);
  await writer.end();
  return sink.bytes();
}

/**
 * Every file the export of one page writes in a format, by name (`<stem><extension>`, and for
 * ninjs `<stem>.<NN><extension>`).
 */
export async function exportFiles(format: FormatName, page: Page, stem: string): Promise<Map<string, Uint8Array>> {
  const info = FORMATS[format];
  const files = new Map<string, Uint8Array>();
  if (info.layout === "collection") {
    files.set(`${stem}${info.extension}`, await collectionBytes(format as CollectionFormat, [page]));
  } else if (info.layout === "per-article") {
    for (const f of pageToNinjs(page)) files.set(`${stem}.${f.suffix}${info.extension}`, Buffer.from(f.json, "utf8"));
  } else {
    files.set(`${stem}${info.extension}`, Buffer.from(renderPage(format as Parameters<typeof renderPage>[0], page), "utf8"));
  }
  return files;
}

export { FORMAT_NAMES };
