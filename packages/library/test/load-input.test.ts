import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPageInput, loadPageInputs, pageSourceKey, readPageFile, readPageInputs, type LoadedPage } from "../src/index.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("loadPageInput", () => {
  it("parses a text dump and keeps its text", () => {
    const r = loadPageInput(enc("标题\n正文第一段。\n"), "dumps/page.txt");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.raw).toBe("标题\n正文第一段。\n");
      expect(r.page.source.name).toBe("page.txt");
    }
  });

  it("refuses binary, undecodable, empty and oversized input with one line", () => {
    const bad = [
      loadPageInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "x.txt"),
      loadPageInput(new Uint8Array([0xff, 0xff, 0xff, 0x41, 0x81]), "x.txt"),
      loadPageInput(enc("  \n "), "x.txt"),
      loadPageInput(new Uint8Array(11), "x.txt", { maxBytes: 10 }),
      loadPageInput(enc("{not json"), "x.json"),
      loadPageInput(enc('{"schemaVersion":"1.0"}'), "x.json"),
    ];
    const problems = bad.map((r) => (r.ok ? "ok" : r.problem));
    expect(problems[0]).toMatch(/binary/);
    expect(problems[1]).toMatch(/not UTF-8, UTF-16 or GB18030/);
    expect(problems[2]).toMatch(/empty/);
    expect(problems[3]).toMatch(/too large/);
    expect(problems[4]).toMatch(/not valid JSON/);
    expect(problems[5]).toMatch(/not a dubao Page JSON/);
    for (const p of problems) expect(p).not.toContain("\n");
  });
});

describe("readPageFile", () => {
  it("reads Page JSON and the dump beside it when the hashes agree", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dubao-load-"));
    const dump = "标题\n正文。\n";
    writeFileSync(path.join(dir, "page.txt"), dump);
    const parsed = loadPageInput(enc(dump), "page.txt");
    if (!parsed.ok) throw new Error(parsed.problem);
    writeFileSync(path.join(dir, "page.json"), JSON.stringify(parsed.page));
    const r = await readPageFile(path.join(dir, "page.json"));
    expect(r.ok && r.raw).toBe(dump);

    writeFileSync(path.join(dir, "page.txt"), "changed");
    const stale = await readPageFile(path.join(dir, "page.json"));
    expect(stale.ok && stale.raw).toBeNull();
    const missing = await readPageFile(path.join(dir, "nope.txt"));
    expect(missing).toEqual({ ok: false, problem: "no such file or directory" });
  });
});

const DEV = fileURLToPath(new URL("../../../corpus/dev/", import.meta.url));
const ISSUE = fileURLToPath(new URL("../../core/test/layout/fixtures/mets-issue/", import.meta.url));
const all = async (pages: AsyncIterable<LoadedPage>): Promise<LoadedPage[]> => {
  const out: LoadedPage[] = [];
  for await (const p of pages) out.push(p);
  return out;
};
const okPages = (loaded: LoadedPage[]) =>
  loaded.map((l) => {
    if (!l.ok) throw new Error(l.problem);
    return l;
  });

describe("loadPageInputs and readPageInputs", () => {
  it("parse ALTO and hOCR files, told from their content, into one page each without a text dump", async () => {
    for (const [file, format] of [
      ["cnki_103.alto.xml", "alto"],
      ["cnki_103.hocr", "hocr"],
    ] as const) {
      const [loaded, ...more] = okPages(await all(loadPageInputs(readFileSync(`${DEV}${file}`), `in/${file}`)));
      expect(more).toEqual([]);
      expect(loaded!.raw).toBeNull();
      expect(loaded!.page.source).toMatchObject({ name: file, format });
      expect(loaded!.page.articles.length).toBeGreaterThanOrEqual(3);
    }
    // a text dump still comes with its text; --input-format can name the format
    const [dump] = okPages(await all(loadPageInputs(readFileSync(`${DEV}cnki_103.txt`), "cnki_103.txt")));
    expect(dump!.raw).toBe(readFileSync(`${DEV}cnki_103.txt`, "utf8"));
    const [forced] = await all(loadPageInputs(readFileSync(`${DEV}cnki_103.txt`), "cnki_103.txt", { inputFormat: "alto" }));
    expect(forced).toEqual({ ok: false, problem: expect.stringMatching(/^line \d+: malformed XML/) });
  });

  it("parse a text dump of several pages (form feeds between them) into one page each, stored apart", async () => {
    const issue = readFileSync(`${DEV}cnki_101.txt`, "utf8") + readFileSync(`${DEV}cnki_102.txt`, "utf8");
    const pages = okPages(await all(loadPageInputs(new TextEncoder().encode(issue), "issue.txt")));
    expect(pages.map((p) => p.page.id.slice(-3))).toEqual(["-p1", "-p2"]);
    // each page comes with the whole dump, which its spans point into
    expect(pages.every((p) => p.raw === issue)).toBe(true);
    expect(new Set(pages.map((p) => pageSourceKey(p.page))).size).toBe(2);
    // one page as loadPageInput takes it: the whole dump
    const one = loadPageInput(new TextEncoder().encode(issue), "issue.txt");
    expect(one.ok && one.page.id).toBe(pages[0]!.page.source.sha256.slice(0, 16));
  });

  it("read a METS issue's pages from the ALTO files beside it, and refuse one whose page file is missing", async () => {
    const pages = okPages(await all(readPageInputs(`${ISSUE}mets.xml`)));
    expect(pages.map((p) => p.page.source.name)).toEqual(["alto/cnki_102.xml", "alto/cnki_101.xml"]);
    const dir = mkdtempSync(path.join(tmpdir(), "dubao-mets-"));
    writeFileSync(path.join(dir, "mets.xml"), readFileSync(`${ISSUE}mets.xml`));
    expect(await all(readPageInputs(path.join(dir, "mets.xml")))).toEqual([
      { ok: false, problem: expect.stringMatching(/^line \d+: ALTO file alto\/cnki_102\.xml \(file ALTO102\): no such file or directory$/) },
    ]);
    // bytes alone cannot reach the page files
    expect(await all(loadPageInputs(readFileSync(`${ISSUE}mets.xml`), "mets.xml"))).toEqual([{ ok: false, problem: expect.stringMatching(/pages are in the ALTO files it lists/) }]);
  });

  it("give PDFs a limit of their own, and keep Page JSON and the size limit of other inputs", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n% not a real PDF, only its size matters here\n");
    expect(await all(loadPageInputs(pdf, "issue.pdf", { maxPdfBytes: 10 }))).toEqual([{ ok: false, problem: expect.stringMatching(/^file too large \(.*; a PDF may have at most/) }]);
    expect(await all(loadPageInputs(pdf, "issue.pdf"))).toEqual([{ ok: false, problem: expect.stringMatching(/^damaged or truncated PDF/) }]);
    expect(await all(loadPageInputs(enc("标题\n正文。"), "x.txt", { maxBytes: 4 }))).toEqual([{ ok: false, problem: expect.stringMatching(/one page may have at most/) }]);
    expect(await all(loadPageInputs(enc("{not json"), "x.json"))).toEqual([{ ok: false, problem: expect.stringMatching(/not valid JSON/) }]);
  });
});
