import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PageSchema, type Page, type PageInfo } from "@dubao/core";
import Database from "libsql";
import { Library, LibraryError, metaFromFileName, MIGRATIONS, pageSourceKey, resolvePageMeta, SCHEMA_VERSION, sourcePageOf } from "../src/index.js";
import { makePage } from "./helpers.js";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "dubao-library-"));

/** A new library file migrated to `version` only, as an older dubao left it (open, for the test to fill). */
function databaseAtVersion(version: number): { file: string; db: Database.Database } {
  const file = path.join(tempDir(), "lib.db");
  const db = new Database(file);
  db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  for (const m of MIGRATIONS.slice(0, version)) {
    m.up(db);
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, '')").run(m.version, m.name);
  }
  return { file, db };
}

describe("importPage", () => {
  it("imports a page once: the same source hash is a duplicate", () => {
    const lib = Library.open(":memory:");
    const page = makePage([{ headline: "一" }, { headline: "二" }], { info: { publication: "甲报", date: "2024-01-02", pageNumber: 3 } });
    const first = lib.importPage(page, "raw");
    expect(first).toMatchObject({ status: "imported", articleCount: 2, meta: { publication: "甲报", date: "2024-01-02", pageNumber: 3 } });
    const again = lib.importPage(page, "raw", { publication: "乙报" });
    expect(again).toMatchObject({ status: "duplicate", pageId: first.pageId, articleCount: 2, meta: { publication: "甲报" } });
    expect(lib.stats()).toMatchObject({ publications: 1, issues: 1, pages: 1, articles: 2 });
    lib.close();
  });

  it("files pages of the same publication and date under one issue, in page order", () => {
    const lib = Library.open(":memory:");
    lib.importPage(makePage([{ headline: "二版" }]), null, { publication: "甲报", date: "2024-01-02", pageNumber: 2 });
    lib.importPage(makePage([{ headline: "一版" }]), null, { publication: "甲报", date: "2024-01-02", pageNumber: 1 });
    const [issue] = lib.latestIssues(10);
    const view = lib.issue(issue!.id)!;
    expect(view.pageList.map((p) => p.articles[0]!.headline)).toEqual(["一版", "二版"]);
    lib.close();
  });

  it("stores the article, its people by role and its neighbours", () => {
    const lib = Library.open(":memory:");
    const page = makePage([
      { headline: "甲", reporters: ["张骏", "孟群舒"] },
      { headline: "乙", photographers: ["李 明"], authors: ["张骏"] },
      { headline: "丙" },
    ]);
    lib.importPage(page, null);
    const id = `${page.source.sha256.slice(0, 16)}-2`;
    const view = lib.article(id)!;
    expect(view.article.headline).toBe("乙");
    expect(view.people).toEqual([
      { name: "李明", role: "photographer" },
      { name: "张骏", role: "author" },
    ]);
    expect([view.previous?.headline, view.next?.headline]).toEqual(["甲", "丙"]);
    const person = lib.person("张骏")!;
    expect(person.total).toBe(2);
    expect(person.roles).toEqual({ reporter: 1, author: 1 });
    expect(lib.article("nope")).toBeNull();
    lib.close();
  });

  it("gives the Page of one article for exports, filed as the library files it", () => {
    const lib = Library.open(":memory:");
    const page = makePage([{ headline: "甲" }, { headline: "乙" }], { info: { pageName: "要闻" } });
    lib.importPage(page, null, { publication: "甲报", date: "2024-01-02", pageNumber: 5 });
    const one = lib.articlePage(`${page.source.sha256.slice(0, 16)}-2`)!;
    expect(one.articles.map((a) => a.headline)).toEqual(["乙"]);
    expect(one.page).toEqual({ pageName: "要闻", publication: "甲报", date: "2024-01-02", pageNumber: 5 });
    expect(one.source).toEqual(page.source);
    expect(lib.articlePage("0000000000000000-1")).toBeNull();
    lib.close();
  });

  it("refuses a malformed date or page number with a LibraryError", () => {
    const lib = Library.open(":memory:");
    expect(() => lib.importPage(makePage([]), null, { date: "2024-02-30" })).toThrow(LibraryError);
    expect(() => lib.importPage(makePage([]), null, { pageNumber: 0 })).toThrow(/page number/);
    expect(lib.stats().pages).toBe(0);
    lib.close();
  });
});

describe("publication, date and page number", () => {
  it("come from options, then the page, then the file name", () => {
    const page = makePage([], { name: "申报_1935-01-02_p12.txt", info: { date: "1935-01-03" } });
    expect(resolvePageMeta(page)).toMatchObject({ publication: "申报", date: "1935-01-03", pageNumber: 12 });
    expect(resolvePageMeta(page, { publication: "大公报", pageNumber: 1 })).toMatchObject({
      publication: "大公报",
      date: "1935-01-03",
      pageNumber: 1,
      from: { publication: "option", date: "page", pageNumber: "option" },
    });
  });

  it("are read from names that follow the convention, and only those", () => {
    expect(metaFromFileName("dir/人民日报_2024-03-05_p4.txt")).toEqual({ publication: "人民日报", date: "2024-03-05", pageNumber: 4 });
    expect(metaFromFileName("2024-03-05_第4版.txt")).toEqual({ date: "2024-03-05", pageNumber: 4 });
    expect(metaFromFileName("申报_19350102_12.json")).toEqual({ publication: "申报", date: "1935-01-02", pageNumber: 12 });
    expect(metaFromFileName("cnki_102.txt")).toEqual({});
    expect(metaFromFileName("000_0c30f1900352050f.txt")).toEqual({});
    expect(metaFromFileName("x_20240230.txt")).toEqual({});
  });
});

