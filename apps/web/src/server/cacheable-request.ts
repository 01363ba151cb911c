import type { IncomingHttpHeaders } from "node:http";
// Next.js's own test of the User-Agent (the reader's next.config sets no `htmlLimitedBots`).
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot.js";
import { isArticleId } from "../lib/route-params.js";

const ARTICLE_PREFIX = "/articles/";

/** The only query strings an article page is kept for: none, or a choice of script. */
const CACHED_QUERIES = new Set(["", "script=hans", "script=hant"]);

/**
 * Request headers of the App Router's client navigation and prefetching. Such a request wants the
 * React Server Components payload, not the HTML document, and is never served from the cache.
 */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"] as const;

/**
 * The cache key of a request for the full HTML document of an article page, or `null` for any
 * other request (other pages, other methods, RSC and prefetch requests, unknown query strings).
 * An article page depends on nothing but its URL, the library and one thing of the User-Agent:
 * Next.js renders a different document (metadata in the head, not streamed) for crawlers that
 * read HTML only, so the key holds the kind of client as Next.js tells it (no cookies, no host).
 * @param method the request method
 * @param url the request target (path and query)
 * @param headers the request headers
 */
export function articlePageCacheKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if (method !== "GET" || url === undefined) return null;
  if (ROUTER_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q + 1);
  if (!path.startsWith(ARTICLE_PREFIX) || !isArticleId(path.slice(ARTICLE_PREFIX.length)) || !CACHED_QUERIES.has(query)) return null;
  const ua = headers["user-agent"];
  return `${(typeof ua === "string" && getBotType(ua)) || "browser"} ${url}`;
}

/** Whether the client takes a gzip body (`Accept-Encoding: gzip`, not with `q=0`). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const accept = headers["accept-encoding"];
  if (typeof accept !== "string") return false;
  return accept.split(",").some((item) => {
    const [coding, ...params] = item.split(";").map((s) => s.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
