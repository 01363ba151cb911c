import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { newNonce } from "../lib/nonce.js";
import { acceptsGzip, articlePageCacheKey } from "./cacheable-request.js";
import { bodyChunks, gzipBodyChunks, toCachedResponse, type CachedResponse, type ResponseCache } from "./response-cache.js";

/** Response header telling whether an article page came from the cache (`hit`) or was rendered (`miss`). */
export const CACHE_STATUS_HEADER = "x-dubao-cache";

/** Headers that belong to one response or one connection, never stored. */
const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", CACHE_STATUS_HEADER]);

/** The nonce in a Content-Security-Policy (base64, as `newNonce` makes them). */
const CSP_NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** A Node request handler, as Next.js's `getRequestHandler()` returns. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What the caching handler needs: the cache, and the library's current revision. */
export interface CachingOptions {
  cache: ResponseCache;
  /** The library's revision now; see `LibraryRevision`. */
  revision: () => number;
}

/** A response as it went out: status, headers, body. */
interface Rendered {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Collects what is written to `res` while it still goes out to the client.
 * @returns the response once finished, `null` if the client went away before it was
 */
function capture(res: ServerResponse): Promise<Rendered | null> {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") keep(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  return new Promise((resolve) => {
    res.once("finish", () => resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) }));
    res.once("close", () => {
      if (!res.writableFinished) resolve(null);
    });
  });
}

/**
 * The storable form of a rendered article page, or `null` when it must not be stored: not a
 * 200 HTML page, setting a cookie, already compressed, or without a CSP nonce to renew.
 */
export function storableResponse(rendered: Rendered): CachedResponse | null {
  const { status, headers, body } = rendered;
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const nonce = CSP_NONCE.exec(String(headers["content-security-policy"] ?? ""))?.[1];
  if (nonce === undefined) return null;
  const kept: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name.toLowerCase())) continue;
    kept.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return toCachedResponse(status, kept, body, nonce);
}

/**
 * Sends a stored page with a fresh nonce in its CSP and body, gzipped when the client takes it.
 * Nothing is rendered, compressed or copied: the stored pieces go out as they are, around the nonce.
 */
function serveCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): void {
  const nonce = newNonce();
  const nonceBytes = Buffer.from(nonce, "latin1");
  const gzipped = acceptsGzip(req.headers);
  const chunks = gzipped ? gzipBodyChunks(entry, nonceBytes) : bodyChunks(entry.body, nonceBytes);
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  // One flat list of names and values for writeHead: Node writes it out without building a header map.
  const headers: string[] = [];
  for (const [name, parts] of entry.headers) headers.push(name, parts.length === 1 ? parts[0]! : parts.join(nonce));
  headers.push(CACHE_STATUS_HEADER, "hit");
  if (gzipped) headers.push("content-encoding", "gzip");
  headers.push("content-length", String(length));
  res.writeHead(entry.status, headers);
  res.end(Buffer.concat(chunks, length));
}

/**
 * Wraps Next.js's request handler with a cache of article pages: a full-document GET of
 * `/articles/:id` (see `articlePageCacheKey`) is answered from memory when the page was rendered
 * at the library's current revision, with a fresh CSP nonce; otherwise Next.js renders it and the
 * result is stored, unless the library changed while it rendered. Every other request goes to
 * Next.js untouched.
 */
export function cachingHandler(handle: RequestHandler, { cache, revision }: CachingOptions): RequestHandler {
  return async (req, res) => {
    const key = articlePageCacheKey(req.method, req.url, req.headers);
    if (key === null) return handle(req, res);
    const before = revision();
    const hit = cache.get(key, before);
    if (hit) return serveCached(req, res, hit);

    res.setHeader(CACHE_STATUS_HEADER, "miss");
    // Rendered uncompressed, so the stored body can take new nonces; copies are gzipped when served.
    delete req.headers["accept-encoding"];
    const rendered = capture(res);
    await handle(req, res);
    const done = await rendered;
    if (done === null || revision() !== before) return;
    const stored = storableResponse(done);
    if (stored) cache.set(key, before, stored);
  };
}
