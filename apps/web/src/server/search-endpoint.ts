import type { IncomingMessage, ServerResponse } from "node:http";
import { parseSearchApi } from "../lib/search-api.js";
import { API_CSP, COMMON_HEADERS } from "../lib/security-headers.js";
import { acceptsGzip } from "./cacheable-request.js";
import { CACHE_STATUS_HEADER } from "./caching-handler.js";
import type { ResponseCache } from "./response-cache.js";
import type { SearchAnswer, SearchPool } from "./search-pool.js";

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

/** A search answer as kept by the server's cache of answers. */
export interface CachedSearchAnswer {
  answer: SearchAnswer;
  /** Memory the answer holds (a string counted at two bytes a character), for the cache's budget. */
  bytes: number;
}

/** What answering `GET /api/search` needs from the server. */
export interface SearchApiOptions {
  /** The search threads. */
  pool: SearchPool;
  /**
   * Answers given at the library's current revision, by request key (the same words, filters and
   * page: see `apiSearchKey`) and encoding. A reader paging back and forth, or many readers
   * searching the words of the day, are answered without a search; any import empties it.
   */
  cache: ResponseCache<CachedSearchAnswer>;
  /** The library's revision now; see `LibraryRevision`. */
  revision: () => number;
}

/**
 * Answers `GET /api/search` in the reader's server, without the round trip through Next.js
 * (which costs more than the search itself): the same JSON as the Next.js route (both use
 * search-api.ts: the parameters are checked here, the search runs on a search thread), with the
 * same security headers, gzipped when the client takes it. An answer given before at the same
 * library revision comes from the cache (`x-dubao-cache: hit`, else `miss`).
 * @param options the server's search threads, cache of answers and library revision
 * @param query the request's query string (see {@link searchApiQuery})
 * @throws Error when the search thread failed (the caller answers 500)
 */
export async function serveSearchApi(options: SearchApiOptions, query: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const params = parseSearchApi(new URLSearchParams(query));
  if (!params.ok) {
    send(res, params.status, { gzipped: false, body: JSON.stringify(params.body) }, null);
    return;
  }
  const gzip = acceptsGzip(req.headers);
  const key = `${gzip ? "gzip" : "identity"} ${params.key}`;
  // Read before the search starts: the search sees at least what this revision holds, and an
  // answer stored under it is never served once the library has changed.
  const revision = options.revision();
  const cached = options.cache.get(key, revision);
  if (cached) {
    send(res, 200, cached.answer, "hit");
    return;
  }
  const answer = await options.pool.answer(params.request, gzip);
  options.cache.set(key, revision, { answer, bytes: answer.gzipped ? answer.body.byteLength : answer.body.length * 2 });
  send(res, 200, answer, "miss");
}

/** Sends an answer with the API's headers; `cache` says whether it came from the cache of answers. */
function send(res: ServerResponse, status: number, answer: SearchAnswer, cache: "hit" | "miss" | null): void {
  const headers = [...FIXED_HEADERS];
  if (cache !== null) headers.push(CACHE_STATUS_HEADER, cache);
  if (answer.gzipped) headers.push("Content-Encoding", "gzip", "Content-Length", String(answer.body.length));
  else headers.push("Content-Length", String(Buffer.byteLength(answer.body)));
  res.writeHead(status, headers);
  res.end(answer.body);
}
