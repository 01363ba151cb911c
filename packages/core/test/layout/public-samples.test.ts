import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAlto } from "../../src/layout/alto.js";
import { PageSchema, parseInput, type Page } from "../../src/index.js";

const PUBLIC = fileURLToPath(new URL("../fixtures/public/", import.meta.url));
const WETZEL = "wetzel_reisebegleiter_1901_0021.alto.xml";
const WETZEL_HOCR = "wetzel_reisebegleiter_1901_0021.excerpt.hocr";

const letters = (s: string) => [...s.replace(/[^\p{L}\p{N}]/gu, "")].sort().join("");
function pageText(page: Page): string[] {
  const parts: string[] = [page.page.pageName ?? "", page.page.header ?? "", page.page.banner ?? ""];
  for (const a of page.articles) {
    parts.push(a.kicker ?? "", a.headline ?? "", a.subheadline ?? "", a.dateline ?? "", a.column ?? "", a.byline?.raw ?? "");
    for (const p of a.paragraphs) parts.push(p.text);
    for (const j of a.jumps) parts.push(j.raw);
  }
  for (const u of page.unassigned) parts.push(u.text);
  return parts.filter((t) => t !== "");
}

describe("a public ALTO v2 page written by Tesseract (UB Mannheim, MIT)", () => {
  const xml = readFileSync(`${PUBLIC}${WETZEL}`, "utf8");

  it("reads its words with spaces between them, though the file has no SP, and joins words broken at a line end", () => {
    const lines = readAlto(xml, WETZEL).pages[0]!.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w, i) => (i > 0 && w.spaceBefore ? " " : "") + w.text).join("")));
    expect(lines).toContain("Schachteln und Packete, die man tnit sich führt,");
    // barm- / herzig, ausge- / hoben, ge- / nommen, Kapuziner- / kloster: one word each, no hyphen
    expect(lines).toContain("aus: »Im Papsttum war jedermann barmherzig");
    expect(lines.some((l) => l.endsWith("Ich kenne ein Kapuzinerkloster"))).toBe(true);
    expect(lines.some((l) => l.endsWith("ausgehoben"))).toBe(true);
    // a capital after the hyphen is no continuation: braucht- stays as printed
    expect(lines).toContain("bekommt ja überall ums Geld, was man braucht-");
  });

  it("parses into a schema-valid Page that keeps every letter and digit of its CONTENT", async () => {
    const [page, ...more] = await parseInput(new TextEncoder().encode(xml), { sourceName: WETZEL });
    expect(more).toEqual([]);
    PageSchema.parse(page);
    expect(page!.source).toMatchObject({ format: "alto", name: WETZEL });
    const content = [...xml.matchAll(/CONTENT="([^"]*)"/gu)].map((m) => m[1]).join("");
    expect(letters(pageText(page!).join(""))).toBe(letters(content));
    // the two ComposedBlocks of running text are read as paragraphs of text, in order
    const body = page!.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join("\n");
    expect(body).toContain("Reisegepäck");
    expect(body).toContain("barmherzig");
    expect(body).toContain("Kapuzinerkloster");
    expect(body.indexOf("Festkleid")).toBeLessThan(body.indexOf("Ehedem"));
    // spaces between Latin words stay in the paragraphs: after punctuation, around accented letters
    expect(body).toContain("Schachteln und Packete, die man tnit sich führt,");
    expect(body).toContain("bekommt ja überall ums Geld");
  });
});

describe("a public hOCR excerpt written by Tesseract (UB Mannheim, MIT)", () => {
  const xml = readFileSync(`${PUBLIC}${WETZEL_HOCR}`, "utf8");

  it("parses into a schema-valid Page that keeps every letter and digit of its words, with Latin spacing", async () => {
    const [page, ...more] = await parseInput(new TextEncoder().encode(xml), { sourceName: WETZEL_HOCR });
    expect(more).toEqual([]);
    PageSchema.parse(page);
    expect(page!.source).toMatchObject({ format: "hocr", name: WETZEL_HOCR });
    const words = [...xml.matchAll(/class="ocrx_word"[^>]*>([^<]*)</gu)].map((m) => m[1]).join("");
    expect(letters(pageText(page!).join(""))).toBe(letters(words));
    const body = page!.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join("\n");
    // words of one line keep their spaces, and lines join with one after a word's comma
    expect(body).toContain("Schachteln und Packete, die man tnit sich führt, desto bequemer");
    expect(body).toContain("Aber vier Gegenstände dürfen beim Reisegepäck niemals fehlen: Das Geld, ein Paß, einige gute Bücher und ein Festkleid.");
  });
});
