import { describe, expect, it } from "vitest";
import { newNonce } from "../lib/nonce";
import { acceptsGzip, articlePageCacheKey } from "./cacheable-request";
import { gunzipSync, gzipSync } from "node:zlib";
import { gzipChunks, gzipTemplate } from "./gzip-template";
import { bodyChunks, fillBody, gzipBodyChunks, ResponseCache, splitBuffer, toCachedResponse, type CachedResponse } from "./response-cache";

const ARTICLE = "/articles/0c30f1900352050f-3";

function entry(bytes: number): CachedResponse {
  return { status: 200, headers: [], body: [Buffer.alloc(bytes), Buffer.alloc(0)], gzip: { deflated: [], bytes: 0 }, bytes };
}

describe("newNonce", () => {
  it("gives 16 random bytes in base64, never the same twice (also across draws from the system)", () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
    expect(nonces.every((n) => /^[A-Za-z0-9+/]{22}==$/.test(n))).toBe(true);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("nonce templates", () => {
  it("cut a body at every occurrence of the nonce and put a new one back", () => {
    const body = Buffer.from('<script nonce="N0nce==">a</script>{"nonce":"N0nce=="}<p>文</p>N0nce==');
    const parts = splitBuffer(body, "N0nce==");
    expect(parts).toHaveLength(4);
    expect(fillBody(parts, "N0nce==").equals(body)).toBe(true);
    expect(fillBody(parts, "fresh+/=").toString()).toBe('<script nonce="fresh+/=">a</script>{"nonce":"fresh+/="}<p>文</p>fresh+/=');
  });

  it("refuse a response whose body does not carry the nonce", () => {
    expect(toCachedResponse(200, [["content-security-policy", "script-src 'nonce-abc'"]], Buffer.from("<p>no scripts</p>"), "abc")).toBeNull();
    const stored = toCachedResponse(200, [["Content-Security-Policy", "script-src 'nonce-abc'; style-src 'nonce-abc'"]], Buffer.from('<script nonce="abc">'), "abc")!;
    expect(stored.headers).toEqual([["content-security-policy", ["script-src 'nonce-", "'; style-src 'nonce-", "'"]]]);
  });
});

/** A page like the reader's: markup and Chinese text with the nonce in scripts and a JSON payload. */
function page(nonce: string, paragraphs: number): Buffer {
  const text = Array.from({ length: paragraphs }, (_, i) => `<p>第${i}段：全市核酸检测能力大幅提高，居民小区有序活动。</p><script nonce="${nonce}">self.__next_f.push([1,"${i}"])</script>`);
  return Buffer.from(`${nonce}<html><head><script nonce="${nonce}" src="/a.js"></script></head><body>${text.join("")}{"nonce":"${nonce}"}</body></html>${nonce}`);
}

describe("gzip templates", () => {
  it("give, with any nonce, the gzip stream of the page with that nonce (including pages longer than the deflate window)", () => {
    for (const paragraphs of [0, 3, 800]) {
      const rendered = newNonce();
      const parts = splitBuffer(page(rendered, paragraphs), rendered);
      const template = gzipTemplate(parts, rendered.length);
      for (let i = 0; i < 5; i++) {
        const fresh = newNonce();
        const gz = Buffer.concat(gzipChunks(template, parts, Buffer.from(fresh)));
        expect(gunzipSync(gz).equals(page(fresh, paragraphs))).toBe(true);
      }
    }
  });

  it("are nearly as small as gzipping the whole page: each piece refers back to the text before it", () => {
    // 18 nonces, as in the reader's article pages; the same long paragraph between them, which
    // pieces compressed on their own would each have to carry.
    const paragraph = Array.from({ length: 40 }, (_, i) => `第${i}句，全市核酸检测能力大幅提高，居民小区有序活动。`).join("");
    const rendered = newNonce();
    const body = Buffer.from(Array.from({ length: 19 }, () => `<p>${paragraph}</p>`).join(`<script nonce="${rendered}"></script>`));
    const parts = splitBuffer(body, rendered);
    const gz = Buffer.concat(gzipChunks(gzipTemplate(parts, rendered.length), parts, Buffer.from(newNonce())));
    // at most a flush, a stored nonce and a block header more per nonce
    expect(gz.length).toBeLessThan(gzipSync(body).length + (parts.length - 1) * 64);
  });

  it("stay correct for a body holding every byte value (no byte left to mark the nonces in the dictionary)", () => {
    const all = Buffer.from(Array.from({ length: 256 * 4 }, (_, i) => (i * 7) % 256));
    const body = Buffer.concat([all, Buffer.from("NONCE"), all, Buffer.from("NONCE"), all]);
    const parts = splitBuffer(body, "NONCE");
    const gz = Buffer.concat(gzipChunks(gzipTemplate(parts, 5), parts, Buffer.from("fresh")));
    expect(gunzipSync(gz).equals(Buffer.concat([all, Buffer.from("fresh"), all, Buffer.from("fresh"), all]))).toBe(true);
  });

  it("serve a stored response plain or gzipped with the same new nonce", () => {
    const rendered = newNonce();
    const stored = toCachedResponse(200, [["content-security-policy", `script-src 'nonce-${rendered}'`]], page(rendered, 10), rendered)!;
    const fresh = newNonce();
    const plain = Buffer.concat(bodyChunks(stored.body, Buffer.from(fresh)));
    expect(plain.equals(page(fresh, 10))).toBe(true);
    expect(gunzipSync(Buffer.concat(gzipBodyChunks(stored, Buffer.from(fresh)))).equals(plain)).toBe(true);
    expect(stored.bytes).toBeGreaterThan(plain.length + stored.gzip.bytes);
  });
});

describe("ResponseCache", () => {
  it("keeps the most recently used entries within its byte budget", () => {
    const cache = new ResponseCache(300, 200);
    cache.set("a", 1, entry(100));
    cache.set("b", 1, entry(100));
    cache.set("c", 1, entry(100));
    expect(cache.get("a", 1)).toBeDefined(); // a is now the most recent
    cache.set("d", 1, entry(100)); // b goes
    expect(cache.get("b", 1)).toBeUndefined();
    expect([cache.get("a", 1), cache.get("c", 1), cache.get("d", 1)].every(Boolean)).toBe(true);
    expect(cache.bytes).toBe(300);
    cache.set("huge", 1, entry(201));
    expect(cache.get("huge", 1)).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it("forgets everything when the library revision changes, and refuses pages rendered before", () => {
    const cache = new ResponseCache(1000, 1000);
    cache.set("a", 1, entry(10));
    expect(cache.get("a", 1)).toBeDefined();
    expect(cache.get("a", 2)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set("a", 1, entry(10)); // rendered at revision 1, arriving after the cache saw 2
    expect(cache.get("a", 2)).toBeUndefined();
    cache.set("a", 2, entry(10));
    expect(cache.get("a", 2)).toBeDefined();
  });
});

describe("articlePageCacheKey", () => {
  it("takes full-document GETs of article pages, in either script", () => {
    expect(articlePageCacheKey("GET", ARTICLE, {})).toBe(`browser ${ARTICLE}`);
    expect(articlePageCacheKey("GET", `${ARTICLE}?script=hant`, { accept: "text/html" })).toBe(`browser ${ARTICLE}?script=hant`);
  });

  it("keeps apart the document Next.js renders for crawlers that read HTML only", () => {
    const browser = articlePageCacheKey("GET", ARTICLE, { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" });
    const twitter = articlePageCacheKey("GET", ARTICLE, { "user-agent": "Twitterbot/1.0" });
    const bing = articlePageCacheKey("GET", ARTICLE, { "user-agent": "Mozilla/5.0 (compatible; Bingbot/2.0)" });
    expect(browser).toBe(`browser ${ARTICLE}`);
    expect(twitter).not.toBe(browser);
    expect(bing).toBe(twitter);
  });

  it("leaves everything else to Next.js", () => {
    expect(articlePageCacheKey("POST", ARTICLE, {})).toBeNull();
    expect(articlePageCacheKey("HEAD", ARTICLE, {})).toBeNull();
    expect(articlePageCacheKey("GET", ARTICLE, { rsc: "1" })).toBeNull();
    expect(articlePageCacheKey("GET", ARTICLE, { "next-router-prefetch": "1" })).toBeNull();
    expect(articlePageCacheKey("GET", ARTICLE, { "next-router-state-tree": "x" })).toBeNull();
    expect(articlePageCacheKey("GET", `${ARTICLE}?_rsc=abc`, {})).toBeNull();
    expect(articlePageCacheKey("GET", `${ARTICLE}?script=hant&x=1`, {})).toBeNull();
    expect(articlePageCacheKey("GET", `${ARTICLE}/download/md`, {})).toBeNull();
    expect(articlePageCacheKey("GET", "/articles/nope", {})).toBeNull();
    expect(articlePageCacheKey("GET", "/search?q=a", {})).toBeNull();
    expect(articlePageCacheKey("GET", "/api/articles/0c30f1900352050f-3", {})).toBeNull();
  });
});

describe("acceptsGzip", () => {
  it("reads Accept-Encoding with its weights", () => {
    expect(acceptsGzip({ "accept-encoding": "gzip, deflate, br, zstd" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "br;q=1.0, gzip;q=0.8" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "*" })).toBe(true);
    expect(acceptsGzip({ "accept-encoding": "gzip;q=0, br" })).toBe(false);
    expect(acceptsGzip({ "accept-encoding": "identity" })).toBe(false);
    expect(acceptsGzip({})).toBe(false);
  });
});