describe("migrations", () => {
  it("record the schema version and refuse a newer database", () => {
    const file = path.join(tempDir(), "lib.db");
    const lib = Library.open(file);
    const version = lib.db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number };
    expect(version.v).toBe(SCHEMA_VERSION);
    lib.db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '')").run(SCHEMA_VERSION + 1);
    lib.close();
    expect(() => Library.open(file)).toThrow(/newer than this dubao understands/);
  });

  it("move a version 1 database's storage keys to source_key and give its pages their source hash and place back", () => {
    const { file, db: v1 } = databaseAtVersion(1);
    v1.prepare("INSERT INTO publications (id, name) VALUES (1, '甲报')").run();
    v1.prepare("INSERT INTO issues (id, publication_id, date) VALUES (1, 1, '2024-01-02')").run();
    const pdfSha = "cd".repeat(32);
    const pageJson = (id: string, sha: string) => JSON.stringify({ id, source: { sha256: sha } });
    const insert = v1.prepare(
      "INSERT INTO pages (issue_id, page_number, page_name, source_name, source_format, source_encoding, source_sha256, raw_text, page_json, imported_at) VALUES (1, ?, NULL, ?, ?, 'utf-8', ?, NULL, ?, '')",
    );
    insert.run(2, "issue.pdf", "pdf", "derived-key-of-page-2", pageJson(`${pdfSha.slice(0, 16)}-p2`, pdfSha));
    insert.run(5, "page.txt", "text", "ef".repeat(32), pageJson("ef".repeat(8), "ef".repeat(32)));
    v1.close();

    const lib = Library.open(file);
    const rows = lib.db.prepare("SELECT source_key, source_sha256, source_page FROM pages ORDER BY id").all();
    expect(rows).toEqual([
      { source_key: "derived-key-of-page-2", source_sha256: pdfSha, source_page: 2 },
      { source_key: "ef".repeat(32), source_sha256: "ef".repeat(32), source_page: null },
    ]);
    lib.close();
  });

  it("give a version 2 database the index of page numbers that search hits read", () => {
    const { file, db: v2 } = databaseAtVersion(2);
    v2.close();
    const lib = Library.open(file);
    const index = lib.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'pages_page_number'").raw().get() as [string] | undefined;
    expect(index?.[0]).toMatch(/ON pages\(id, page_number\)/);
    lib.importPage(makePage([{ headline: "页码索引" }], { info: { pageNumber: 7 } }), null);
    expect(lib.search({ query: "页码" }).hits.map((h) => h.pageNumber)).toEqual([7]);
    lib.close();
  });

  it("count the articles of each index term of a version 3 database", () => {
    const { file, db: v3 } = databaseAtVersion(3);
    v3.close();
    const before = Library.open(file);
    before.importPage(makePage([{ headline: "核酸检测", paragraphs: ["核酸。"] }, { headline: "检测", paragraphs: ["检测站。"] }]), null);
    // as a version 3 database would hold it: imported, never counted
    before.db.exec("DROP TABLE term_docs; DROP TABLE term_docs_upto; DELETE FROM schema_migrations WHERE version = 4");
    before.close();
    const lib = Library.open(file);
    const docs = Object.fromEntries(lib.db.prepare("SELECT term, docs FROM term_docs").raw().all() as Array<[string, number]>);
    expect(docs).toMatchObject({ 核酸: 1, 酸检: 1, 检测: 2, 测站: 1, 核: 1, 检: 2 });
    expect(lib.db.prepare("SELECT last_rowid FROM term_docs_upto").raw().get()).toEqual([2]);
    expect(lib.search({ query: "检测" }).total).toBe(2);
    lib.close();
  });

  it("reopen an existing database without change", () => {
    const file = path.join(tempDir(), "lib.db");
    const lib = Library.open(file);
    lib.importPage(makePage([{ headline: "留存" }]), null);
    lib.close();
    const again = Library.open(file);
    expect(again.search({ query: "留存" }).total).toBe(1);
    again.close();
  });
});

