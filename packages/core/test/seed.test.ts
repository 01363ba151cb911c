import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PageSchema, parseText, type Page } from "../src/index.js";
import { missingLetters, SEED_GOLD, seedText } from "./helpers.js";

interface GoldArticle {
  headline: string | null;
}
const input = seedText();
const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8")) as { page: { banner: string }; articles: GoldArticle[] };
const SOURCE = "000_0c30f1900352050f.txt";
const page: Page = parseText(input, { sourceName: SOURCE });
const noSpace = (s: string) => s.replace(/\s/gu, "");
/** Characters of a paragraph's start that must be found in its first span. */
const PREFIX_CHARS = 4;

describe("seed page 000_0c30f1900352050f", () => {
  it("is a valid Page, with the source recorded", () => {
    expect(() => PageSchema.parse(page)).not.toThrow();
    expect(page.source).toMatchObject({ name: SOURCE, format: "text", encoding: "utf-8" });
    expect(page.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps every letter and digit of the input", () => {
    expect(missingLetters(input, page)).toEqual(new Map());
  });

  it("gives the same Page, byte for byte, on a second parse", () => {
    const again = parseText(input, { sourceName: SOURCE });
    expect(again.articles.map((a) => a.id)).toEqual(page.articles.map((a) => a.id));
    expect(JSON.stringify(again)).toBe(JSON.stringify(page));
  });

  it("numbers article ids after the page id, which is the start of the input's sha256", () => {
    expect(page.id).toBe(page.source.sha256.slice(0, 16));
    expect(page.articles.map((a) => a.id)).toEqual(page.articles.map((_, i) => `${page.id}-${String(i + 1).padStart(2, "0")}`));
  });

  it("finds the gold headlines (where the gold knows them)", () => {
    expect(page.articles).toHaveLength(gold.articles.length);
    gold.articles.forEach((g, i) => {
      if (g.headline === "?") return;
      expect(page.articles[i]!.headline, `article ${i + 1}`).toBe(g.headline);
    });
  });

  it("takes the page banner", () => {
    expect(page.page.banner).toBe("坚决打赢疫情防控歼灭战");
    expect(gold.page.banner).toBe(page.page.banner);
  });

  it("gives spans that point back to the source of each paragraph", () => {
    let checked = 0;
    for (const a of page.articles) {
      for (const p of a.paragraphs) {
        expect(p.spans.length, p.text).toBeGreaterThan(0);
        for (const s of p.spans) {
          expect(s.start).toBeLessThanOrEqual(s.end);
          expect(s.line).toBeLessThanOrEqual(s.endLine);
        }
        const first = p.spans[0]!;
        const source = noSpace(input.slice(first.start, first.end));
        const start = Array.from(noSpace(p.text)).slice(0, PREFIX_CHARS).join("");
        expect(source, `paragraph "${p.text.slice(0, 20)}"`).toContain(start);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("gives line numbers that match the offsets", () => {
    const lineAt = (offset: number) => input.slice(0, offset).split(/\r\n|\r|\n/u).length;
    for (const a of page.articles) for (const s of a.spans) expect(s.line).toBe(lineAt(s.start));
  });
});
