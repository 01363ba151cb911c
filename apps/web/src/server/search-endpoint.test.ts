import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseText } from "@dubao/core";
import { Library } from "@dubao/library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSearchApi } from "../lib/search-api";
import { API_CSP } from "../lib/security-headers";
import { LibraryRevision } from "./library-revision";
import { ResponseCache } from "./response-cache";
import { searchApiQuery, serveSearchApi, type CachedSearchAnswer, type SearchApiOptions } from "./search-endpoint";
import { SearchPool } from "./search-pool";

const CORPUS = path.resolve(import.meta.dirname, "../../../../corpus");
const SEED = path.join(CORPUS, "seed/000_0c30f1900352050f.txt");
/** Pages of the dev corpus imported beside the seed page, so that searches have many matches. */
const DEV_PAGES = 6;

let dir: string;
/** The library as the server's main thread opens it; the pool's threads open the same file. */
let library: Library;
let pool: SearchPool;
/** Watches the library as the server's main thread does, for the cache of answers. */
let revision: LibraryRevision;
let options: SearchApiOptions;
let server: Server;
let base: string;
/** What the pool reported (a thread that stopped). */
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "dubao-search-api-"));
  const dbPath = path.join(dir, "library.db");
  library = Library.open(dbPath);
  const raw = readFileSync(SEED, "utf8");
  library.importPage(parseText(raw, { sourceName: "seed.txt" }), raw, { publication: "测试日报", date: "2022-11-30", pageNumber: 1 });
  const dev = readdirSync(path.join(CORPUS, "dev")).filter((f) => f.endsWith(".txt")).sort().slice(0, DEV_PAGES);
  dev.forEach((file, i) => {
    const text = readFileSync(path.join(CORPUS, "dev", file), "utf8");
    library.importPage(parseText(text, { sourceName: file }), text, { publication: "测试日报", date: `2022-12-0${i + 1}`, pageNumber: i + 2 });
  });
  pool = await SearchPool.start(dbPath, 2, (message) => problems.push(message));
  revision = LibraryRevision.open(dbPath);
  options = { pool, cache: new ResponseCache<CachedSearchAnswer>(1 << 20, 1 << 18), revision: () => revision.current() };
  server = createServer((req, res) => {
    const query = searchApiQuery(req.method, req.url);
    if (query === null) {
      res.statusCode = 418;
      res.end();
    } else
      serveSearchApi(options, query, req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  server?.close();
  await pool?.close();
  revision?.close();
  library?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A raw GET: status, headers and body bytes as sent (no decoding of gzip). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/** What the main thread's own library answers for a query string. */
const expected = (query: string) => answerSearchApi(library, new URLSearchParams(query));

describe("searchApiQuery", () => {
  it("takes GET /api/search with or without a query string, and nothing else", () => {
    expect(searchApiQuery("GET", "/api/search")).toBe("");
    expect(searchApiQuery("GET", "/api/search?q=%E6%A0%B8&limit=2")).toBe("q=%E6%A0%B8&limit=2");
    for (const [method, url] of [["POST", "/api/search?q=a"], ["HEAD", "/api/search"], ["GET", "/api/search/"], ["GET", "/api/searchx?q=a"], ["GET", "/api/articles/x"], ["GET", undefined]] as const) {
      expect(searchApiQuery(method, url)).toBeNull();
    }
  });
});

describe("the search API answered by the reader's search threads", () => {
  it("sends the JSON of the Next.js route, with the API's security headers", async () => {
    const r = await rawGet(`/api/search?q=${encodeURIComponent("核酸")}&limit=3`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(JSON.stringify(expected("q=核酸&limit=3").body));
    const body = JSON.parse(r.body.toString()) as { total: number; results: Array<{ snippet: string; marks: Array<[number, number]> }> };
    expect(body.total).toBeGreaterThan(0);
    expect(body.results.length).toBeGreaterThan(0);
    for (const hit of body.results) for (const [s, e] of hit.marks) expect(hit.snippet.slice(s, e)).toBe("核酸");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["content-security-policy"]).toBe(API_CSP);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
  });

  it("answers every kind of query exactly as the library does on the main thread", async () => {
    const queries = [
      "的", "新", "核酸", "北京", "核酸检测", "疫情防控", "人民日报", "11月30日", "2022", "a", "ＡＢ",
      "核酸，检测", "“核酸”", "'; DROP TABLE articles; --", '"', "NEAR(核酸 检测)", "核*", "🙂", "。", "",
      "的".repeat(300), "核酸 检测 北京 疫情 防控 工作 发展 中国 人民 日报 记者 报道 经济",
    ];
    let found = 0;
    for (const q of queries) {
      for (const extra of ["", "&limit=100", "&offset=5&limit=7"]) {
        const query = `q=${encodeURIComponent(q)}${extra}`;
        const r = await rawGet(`/api/search?${query}`);
        const want = expected(query);
        expect(r.status, q).toBe(want.status);
        expect(r.body.toString(), q).toBe(JSON.stringify(want.body));
        if ("total" in want.body && want.body.total > 0) found++;
      }
    }
    // The comparison means something only if most queries find articles.
    expect(found).toBeGreaterThan(30);
  });

  it("answers many searches at once, each with its own answer", async () => {
    const queries = ["的", "核酸", "北京", "检测", "发展", "工作", "记者", "中国"].flatMap((q) => [q, `${q}&limit=5`, `${q}&offset=3`]);
    const answers = await Promise.all(queries.map((q) => rawGet(`/api/search?q=${q.replace(/^[^&]+/, encodeURIComponent)}`)));
    answers.forEach((r, i) => {
      const query = `q=${queries[i]!.replace(/^[^&]+/, encodeURIComponent)}`;
      expect(r.body.toString(), query).toBe(JSON.stringify(expected(query).body));
    });
  });

  it("sees what was imported after it started: an import empties the cache of answers", async () => {
    const whale = `q=${encodeURIComponent("蔚蓝鲸鱼")}`;
    const first = await rawGet(`/api/search?${whale}`);
    expect(JSON.parse(first.body.toString())).toMatchObject({ total: 0 });
    const again = await rawGet(`/api/search?${whale}`);
    expect(again.headers["x-dubao-cache"]).toBe("hit");
    expect(again.body.toString()).toBe(first.body.toString());
    const text = "新华社北京12月5日电 蔚蓝鲸鱼今日出现在近海。\n\n蔚蓝鲸鱼的出现引人注目。";
    library.importPage(parseText(text, { sourceName: "whale.txt" }), text, { publication: "测试日报", date: "2022-12-05", pageNumber: 9 });
    const r = await rawGet(`/api/search?${whale}`);
    expect(r.headers["x-dubao-cache"]).toBe("miss");
    const after = JSON.parse(r.body.toString()) as { total: number };
    expect(after.total).toBeGreaterThan(0);
    expect(r.body.toString()).toBe(JSON.stringify(expected(whale).body));
  });

  it("answers a search asked before from the cache of answers, with the same bytes", async () => {
    const q = encodeURIComponent("发展");
    const first = await rawGet(`/api/search?q=${q}&limit=4`);
    expect(first.headers["x-dubao-cache"]).toBe("miss");
    // The same words (as the library reads them), filters and page: the same answer.
    for (const same of [`q=${q}&limit=4`, `q=${encodeURIComponent(" 发展 ")}&limit=4`, `limit=4&q=${q}&offset=0`, `q=${encodeURIComponent("“发展”")}&limit=4`]) {
      const r = await rawGet(`/api/search?${same}`);
      expect(r.headers["x-dubao-cache"], same).toBe("hit");
      expect(r.body.toString(), same).toBe(first.body.toString());
    }
    // Another page, filter or encoding is another answer.
    for (const other of [`q=${q}&limit=6`, `q=${q}&limit=4&offset=1`, `q=${q}&limit=4&kind=news`, `q=${encodeURIComponent("发展 工作")}&limit=4`]) {
      const r = await rawGet(`/api/search?${other}`);
      expect(r.headers["x-dubao-cache"], other).toBe("miss");
      expect(r.body.toString(), other).toBe(JSON.stringify(expected(other).body));
    }
    const gzipped = await rawGet(`/api/search?q=${q}&limit=4`, { "accept-encoding": "gzip" });
    expect(gzipped.headers["x-dubao-cache"]).toBe("miss");
    const gzippedAgain = await rawGet(`/api/search?q=${q}&limit=4`, { "accept-encoding": "gzip" });
    expect(gzippedAgain.headers["x-dubao-cache"]).toBe("hit");
    expect(gunzipSync(gzippedAgain.body).toString()).toBe(first.body.toString());
  });

  it("gzips a long answer for a client that takes it, and sends a short one as it is", async () => {
    const r = await rawGet(`/api/search?q=${encodeURIComponent("核酸")}`, { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(gunzipSync(r.body).toString()).toBe(JSON.stringify(expected(`q=${encodeURIComponent("核酸")}`).body));
    const short = await rawGet("/api/search?q=", { "accept-encoding": "gzip" });
    expect(short.headers["content-encoding"]).toBeUndefined();
    expect(short.body.toString()).toBe(JSON.stringify(expected("q=").body));
  });

  it("answers bad parameters with 400 and the problem", async () => {
    const r = await rawGet("/api/search?q=a&limit=x");
    expect(r.status).toBe(400);
    expect(r.headers["x-dubao-cache"]).toBeUndefined();
    expect(JSON.parse(r.body.toString())).toEqual({ error: expect.stringMatching(/^invalid parameter limit: /) });
    expect((await rawGet(`/api/search?q=${"a".repeat(1001)}`)).status).toBe(400);
  });

  it("never fails on a query string", async () => {
    for (const q of ['"', "NEAR(核酸 检测)", "核*", "'; DROP TABLE articles; --", "\u0000", "🙂", "a".repeat(999), "%E0%A4%A", "q=1&q=2"]) {
      const r = await rawGet(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
    }
    for (const raw of ["q=%E0%A4%A&offset=3", "q=%FF%FE", "q&q&q", "&&&", "q=%", "offset=-1", "from=2022-13-45"]) {
      expect((await rawGet(`/api/search?${raw}`)).status).toBeLessThan(500);
    }
  });

  it("replaces a search thread that dies, failing only the requests it held", async () => {
    const threads = (pool as unknown as { threads: Array<{ worker: { terminate(): Promise<number> } }> }).threads;
    const size = pool.size;
    await threads[0]!.worker.terminate();
    // The replacement starts at once; it answers as soon as it has opened the library.
    // A search not asked before: the cache of answers cannot answer it.
    const query = `q=${encodeURIComponent("核酸")}&offset=2&limit=9`;
    const r = await rawGet(`/api/search?${query}`);
    expect(r.status).toBe(200);
    expect(r.headers["x-dubao-cache"]).toBe("miss");
    expect(r.body.toString()).toBe(JSON.stringify(expected(query).body));
    expect(pool.size).toBe(size);
    expect(problems).toEqual([expect.stringMatching(/a search thread stopped .*starting another/)]);
  });
});

describe("SearchPool.start", () => {
  it("fails with the reason when the library cannot be opened", async () => {
    await expect(SearchPool.start(path.join(dir, "missing.db"), 1, () => {})).rejects.toThrow(/no library database at .*missing\.db/);
    // A thread loads its modules through tsx here (seconds on a busy machine) before it fails.
  }, 60_000);
});
