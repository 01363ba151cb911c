import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { openDatabase, type Db } from "@dubao/library";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newNonce } from "../lib/nonce";
import { CACHE_STATUS_HEADER, cachingHandler } from "./caching-handler";
import { LibraryRevision } from "./library-revision";
import { ResponseCache } from "./response-cache";

const ARTICLE = "/articles/0c30f1900352050f-3";

/**
 * Stands in for Next.js: renders the headline stored in the library with a fresh nonce in its
 * CSP and on its script, as the reader's proxy and Next.js do, and counts its renders.
 */
let renders = 0;
let duringRender: (() => void) | null = null;
let extraHeaders: Record<string, string> = {};
let status = 200;

async function fakeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders++;
  const nonce = newNonce();
  const headline = (writer.prepare("SELECT text FROM headline").get() as { text: string }).text;
  duringRender?.();
  res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Content-Type", req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8");
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.statusCode = status;
  res.write(`<html><head><script nonce="${nonce}" src="/a.js"></script></head>`);
  await new Promise((r) => setTimeout(r, 5));
  res.end(`<body><h1>${headline}</h1><script nonce="${nonce}">self.x={"nonce":"${nonce}"}</script></body></html>`);
}

let dir: string;
let dbPath: string;
/** The reader's own connection (its upload writes through this one). */
let writer: Db;
let revision: LibraryRevision;
let cache: ResponseCache;
let server: Server;
let base: string;

function setHeadline(db: Db, text: string): void {
  db.prepare("UPDATE headline SET text = ?").run(text);
}

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${base}${url}`, { headers });
  const body = Buffer.from(await r.arrayBuffer());
  const csp = r.headers.get("content-security-policy") ?? "";
  return { status: r.status, cache: r.headers.get(CACHE_STATUS_HEADER), csp, nonce: /'nonce-([^']+)'/.exec(csp)?.[1], headers: r.headers, body: body.toString() };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dubao-cache-"));
  dbPath = path.join(dir, "library.db");
  writer = openDatabase(dbPath);
  writer.exec("CREATE TABLE headline (text TEXT NOT NULL); INSERT INTO headline VALUES ('第一版标题')");
  revision = LibraryRevision.open(dbPath);
  server = createServer((req, res) => void cachingHandler(fakeNext, { cache, revision: () => revision.current() })(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.close();
  revision?.close();
  writer?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  cache = new ResponseCache(1 << 20, 1 << 16);
  renders = 0;
  duringRender = null;
  extraHeaders = {};
  status = 200;
  setHeadline(writer, "第一版标题");
});

describe("the article page cache", () => {
  it("renders a page once, then serves it with a fresh nonce and the same headers", async () => {
    const first = await get(ARTICLE);
    const second = await get(ARTICLE);
    const third = await get(ARTICLE, { "accept-encoding": "gzip" });
    expect([first.cache, second.cache, third.cache]).toEqual(["miss", "hit", "hit"]);
    expect(renders).toBe(1);
    expect(second.nonce).toBeDefined();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.csp).toBe(first.csp.replaceAll(first.nonce!, second.nonce!));
    expect(second.body).toBe(first.body.replaceAll(first.nonce!, second.nonce!));
    expect(second.body).not.toContain(first.nonce);
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(third.headers.get("content-encoding")).toBe("gzip");
    expect(third.body).toContain("第一版标题");
    expect(third.body).toContain(`nonce="${third.nonce}"`);
  });

  it("gzips a cached copy for a client that takes it", async () => {
    await get(ARTICLE);
    const r = await fetch(`${base}${ARTICLE}`, { headers: { "accept-encoding": "gzip" } });
    expect(r.headers.get("content-encoding")).toBe("gzip");
    // fetch decodes gzip itself; check the raw bytes through node:http too
    const raw = await new Promise<Buffer>((resolve) => {
      void import("node:http").then(({ get: httpGet }) =>
        httpGet(`${base}${ARTICLE}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        }),
      );
    });
    expect(gunzipSync(raw).toString()).toContain("第一版标题");
  });

  it("shows the new data after the reader's own connection writes (an upload)", async () => {
    await get(ARTICLE);
    expect((await get(ARTICLE)).cache).toBe("hit");
    setHeadline(writer, "上传后的标题");
    const after = await get(ARTICLE);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("上传后的标题");
    expect((await get(ARTICLE)).body).toContain("上传后的标题");
  });

  it("shows the new data after another process writes (dubao import)", async () => {
    await get(ARTICLE);
    expect((await get(ARTICLE)).cache).toBe("hit");
    const script = `const { openDatabase } = await import("@dubao/library");
      const db = openDatabase(process.argv[1]); db.prepare("UPDATE headline SET text = ?").run("导入后的标题"); db.close();`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, dbPath], { cwd: import.meta.dirname, encoding: "utf8" });
    expect(child.stderr).toBe("");
    const after = await get(ARTICLE);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("导入后的标题");
  });

  it("does not keep a page rendered while the library changed", async () => {
    duringRender = () => {
      duringRender = null;
      setHeadline(writer, "渲染中改过的标题");
    };
    const during = await get(ARTICLE);
    expect(during.body).toContain("第一版标题");
    const next = await get(ARTICLE);
    expect(next.cache).toBe("miss");
    expect(next.body).toContain("渲染中改过的标题");
  });

  it("never stores errors, cookies or RSC payloads", async () => {
    status = 404;
    await get(ARTICLE);
    expect((await get(ARTICLE)).cache).toBe("miss");
    status = 200;
    extraHeaders = { "Set-Cookie": "a=b" };
    await get(ARTICLE);
    expect((await get(ARTICLE)).cache).toBe("miss");
    extraHeaders = {};
    const rsc = await get(ARTICLE, { rsc: "1" });
    expect(rsc.cache).toBeNull();
    expect(rsc.headers.get("content-type")).toBe("text/x-component");
    expect(cache.size).toBe(0);
    renders = 0;
    await get("/search?q=a");
    await get("/search?q=a");
    expect(renders).toBe(2);
  });
});
