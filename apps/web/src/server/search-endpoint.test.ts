import { readFileSync } from "node:fs";
import { createServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseText } from "@dubao/core";
import { Library } from "@dubao/library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSearchApi } from "../lib/search-api";
import { API_CSP } from "../lib/security-headers";
import { searchApiQuery, serveSearchApi } from "./search-endpoint";

const SEED = path.resolve(import.meta.dirname, "../../../../corpus/seed/000_0c30f1900352050f.txt");

let library: Library;
let server: Server;
let base: string;

beforeAll(async () => {
  library = Library.open(":memory:");
  const raw = readFileSync(SEED, "utf8");
  library.importPage(parseText(raw, { sourceName: "seed.txt" }), raw, { publication: "测试日报", date: "2022-11-30", pageNumber: 1 });
  server = createServer((req, res) => {
    const query = searchApiQuery(req.method, req.url);
    if (query === null) {
      res.statusCode = 418;
      res.end();
    } else serveSearchApi(library, query, req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  library?.close();
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

describe("searchApiQuery", () => {
  it("takes GET /api/search with or without a query string, and nothing else", () => {
    expect(searchApiQuery("GET", "/api/search")).toBe("");
    expect(searchApiQuery("GET", "/api/search?q=%E6%A0%B8&limit=2")).toBe("q=%E6%A0%B8&limit=2");
    for (const [method, url] of [["POST", "/api/search?q=a"], ["HEAD", "/api/search"], ["GET", "/api/search/"], ["GET", "/api/searchx?q=a"], ["GET", "/api/articles/x"], ["GET", undefined]] as const) {
      expect(searchApiQuery(method, url)).toBeNull();
    }
  });
});

describe("the search API answered by the reader's server", () => {
  it("sends the JSON of the Next.js route, with the API's security headers", async () => {
    const r = await rawGet(`/api/search?q=${encodeURIComponent("核酸")}&limit=3`);
    expect(r.status).toBe(200);
    const expected = answerSearchApi(library, new URLSearchParams({ q: "核酸", limit: "3" }));
    expect(r.body.toString()).toBe(JSON.stringify(expected.body));
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

  it("gzips a long answer for a client that takes it", async () => {
    const r = await rawGet(`/api/search?q=${encodeURIComponent("核酸")}`, { "accept-encoding": "gzip" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).toString()).toBe(JSON.stringify(answerSearchApi(library, new URLSearchParams({ q: "核酸" })).body));
  });

  it("answers bad parameters with 400 and the problem", async () => {
    const r = await rawGet("/api/search?q=a&limit=x");
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString())).toEqual({ error: expect.stringMatching(/^invalid parameter limit: /) });
  });

  it("never fails on a query string", async () => {
    for (const q of ['"', "NEAR(核酸 检测)", "核*", "'; DROP TABLE articles; --", "\u0000", "🙂", "a".repeat(999), "%E0%A4%A", "q=1&q=2"]) {
      const r = await rawGet(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
    }
    expect((await rawGet("/api/search?q=%E0%A4%A&offset=3")).status).toBe(200);
  });
});
