/**
 * The reader's production server: Next.js (the built app in .next) behind a plain Node HTTP
 * server that answers repeated article-page requests from memory (see src/server/caching-handler.ts)
 * and the search API itself (src/server/search-endpoint.ts) on a pool of search threads
 * (src/server/search-pool.ts), each with its own read-only connection to the library, and keeps
 * the answers of searches until the library changes.
 *
 *   node dist/server.js [--port 3000] [--hostname 0.0.0.0]     (PORT is read too)
 *
 * Built by `pnpm build` (tsc -p tsconfig.server.json after next build).
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDbPath } from "@dubao/library";
import { parseEnv } from "./src/lib/env-schema.js";
import { cachingHandler } from "./src/server/caching-handler.js";
import { LibraryRevision } from "./src/server/library-revision.js";
import { ResponseCache } from "./src/server/response-cache.js";
import { searchApiQuery, serveSearchApi, type CachedSearchAnswer, type SearchApiOptions } from "./src/server/search-endpoint.js";
import { SearchPool } from "./src/server/search-pool.js";

/**
 * Memory for cached article pages. An article page is about 17 KB, so 64 MiB holds some 3,900
 * of them; the server stays near 350 MB resident under load, below the reader's 500 MB bar.
 */
const CACHE_BUDGET_BYTES = 64 * 2 ** 20;
/** The largest page kept: one huge article must not push out hundreds of ordinary ones. */
const CACHE_MAX_ENTRY_BYTES = 1 * 2 ** 20;
/**
 * Memory for search answers given before. A page of 20 results is some 10 KB of JSON (20 KB as a
 * JavaScript string), so 8 MiB holds several hundred searches.
 */
const SEARCH_CACHE_BUDGET_BYTES = 8 * 2 ** 20;
/** The largest search answer kept: 100 results are some 50 KB of JSON. */
const SEARCH_CACHE_MAX_ENTRY_BYTES = 256 * 2 ** 10;
const DEFAULT_PORT = 3000;

/** Next.js's `next()` (a CommonJS module whose `module.exports` is the function). */
const next = createRequire(import.meta.url)("next") as typeof import("next").default;

function fail(message: string): never {
  console.error(`dubao reader: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let options;
  try {
    ({ values: options } = parseArgs({
      options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  const portText = options.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port: ${portText}`);
  const hostname = options.hostname;

  const env = parseEnv();
  const dbPath = resolveDbPath({ DUBAO_DB: env.DUBAO_DB });
  // Creates and migrates the database before the search threads open it read-only.
  const revision = LibraryRevision.open(dbPath);
  let searches: SearchPool;
  try {
    searches = await SearchPool.start(dbPath);
  } catch (e) {
    fail(`cannot start the search threads: ${(e as Error).message}`);
  }
  const cache = new ResponseCache(CACHE_BUDGET_BYTES, CACHE_MAX_ENTRY_BYTES);
  const searchApi: SearchApiOptions = {
    pool: searches,
    cache: new ResponseCache<CachedSearchAnswer>(SEARCH_CACHE_BUDGET_BYTES, SEARCH_CACHE_MAX_ENTRY_BYTES),
    revision: () => revision.current(),
  };

  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = cachingHandler(app.getRequestHandler(), { cache, revision: () => revision.current() });

  const server = createServer((req, res) => {
    const failed = (e: unknown) => {
      console.error(e);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    };
    const searchQuery = searchApiQuery(req.method, req.url);
    if (searchQuery === null) {
      handle(req, res).catch(failed);
      return;
    }
    serveSearchApi(searchApi, searchQuery, req, res).catch(failed);
  });
  server.listen(port, hostname, () => {
    console.log(`dubao reader on http://${hostname ?? "localhost"}:${port}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    revision.close();
    void searches.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

await main();
