import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { COLLECTION_FORMATS, collectionPart, createCollectionWriter, CSV_COLUMNS, renderPage } from "../src/index.js";
import { collectionBytes, loadPage, memorySink } from "./helpers.js";

const seed = loadPage("seed.page.json");
const hostile = loadPage("hostile.page.json");

describe("collection writers", () => {
  for (const format of COLLECTION_FORMATS) {
    it(`${format}: streams each page to the sink as it is added, not at the end`, async () => {
      const sink = memorySink();
      const writer = createCollectionWriter(format, sink);
      let before = 0;
      for (const page of [seed, hostile, seed]) {
        await writer.addPage(page);
        const now = sink.chunks.reduce((n, c) => n + c.length, 0);
        // Each page's articles are in the sink once addPage resolves (EPUB chapters are compressed).
        expect(now - before).toBeGreaterThan(page.articles.length * 100);
        before = now;
      }
      await writer.end();
    });
  }

  it("jsonl: pages follow each other, one line per article", async () => {
    const text = Buffer.from(await collectionBytes("jsonl", [seed, hostile])).toString("utf8");
    expect(text).toBe(renderPage("jsonl", seed) + renderPage("jsonl", hostile));
    expect(text.split("\n").length - 1).toBe(seed.articles.length + hostile.articles.length);
  });

  it("csv: one header (after the BOM when asked), then every page's records", async () => {
    const bytes = Buffer.from(await collectionBytes("csv", [seed, hostile, seed], { bom: true }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parseCsv(bytes.toString("utf8"), { bom: true });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 2 * seed.articles.length + hostile.articles.length);
    expect(rows.filter((r) => r[0] === "page_id")).toHaveLength(1);
  });

  it("csv: the header alone when no page has an article", async () => {
    const text = Buffer.from(await collectionBytes("csv", [{ ...seed, articles: [] }])).toString("utf8");
    expect(text).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("parts made elsewhere (e.g. on a worker thread) survive structured cloning", async () => {
    for (const format of COLLECTION_FORMATS) {
      const direct = await collectionBytes(format, [seed, hostile]);
      const sink = memorySink();
      const writer = createCollectionWriter(format, sink);
      for (const page of [seed, hostile]) await writer.addPart(structuredClone(collectionPart(format, page)));
      await writer.end();
      expect(Buffer.from(sink.bytes()).equals(Buffer.from(direct)), format).toBe(true);
    }
  });

  it("refuses a part of another format", async () => {
    const writer = createCollectionWriter("csv", memorySink());
    await expect(writer.addPart(collectionPart("jsonl", seed))).rejects.toThrow(/jsonl part/);
  });
});
