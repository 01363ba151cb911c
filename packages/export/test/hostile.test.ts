import type { Article, Page } from "@dubao/core";
import { parse as parseCsv } from "csv-parse/sync";
import { unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { articleToNinjs, CSV_COLUMNS, pageTitle, pageToNinjs, renderPage } from "../src/index.js";
import { collectionBytes, loadPage } from "./helpers.js";
import { htmlElements, xmlElements, type ElementInfo } from "./markup-tree.js";

// A page whose every text holds markup, entities, quotes, commas, line breaks, `]]>`, `---`
// lines and Markdown syntax must come out intact (the same text) and inert (no element, script,
// link, heading, list or quote that the page did not have) in every format.
const page: Page = loadPage("hostile.page.json");
const [first, second] = page.articles as [Article, Article];

/** XML, HTML and Markdown all read a CRLF as one line break. */
const lf = (s: string) => s.replace(/\r\n?/g, "\n");
const texts = (els: ElementInfo[], name: string, cls?: string) =>
  els.filter((e) => e.name === name && (cls === undefined || e.attributes.class === cls)).map((e) => e.text);

describe("a hostile page stays intact and inert", () => {
  it("the fixture really is hostile", () => {
    const all = JSON.stringify(page);
    for (const s of ["<script>", "&", '\\"', "]]>", "---", ",", "\\n", "\\r\\n", "# ", "- ", "1. ", "> ", "    not code", "`", "*em*", "[link]"]) {
      expect(all).toContain(s);
    }
  });

  it("json: parses back to the same page", () => {
    expect(JSON.parse(renderPage("json", page))).toEqual(page);
  });

  it("jsonl: one line per article, each parsing back to the article", () => {
    const lines = renderPage("jsonl", page).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.article)).toEqual(page.articles);
    expect(records[0].page.publication).toBe(page.page.publication);
    expect(records[0].source).toEqual(page.source);
  });

  it("csv: RFC 4180 records that a CSV reader reads back field for field, with and without BOM", () => {
    for (const bom of [false, true]) {
      const csv = renderPage("csv", page, { bom });
      expect(csv.startsWith("\uFEFF")).toBe(bom);
      // Outside quoted fields, every line ends in CRLF.
      const unquoted = csv.replace(/"(?:[^"]|"")*"/g, "");
      expect(unquoted.match(/\r?\n/g)?.every((eol) => eol === "\r\n")).toBe(true);
      const rows: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(3);
      const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
      expect(row.publication).toBe(page.page.publication);
      expect(row.page_name).toBe(page.page.pageName);
      expect(row.headline).toBe(first.headline);
      expect(row.subheadline).toBe(first.subheadline);
      expect(row.kicker).toBe(first.kicker);
      expect(row.column).toBe(first.column);
      expect(row.byline).toBe(first.byline!.raw);
      expect(row.reporters).toBe('"甲"、乙 & <丙>');
      expect(row.photographers).toBe('摄影, "甲"');
      expect(row.text).toBe(first.paragraphs.map((p) => p.text).join("\n"));
      expect(rows[2]![CSV_COLUMNS.indexOf("headline")]).toBe("");
      expect(rows[2]![CSV_COLUMNS.indexOf("text")]).toBe(second.paragraphs[0]!.text);
    }
  });

  it("md: the front matter reads back exactly, and the body renders as text only", () => {
    const md = renderPage("md", page);
    const match = /^---\n([\s\S]*?)\n---\n/.exec(md);
    expect(match).not.toBeNull();
    const front = parseYaml(match![1]!);
    expect(front.publication).toBe(page.page.publication);
    expect(front.pageName).toBe(page.page.pageName);
    expect(front.source).toBe(page.source.name);
    expect(front.articles).toHaveLength(2);
    expect(front.articles[0]).toMatchObject({
      headline: first.headline,
      kicker: first.kicker,
      subtitle: first.subheadline,
      column: first.column,
      dateline: first.dateline,
      byline: first.byline,
    });
    expect(front.articles[1]).toMatchObject({ headline: null });

    // The most permissive renderer: raw HTML allowed, links recognised.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md.slice(match![0].length));
    const els = htmlElements(html, true);
    const allowed = new Set(["h1", "h2", "h3", "p", "em", "strong", "hr"]);
    expect(els.filter((e) => !allowed.has(e.name)).map((e) => e.name)).toEqual(["a"]); // linkify's https:// link only
    expect(els.find((e) => e.name === "a")?.attributes.href).toBe("https://example.com");
    expect(texts(els, "h1")).toEqual([pageTitle(page)]);
    expect(texts(els, "h2")).toEqual([first.headline!.replace(/\n/g, " ")]);
    expect(texts(els, "h3")).toEqual([first.paragraphs[2]!.text]);
    expect(texts(els, "hr")).toHaveLength(1); // one break between the two articles
    const paragraphs = texts(els, "p");
    // Heads, captions and jump lines are trimmed (emphasis needs it); body paragraphs are exact.
    for (const p of [first.column, first.kicker, first.dateline, first.byline!.raw, first.paragraphs[4]!.text, first.jumps[0]!.raw]) {
      expect(paragraphs).toContain(lf(p!).trim());
    }
    for (const p of first.paragraphs.filter((p) => p.role === "body" || p.role === "lead")) expect(paragraphs).toContain(lf(p.text));
    expect(paragraphs).toContain(lf(first.subheadline!)); // in <strong>, inside a <p>
    expect(paragraphs).toContain(second.paragraphs[0]!.text.trim());
  });

  it("html: parses to the same text, with no script, handler, link or image", () => {
    const html = renderPage("html", page);
    const els = htmlElements(html);
    const allowed = new Set(["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main", "article"]);
    expect(els.filter((e) => !allowed.has(e.name)).map((e) => e.name)).toEqual([]);
    expect(els.flatMap((e) => Object.keys(e.attributes)).filter((a) => a.startsWith("on"))).toEqual([]);
    expect(texts(els, "style")).toHaveLength(1);
    expect(texts(els, "style")[0]).not.toContain("script");
    expect(texts(els, "title")).toEqual([pageTitle(page)]);
    expect(texts(els, "h2")).toEqual([lf(first.headline!)]);
    expect(texts(els, "h3")).toEqual([first.paragraphs[2]!.text]);
    expect(texts(els, "p", "column")).toEqual([first.column]);
    expect(texts(els, "p", "kicker")).toEqual([first.kicker]);
    expect(texts(els, "p", "subtitle")).toEqual([first.subheadline]);
    expect(texts(els, "p", "dateline")).toEqual([first.dateline]);
    expect(texts(els, "p", "byline")).toEqual([first.byline!.raw]);
    expect(texts(els, "p", "caption")).toEqual([lf(first.paragraphs[4]!.text)]);
    expect(texts(els, "p", "jump")).toEqual([first.jumps[0]!.raw]);
    expect(texts(els, "p", undefined)).toEqual(expect.arrayContaining([first.paragraphs[0]!.text, first.paragraphs[3]!.text, second.paragraphs[0]!.text]));
    expect(els.find((e) => e.name === "html")?.attributes.lang).toBe("zh");
  });

  it("txt: every text verbatim, headline first", () => {
    const txt = renderPage("txt", page);
    expect(txt.startsWith(`${first.headline}\n`)).toBe(true);
    for (const a of page.articles) {
      for (const s of [a.headline, a.kicker, a.subheadline, a.column, a.dateline, a.byline?.raw, ...a.paragraphs.map((p) => p.text), ...a.jumps.map((j) => j.raw)]) {
        if (s) expect(txt).toContain(s);
      }
    }
  });

  it("tei: well-formed XML of TEI elements only, with the same text", () => {
    const els = xmlElements(renderPage("tei", page));
    const allowed = new Set(["TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt", "p", "sourceDesc", "bibl", "date", "biblScope", "idno", "text", "body", "div", "head", "dateline", "byline", "note"]);
    expect(els.filter((e) => !allowed.has(e.name)).map((e) => e.name)).toEqual([]);
    const heads = els.filter((e) => e.name === "head");
    expect(heads.map((h) => [h.attributes.type, h.text])).toEqual([
      ["column", first.column],
      ["kicker", first.kicker],
      ["main", lf(first.headline!)],
      ["sub", lf(first.subheadline!)],
      [undefined, first.paragraphs[2]!.text],
    ]);
    expect(texts(els, "dateline")).toEqual([first.dateline]);
    expect(texts(els, "byline")).toEqual([first.byline!.raw]);
    expect(texts(els, "note")).toEqual([first.jumps[0]!.raw]);
    const body = els.filter((e) => e.name === "p" && e.text !== "").map((e) => e.text);
    expect(body).toEqual(expect.arrayContaining([...first.paragraphs.filter((p) => p.role !== "subhead").map((p) => lf(p.text)), lf(second.paragraphs[0]!.text)]));
    expect(els.find((e) => e.name === "title" && e.attributes.level === "j")?.text).toBe(page.page.publication);
  });

  it("epub: every chapter and the contents are well-formed XHTML with the same text", async () => {
    const files = unzipSync(await collectionBytes("epub", [page]));
    const decode = (name: string) => Buffer.from(files[name]!).toString("utf8");
    const allowed = new Set(["html", "head", "title", "link", "body", "p", "article", "header", "h1", "h2", "nav", "ol", "li", "a"]);
    const chapters = Object.keys(files).filter((f) => f.startsWith("EPUB/text/")).sort();
    expect(chapters).toHaveLength(2);
    const one = xmlElements(decode(chapters[0]!));
    expect(one.filter((e) => !allowed.has(e.name)).map((e) => e.name)).toEqual([]);
    expect(texts(one, "h1")).toEqual([lf(first.headline!)]);
    expect(texts(one, "h2")).toEqual([first.paragraphs[2]!.text]);
    expect(texts(one, "title")).toEqual([first.headline!.replace(/\s+/g, " ")]);
    expect(texts(one, "p")).toEqual(expect.arrayContaining([first.column, first.kicker, lf(first.subheadline!), first.dateline, first.byline!.raw, first.paragraphs[3]!.text]));
    const two = xmlElements(decode(chapters[1]!));
    expect(texts(two, "p")).toContain(second.paragraphs[0]!.text);
    const nav = xmlElements(decode("EPUB/nav.xhtml"));
    expect(nav.filter((e) => !allowed.has(e.name)).map((e) => e.name)).toEqual([]);
    expect(texts(nav, "a")).toEqual([pageTitle(page), first.headline!.replace(/\s+/g, " "), second.paragraphs[0]!.text.replace(/\s+/g, " ").trim().slice(0, 24) + "…"]);
    const opf = xmlElements(decode("EPUB/content.opf"));
    expect(opf.find((e) => e.name === "publisher")?.text).toBe(page.page.publication);
  });

  it("ninjs: the same text in JSON, and body HTML with text only", () => {
    const docs = pageToNinjs(page).map((f) => JSON.parse(f.json));
    expect(docs).toEqual(page.articles.map((a) => articleToNinjs(page, a)));
    expect(docs[0].headlines.map((h: { value: string }) => h.value)).toEqual([first.headline, first.kicker, first.subheadline, first.column]);
    const els = htmlElements(docs[0].bodies[1].value, true);
    expect(els.filter((e) => e.name !== "p" && e.name !== "h2").map((e) => e.name)).toEqual([]);
    expect(els.map((e) => e.text)).toEqual(first.paragraphs.map((p) => lf(p.text)));
  });
});
