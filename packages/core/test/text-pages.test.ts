import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PageSchema, parseInput, parseText, parseTextPages, splitTextPages, type Page } from "../src/index.js";

const DEV = fileURLToPath(new URL("../../../corpus/dev/", import.meta.url));
// two real pdftotext dumps: each ends with the form feed pdftotext prints after a page
const first = readFileSync(`${DEV}cnki_101.txt`, "utf8");
const second = readFileSync(`${DEV}cnki_102.txt`, "utf8");
const lineCount = (s: string) => s.split("\n").length - 1;

/** The Page without what depends on where its text sits in the file: ids, spans, hash. */
function placeFree(page: Page): unknown {
  return JSON.parse(JSON.stringify(page, (key, value: unknown) => (key === "id" || key === "spans" || key === "span" || key === "sha256" ? undefined : value)));
}

describe("splitTextPages", () => {
  it("splits after each form feed that has a page of text on both sides", () => {
    const pages = splitTextPages(first + second);
    expect(pages.map((p) => p.text)).toEqual([first, second]);
    expect(pages.map((p) => p.start)).toEqual([0, first.length]);
    expect(pages.map((p) => p.line)).toEqual([1, 1 + lineCount(first)]);
  });

  it("keeps a dump of one page whole: a trailing form feed, a blank page before or after, no form feed", () => {
    for (const input of [first, `\f\n${first}`, `${first}\n\f\n\f`, "本报讯 昨天", "", "\f\f"]) {
      expect(splitTextPages(input)).toEqual([{ text: input, start: 0, line: 1 }]);
    }
  });

  it("puts a blank page with the page before it, so the pages cover the whole dump", () => {
    const input = `${first}\n\f${second}`;
    const pages = splitTextPages(input);
    expect(pages.map((p) => p.text)).toEqual([`${first}\n\f`, second]);
    expect(pages.map((p) => p.text).join("")).toBe(input);
  });

  it("counts a CRLF as one line, as the lines are split", () => {
    const pages = splitTextPages("第一版\r\n正文\f第二版\r\n正文");
    expect(pages.map((p) => [p.start, p.line])).toEqual([
      [0, 1],
      [8, 2],
    ]);
  });
});

describe("parseTextPages", () => {
  it("gives a dump of one page exactly what parseText gives", () => {
    expect(parseTextPages(first, { sourceName: "a.txt" })).toEqual([parseText(first, { sourceName: "a.txt" })]);
  });

  it("parses each page of a dump on its own, named and placed in the whole dump", () => {
    const whole = first + second;
    const pages = parseTextPages(whole, { sourceName: "issue.txt" });
    expect(pages).toHaveLength(2);
    const alone = [parseText(first, { sourceName: "issue.txt" }), parseText(second, { sourceName: "issue.txt" })];
    pages.forEach((page, k) => {
      expect(PageSchema.safeParse(page).success).toBe(true);
      expect(placeFree(page)).toEqual(placeFree(alone[k]!));
      expect(page.id).toBe(`${pages[0]!.source.sha256.slice(0, 16)}-p${k + 1}`);
      expect(page.articles.every((a) => a.id.startsWith(`${page.id}-`))).toBe(true);
      expect(page.source.name).toBe("issue.txt");
    });
    expect(pages[1]!.source.sha256).toBe(pages[0]!.source.sha256);
    expect(new Set(pages.flatMap((p) => p.articles.map((a) => a.id))).size).toBe(pages[0]!.articles.length + pages[1]!.articles.length);

    // every span of page 2 points at the same text in the whole dump as in the page alone
    const offset = first.length;
    const lines = lineCount(first);
    pages[1]!.articles.forEach((article, i) => {
      article.paragraphs.forEach((paragraph, j) => {
        paragraph.spans.forEach((span, s) => {
          const own = alone[1]!.articles[i]!.paragraphs[j]!.spans[s]!;
          expect(span).toMatchObject({ start: own.start + offset, end: own.end + offset, line: own.line + lines, endLine: own.endLine + lines, page: 2 });
          expect(whole.slice(span.start, span.end)).toBe(second.slice(own.start, own.end));
          expect(whole.split("\n")[span.line - 1]).toBe(second.split("\n")[own.line - 1]);
        });
      });
    });
    expect(pages[0]!.articles[0]!.spans[0]!.page).toBe(1);
  });
});

describe("parseInput on a dump of several pages", () => {
  it("yields one Page per page", async () => {
    const pages = await parseInput(new TextEncoder().encode(first + second), { sourceName: "issue.txt" });
    expect(pages.map((p) => p.id.slice(-3))).toEqual(["-p1", "-p2"]);
    expect(pages.map((p) => p.articles.length)).toEqual([parseText(first).articles.length, parseText(second).articles.length]);
  });
});

describe("parseText with a known SHA-256", () => {
  it("records the hash it is given and names the page and its articles by it, the text otherwise parsed alike", () => {
    const sha256 = "ab".repeat(32);
    const given = parseText(first, { sourceName: "cnki_101.txt", sha256 });
    const hashed = parseText(first, { sourceName: "cnki_101.txt" });
    expect(given.source.sha256).toBe(sha256);
    expect(given.id).toBe(sha256.slice(0, 16));
    expect(given.articles.length).toBeGreaterThan(0);
    for (const article of given.articles) expect(article.id.startsWith(`${sha256.slice(0, 16)}-`)).toBe(true);
    expect(placeFree(given)).toEqual(placeFree(hashed));
  });
});
