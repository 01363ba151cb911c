import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectInputFormat, InputError, parseInput, PageSchema, type Page } from "../src/index.js";
import { buildPdf, type FixturePage } from "./layout/pdf-fixture.js";

const DEV = fileURLToPath(new URL("../../../corpus/dev/", import.meta.url));
const SLOW = 60_000;
const utf8 = (s: string) => new TextEncoder().encode(s);
const ALTO = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<alto:alto xmlns:alto="http://www.loc.gov/standards/alto/ns-v4#"><alto:Layout><alto:Page ID="p1" WIDTH="1000" HEIGHT="1000">
<alto:PrintSpace><alto:TextBlock ID="b1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="50"><alto:TextLine ID="l1" HPOS="10" VPOS="10" WIDTH="500" HEIGHT="50">
<alto:String CONTENT="本报讯" HPOS="10" VPOS="10" WIDTH="150" HEIGHT="50"/></alto:TextLine></alto:TextBlock></alto:PrintSpace></alto:Page></alto:Layout></alto:alto>`;
const HOCR = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>page</title></head><body>
<div class="ocr_page" id="page_1" title="bbox 0 0 1000 1000"><p class="ocr_par" id="par_1"><span class="ocr_line" id="line_1" title="bbox 10 10 510 60">
<span class="ocrx_word" id="w1" title="bbox 10 10 160 60; x_fsize 10">本报讯</span></span></p></div></body></html>`;

/** Every letter and digit of a Page's text fields (sorted, as a string). */
function lettersOfPage(page: Page): string {
  const parts: string[] = [];
  for (const a of page.articles) {
    parts.push(a.kicker ?? "", a.headline ?? "", a.subheadline ?? "", a.dateline ?? "", a.column ?? "", a.byline?.raw ?? "");
    for (const p of a.paragraphs) parts.push(p.text);
    for (const j of a.jumps) parts.push(j.raw);
  }
  for (const u of page.unassigned) parts.push(u.text);
  parts.push(page.page.pageName ?? "", page.page.header ?? "", page.page.banner ?? "", page.page.publication ?? "");
  return letters(parts.join(""));
}
const letters = (s: string) => [...s.replace(/[^\p{L}\p{N}]/gu, "")].sort().join("");

describe("detectInputFormat", () => {
  it("tells PDF, ALTO (any namespace prefix), hOCR and text apart by their content", () => {
    expect(detectInputFormat(buildPdf([{ runs: [] }]))).toBe("pdf");
    expect(detectInputFormat(utf8(ALTO))).toBe("alto");
    expect(detectInputFormat(utf8(`<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout/></alto>`))).toBe("alto");
    expect(detectInputFormat(utf8(HOCR))).toBe("hocr");
    expect(detectInputFormat(utf8("要闻\n\n本报讯 昨天……"))).toBe("text");
    expect(detectInputFormat(utf8("<p>an HTML page without ocr_page</p>"))).toBe("text");
    expect(detectInputFormat(new Uint8Array(Buffer.from("本报讯 昨天", "utf16le")))).toBe("text");
  });

  it("finds markup after a byte order mark and white space, and text whatever its first character", () => {
    expect(detectInputFormat(utf8(`\uFEFF \n\t${ALTO}`))).toBe("alto");
    expect(detectInputFormat(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ALTO, "utf16le")])))).toBe("alto");
    expect(detectInputFormat(utf8("\n\n2022年6月1日 星期三"))).toBe("text");
    expect(detectInputFormat(utf8("　<alto>"))).toBe("alto");
  });
});