describe("an interrupted import", () => {
  it("leaves only whole pages (one transaction per page)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "lib.db");
    // A child imports big pages in a loop; it is killed without warning mid-way.
    const script = path.join(dir, "import-loop.mjs");
    writeFileSync(
      script,
      `import { Library } from ${JSON.stringify(path.resolve(import.meta.dirname, "../dist/index.js"))};
       import { createHash } from "node:crypto";
       const lib = Library.open(${JSON.stringify(file)});
       for (let p = 0; ; p++) {
         const sha256 = createHash("sha256").update("page " + p).digest("hex");
         const articles = Array.from({ length: 300 }, (_, i) => ({
           id: "a" + i, kind: "news", column: null, kicker: null, headline: "标题" + i, subheadline: null,
           dateline: null, byline: null, jumps: [], spans: [],
           paragraphs: [{ text: "这是一段很长的正文，用来拖慢导入。".repeat(40), role: "body", spans: [] }],
         }));
         lib.importPage({ schemaVersion: "1.0", id: "page-" + p, source: { name: "p" + p + ".txt", format: "text", sha256, encoding: "utf-8" },
           page: {}, articles, unassigned: [], diagnostics: [] }, null);
         if (p === 0) process.stdout.write("started\\n");
       }`,
    );
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`import loop exited early with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const lib = Library.open(file);
    const pages = lib.db.prepare("SELECT p.id, (SELECT count(*) FROM articles a WHERE a.page_id = p.id) AS n FROM pages p").all() as Array<{ n: number }>;
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(p.n).toBe(300);
    const fts = lib.db.prepare("SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH '\"标题\"'").get() as { n: number };
    expect(fts.n).toBe(pages.length * 300);
    lib.close();
  });
});

describe("importing the pages of a source of several pages", () => {
  /** Page `n` of a PDF issue, as parseInput names it: `<hash>-p<n>`, the source hash shared by all pages. */
  const pdfPage = (n: number, info: PageInfo = {}): Page => {
    const base = makePage([{ headline: `第${n}版头条` }], { name: "issue.pdf", info });
    return PageSchema.parse({ ...base, id: `${SHARED.slice(0, 16)}-p${n}`, source: { ...base.source, format: "pdf", encoding: "binary", sha256: SHARED } });
  };
  const SHARED = "ab".repeat(32);

  it("stores each page once, under its own key, and files it by its place when it prints no page number", () => {
    const lib = Library.open(":memory:");
    const pages = [1, 2, 3].map((n) => pdfPage(n));
    const first = pages.map((p) => lib.importPage(p, null, { publication: "甲报", date: "2024-01-02" }));
    expect(first.map((r) => [r.status, r.meta.pageNumber])).toEqual([
      ["imported", 1],
      ["imported", 2],
      ["imported", 3],
    ]);
    expect(new Set(first.map((r) => r.pageId)).size).toBe(3);
    const again = pages.map((p) => lib.importPage(p, null, { publication: "甲报", date: "2024-01-02" }));
    expect(again.map((r) => [r.status, r.pageId])).toEqual(first.map((r) => ["duplicate", r.pageId]));
    expect(lib.stats()).toMatchObject({ pages: 3, articles: 3 });
    // article ids keep the reader's form (16 hex digits, a number) and differ from page to page
    const keys = first.map((r) => lib.page(r.pageId)!.articles[0]!.id);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{16}-1$/);
    expect(new Set(keys).size).toBe(3);
    expect(pageSourceKey(pages[0]!)).not.toBe(SHARED);
    // the reader shows the PDF's own hash, and which of its pages this is
    expect(first.map((r) => [lib.page(r.pageId)!.sha256, lib.page(r.pageId)!.sourcePage])).toEqual([
      [SHARED, 1],
      [SHARED, 2],
      [SHARED, 3],
    ]);
    lib.close();
  });

  it("imports all pages of one input in one transaction, numbering them on from a given first page", () => {
    const lib = Library.open(":memory:");
    const results = lib.importPages(
      [1, 2, 3].map((n) => ({ page: pdfPage(n), raw: null })),
      { publication: "甲报", date: "2024-01-02", pageNumber: 5 },
    );
    expect(results.map((r) => [r.status, r.meta.pageNumber])).toEqual([
      ["imported", 5],
      ["imported", 6],
      ["imported", 7],
    ]);
    // a page that fails while being stored takes the pages stored before it in the same call back out
    const broken = { ...pdfPage(9), articles: [{ ...pdfPage(9).articles[0]!, paragraphs: null }] } as unknown as Page;
    const before = lib.stats();
    expect(() => lib.importPages([{ page: pdfPage(8), raw: null }, { page: broken, raw: null }])).toThrow(TypeError);
    expect(lib.stats()).toEqual(before);
    // a malformed page number is refused before anything is stored
    expect(() => lib.importPages([{ page: pdfPage(8), raw: null }], { pageNumber: 0 })).toThrow(LibraryError);
    expect(lib.stats()).toEqual(before);
    lib.close();
  });

  it("keeps a printed page number over the page's place in its source, and one-page sources under their hash", () => {
    expect(resolvePageMeta(pdfPage(2, { pageNumber: 7 })).pageNumber).toBe(7);
    expect(resolvePageMeta(pdfPage(2)).from.pageNumber).toBe("source-page");
    const single = makePage([{ headline: "一" }]);
    expect(pageSourceKey(single)).toBe(single.source.sha256);
    expect(sourcePageOf(single)).toBeNull();
  });
});
