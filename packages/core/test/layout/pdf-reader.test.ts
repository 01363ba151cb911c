import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openPdf, PdfReadError, readPdf } from "../../src/layout/pdf-reader.js";
import { buildPdf } from "./pdf-fixture.js";

const DEV = fileURLToPath(new URL("../../../../corpus/dev/", import.meta.url));
/** pdf.js parses every embedded font of a Chromium page: seconds on a busy machine. */
const SLOW = 60_000;

const wordsOf = (doc: Awaited<ReturnType<typeof readPdf>>, page = 0) => doc.pages[page]!.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text)));

describe("readPdf", () => {
  it("reads text runs into blocks, lines and words with top-down boxes in points and font sizes", async () => {
    const doc = await readPdf(
      buildPdf([
        {
          width: 600,
          height: 800,
          runs: [
            { text: "Hello World 2024", x: 50, y: 700, size: 12, font: "latin" },
            { text: "人民日报⽉⺠", x: 50, y: 650, size: 10, font: "cjk" },
          ],
        },
      ]),
    );
    expect(doc.format).toBe("pdf");
    const page = doc.pages[0]!;
    expect([page.pageNumber, page.width, page.height, page.unit, page.explicitOrder]).toEqual([1, 600, 800, "pt", false]);
    expect(page.problems).toEqual([]);
    const [latin, cjk] = page.blocks.map((b) => b.lines[0]!);
    expect(latin!.words.map((w) => [w.text, w.spaceBefore])).toEqual([
      ["Hello", false],
      ["World", true],
      ["2024", true],
    ]);
    expect(latin!.fontSize).toBe(12);
    // baseline at y = 700 of 800 points: 100 from the top
    expect(latin!.box[0]).toBe(50);
    expect(latin!.box[1]).toBeCloseTo(100 - 0.9 * 12);
    expect(latin!.box[3]).toBeCloseTo(100 + 0.15 * 12);
    // look-alike glyphs (⽉ U+2F49, ⺠ U+2EA0) come back as 月 and 民; one em per glyph
    expect(cjk!.words.map((w) => w.text)).toEqual(["人民日报月民"]);
    expect(cjk!.box[2] - cjk!.box[0]).toBeCloseTo(60);
    expect(cjk!.source).toEqual({ start: 0, end: 0, line: 1 });
  });

  it("reads CJK text set in a font that is not embedded, through pdf.js's bundled CMaps", async () => {
    const doc = await readPdf(buildPdf([{ runs: [{ text: "中文报纸", x: 50, y: 600, size: 10, font: "gb" }] }]));
    expect(wordsOf(doc)).toEqual(["中文报纸"]);
  });

  it("reads rotated text top to bottom, one glyph per vertical line", async () => {
    const doc = await readPdf(buildPdf([{ width: 600, height: 800, runs: [{ text: "竖排标题", x: 500, y: 700, size: 20, font: "cjk", rotate: true }] }]));
    const lines = doc.pages[0]!.blocks.flatMap((b) => b.lines);
    expect(lines.map((l) => [l.words[0]!.text, l.vertical])).toEqual([
      ["竖", true],
      ["排", true],
      ["标", true],
      ["题", true],
    ]);
    expect(lines[0]!.box[1]).toBeCloseTo(100);
    expect(lines[3]!.box[1]).toBeCloseTo(160);
  });

  it("reports a page whose font has no Unicode map as pdf-no-unicode", async () => {
    const doc = await readPdf(buildPdf([{ runs: [{ text: "乱码文字测试乱码", x: 50, y: 600, size: 10, font: "nounicode" }] }]));
    expect(doc.pages[0]!.problems.map((p) => p.code)).toEqual(["pdf-no-unicode"]);
    expect(doc.pages[0]!.problems[0]!.message).toMatch(/no Unicode map/);
  });

  it("opens a document of many pages and reads them one at a time", async () => {
    const pages = Array.from({ length: 7 }, (_, i) => ({ runs: [{ text: `Page ${i + 1} text`, x: 50, y: 700, size: 10, font: "latin" as const }] }));
    const pdf = await openPdf(buildPdf(pages));
    expect(pdf.numPages).toBe(7);
    const seen: number[] = [];
    for await (const page of pdf.pages()) {
      seen.push(page.pageNumber);
      expect(page.blocks[0]!.lines[0]!.words.map((w) => w.text)).toEqual(["Page", String(page.pageNumber), "text"]);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("refuses damaged, truncated and encrypted PDFs with a one-line reason", async () => {
    const pdf = buildPdf([{ runs: [{ text: "text", x: 10, y: 10, size: 10 }] }]);
    await expect(readPdf(pdf.subarray(0, 40))).rejects.toThrow(PdfReadError);
    await expect(readPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).rejects.toThrow(/damaged or truncated PDF/);
    await expect(readPdf(buildPdf([{ runs: [] }], { encrypted: true }))).rejects.toThrow(/^encrypted PDF: it needs a password/);
  });

  it("does not change the bytes it is given", async () => {
    const pdf = buildPdf([{ runs: [{ text: "text", x: 10, y: 10, size: 10 }] }]);
    const copy = pdf.slice();
    await readPdf(pdf);
    expect(pdf).toEqual(copy);
  });

  it(
    "reads a dev page as pdftotext does: every letter of the dump, the ALTO file's lines",
    async () => {
      const doc = await readPdf(readFileSync(`${DEV}cnki_104.pdf`));
      const text = wordsOf(doc).join("");
      const letters = (s: string) => [...s.replace(/[^\p{L}\p{N}]/gu, "")].sort().join("");
      expect(letters(text)).toBe(letters(readFileSync(`${DEV}cnki_104.txt`, "utf8")));
      const altoLines = (readFileSync(`${DEV}cnki_104.alto.xml`, "utf8").match(/<TextLine /g) ?? []).length;
      expect(doc.pages[0]!.blocks.flatMap((b) => b.lines)).toHaveLength(altoLines);
    },
    SLOW,
  );
});
