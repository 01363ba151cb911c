import type { IncomingMessage, ServerResponse } from "node:http";
import { API_CSP, COMMON_HEADERS } from "../lib/security-headers.js";
import { acceptsGzip } from "./cacheable-request.js";
import type { SearchPool } from "./search-pool.js";

const SEARCH_API_PATH = "/api/search";

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
 * `answerSearchApi`, here on a search thread), with the same security headers, gzipped when the
 * client takes it.
 * @param pool the server's search threads
 * @param query the request's query string (see {@link searchApiQuery})
 * @throws Error when the search thread failed (the caller answers 500)
 */
export async function serveSearchApi(pool: SearchPool, query: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const answer = await pool.answer(query, acceptsGzip(req.headers));
  const headers = [...FIXED_HEADERS];
  if (answer.gzipped) headers.push("Content-Encoding", "gzip", "Content-Length", String(answer.body.length));
  else headers.push("Content-Length", String(Buffer.byteLength(answer.body)));
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