describe("parseInput", () => {
  it("parses a text dump into one Page, as parseText does", async () => {
    const pages = await parseInput(readFileSync(`${DEV}cnki_101.txt`), { sourceName: "cnki_101.txt" });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.source).toMatchObject({ name: "cnki_101.txt", format: "text", encoding: "utf-8" });
    expect(pages[0]!.articles.length).toBeGreaterThan(0);
  });

  it("parses ALTO and hOCR through the layout assembly", async () => {
    const [alto] = await parseInput(utf8(ALTO), { sourceName: "page.xml" });
    expect(alto!.source.format).toBe("alto");
    expect(lettersOfPage(alto!)).toBe(letters("本报讯"));
    const [hocr] = await parseInput(utf8(HOCR), { sourceName: "page.hocr" });
    expect(hocr!.source.format).toBe("hocr");
  });

  it("follows inputFormat over the content", async () => {
    const [page] = await parseInput(utf8(ALTO), { sourceName: "page.xml", inputFormat: "text" });
    expect(page!.source.format).toBe("text");
    await expect(parseInput(utf8("plain text"), { sourceName: "page.txt", inputFormat: "pdf" })).rejects.toThrow(/page\.txt: not a PDF/);
  });

  it("parses a PDF of many pages into one valid Page per page, with distinct ids and no letter lost", async () => {
    const runsOf = (n: number): FixturePage => ({
      width: 600,
      height: 800,
      runs: [
        { text: `第${n}版`, x: 40, y: 760, size: 9, font: "cjk" },
        { text: "上海加快经济恢复", x: 40, y: 700, size: 24, font: "cjk" },
        ...Array.from({ length: 6 }, (_, row) => ({ text: `本报讯第${n}页正文第${row + 1}行，文字内容在这里继续。`, x: 40, y: 660 - row * 16, size: 10, font: "cjk" as const })),
        { text: `Page ${n} of 5, 2024`, x: 40, y: 520, size: 10, font: "latin" },
      ],
    });
    const fixture = [1, 2, 3, 4, 5].map(runsOf);
    const pages = await parseInput(buildPdf(fixture), { sourceName: "issue.pdf" });
    expect(pages).toHaveLength(5);
    expect(new Set(pages.map((p) => p.id)).size).toBe(5);
    pages.forEach((page, i) => {
      PageSchema.parse(page);
      expect(page.id).toMatch(new RegExp(`^[0-9a-f]{16}-p${i + 1}$`));
      expect(page.source).toMatchObject({ name: "issue.pdf", format: "pdf", encoding: "binary" });
      for (const a of page.articles) expect(a.id.startsWith(`${page.id}-`)).toBe(true);
      expect(lettersOfPage(page)).toBe(letters(fixture[i]!.runs.map((r) => r.text).join("")));
      const spans = [...page.articles.flatMap((a) => a.spans), ...page.unassigned.flatMap((u) => u.spans)];
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) expect(span.page).toBe(i + 1);
    });
    expect(pages[0]!.articles.some((a) => a.headline === "上海加快经济恢复")).toBe(true);
  });

  it("gives a page set in a font without a Unicode map an error diagnostic and no article", async () => {
    const pdf = buildPdf([{ runs: [{ text: "乱码文字测试乱码文字", x: 50, y: 600, size: 10, font: "nounicode" }] }]);
    const [page] = await parseInput(pdf, { sourceName: "scan.pdf" });
    PageSchema.parse(page);
    expect(page!.articles).toEqual([]);
    expect(page!.diagnostics).toEqual([expect.objectContaining({ code: "pdf-no-unicode", severity: "error" })]);
    expect(page!.unassigned.length).toBeGreaterThan(0);
    expect(page!.unassigned[0]!.reason).toBe("pdf-no-unicode");
    expect(page!.unassigned[0]!.spans[0]).toMatchObject({ page: 1 });
  });

  it("refuses bad input with one line naming the file", async () => {
    const pdf = buildPdf([{ runs: [{ text: "text", x: 10, y: 10, size: 10 }] }]);
    const problem = async (bytes: Uint8Array, sourceName: string) => {
      try {
        await parseInput(bytes, { sourceName });
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
      return "no error";
    };
    expect(await problem(pdf.subarray(0, 60), "cut.pdf")).toMatch(/^cut\.pdf: damaged or truncated PDF/);
    expect(await problem(buildPdf([{ runs: [] }], { encrypted: true }), "locked.pdf")).toMatch(/^locked\.pdf: encrypted PDF/);
    expect(await problem(utf8("<html>404 Not Found</html>"), "download.pdf")).toBe("download.pdf: not a PDF (no %PDF- header at its start)");
    expect(await problem(new Uint8Array([0, 1, 2, 3, 0, 0]), "blob.bin")).toMatch(/^blob\.bin: binary file/);
    expect(await problem(utf8("<alto><Layout><Page"), "broken.xml")).toMatch(/^broken\.xml: /);
    for (const message of [await problem(pdf.subarray(0, 60), "cut.pdf")]) expect(message).not.toMatch(/\n/);
  });

  it(
    "parses a dev PDF into articles with every letter of its text, spans pointing to page and box",
    async () => {
      const [page] = await parseInput(readFileSync(`${DEV}cnki_104.pdf`), { sourceName: "cnki_104.pdf" });
      PageSchema.parse(page);
      expect(page!.articles.length).toBeGreaterThanOrEqual(4);
      const dump = letters(readFileSync(`${DEV}cnki_104.txt`, "utf8"));
      // every letter of the page is in the Page (fields may repeat a letter, never lose one)
      const have = new Map<string, number>();
      for (const c of lettersOfPage(page!)) have.set(c, (have.get(c) ?? 0) + 1);
      const need = new Map<string, number>();
      for (const c of dump) need.set(c, (need.get(c) ?? 0) + 1);
      const lost = [...need].filter(([c, n]) => (have.get(c) ?? 0) < n);
      expect(lost).toEqual([]);
      const span = page!.articles[0]!.paragraphs[0]!.spans[0]!;
      expect(span.page).toBe(1);
      expect(span.bbox).toHaveLength(4);
    },
    SLOW,
  );
});
