import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Library } from "@dubao/library";
import { answerSearchApi } from "../lib/search-api.js";
import { API_CSP, COMMON_HEADERS } from "../lib/security-headers.js";
import { acceptsGzip } from "./cacheable-request.js";

const SEARCH_API_PATH = "/api/search";

/** Answers shorter than this go out uncompressed (as Next.js's compression does: 1 KiB). */
const GZIP_MIN_BYTES = 1024;

/** The headers every answer carries, as a flat list of names and values for `writeHead`. */
const FIXED_HEADERS: readonly string[] = [
  ...COMMON_HEADERS.flatMap(({ key, value }) => [key, value]),
  "Content-Security-Policy",
  API_CSP,
  "Content-Type",
  "application/json",
  "Vary",
  "Accept-Encoding",
];

/**
 * The query string of a `GET /api/search` request (`""` when it has none), or `null` for any
 * other request, which goes to Next.js.
 * @param method the request method
 * @param url the request target (path and query)
 */
export function searchApiQuery(method: string | undefined, url: string | undefined): string | null {
  if (method !== "GET" || url === undefined || !url.startsWith(SEARCH_API_PATH)) return null;
  if (url.length === SEARCH_API_PATH.length) return "";
  return url[SEARCH_API_PATH.length] === "?" ? url.slice(SEARCH_API_PATH.length + 1) : null;
}

/**
 * Answers `GET /api/search` in the reader's server, without the round trip through Next.js
 * (which costs more than the search itself): the same JSON as the Next.js route (both call
 * `answerSearchApi`), with the same security headers, gzipped when the client takes it.
 * @param library the reader's library
 * @param query the request's query string (see {@link searchApiQuery})
 */
export function serveSearchApi(library: Library, query: string, req: IncomingMessage, res: ServerResponse): void {
  const { status, body } = answerSearchApi(library, new URLSearchParams(query));
  let bytes = Buffer.from(JSON.stringify(body));
  const headers = [...FIXED_HEADERS];
  if (bytes.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers)) {
    bytes = gzipSync(bytes);
    headers.push("Content-Encoding", "gzip");
  }
  headers.push("Content-Length", String(bytes.length));
  res.writeHead(status, headers);
  res.end(bytes);
}
