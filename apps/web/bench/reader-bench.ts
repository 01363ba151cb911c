/**
 * The reader under load (`pnpm bench` in apps/web): the built app (`next start`) over the
 * library benchmark database of 100,000 synthetic articles (built by @dubao/library's bench:db).
 *
 * Bars: article page p95 at most 30 ms with 20 concurrent clients and no error, server memory
 * (resident set of the server's process tree) under 500 MB. Also reported: the search API
 * (`/api/search`) under the same load, for 2- and 4-character queries drawn from the articles.
 * Each client sends its next request as soon as the last one is answered (closed loop).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { Library, textChains } from "@dubao/library";
// the same seeded generator the library bench builds its archive with
import { random } from "../../../packages/library/bench/synthetic.js";

const APP = path.resolve(import.meta.dirname, "..");
const REPO = path.resolve(APP, "../..");
const DB = process.env.DUBAO_BENCH_DB ?? path.join(REPO, "data/bench/library-100k.db");

const CLIENTS = 20;
const ARTICLE_REQUESTS = 6000;
const SEARCH_REQUESTS = 2000;
const WARMUP_REQUESTS = 400;
const ARTICLE_P95_BAR_MS = 30;
const SEARCH_P95_BAR_MS = 50;
const MEMORY_BAR_MB = 500;
/** How often the server's memory is sampled while under load. */
const MEMORY_SAMPLE_MS = 100;
/** Requests of the one-client pass that shows the latency of a request alone. */
const SINGLE_CLIENT_REQUESTS = 300;
/**
 * The V8 heap limit the reader runs with (as scripts/main.sh starts it). Unbounded, V8 let the
 * heap grow to a 510 MB resident set under this load; 256 MB holds it near 300 MB at no
 * measurable cost in throughput.
 */
const SERVER_HEAP_MB = 256;

function run(): void {
  if (!existsSync(path.join(APP, ".next/BUILD_ID"))) throw new Error("the reader is not built: run pnpm build first");
  // Build (or reuse) the 100,000-article database with the library's own generator.
  execFileSync("pnpm", ["--filter", "@dubao/library", "run", "bench:db", DB], { stdio: "inherit", cwd: REPO });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/** Resident memory in bytes of a process and all its descendants (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function get(port: number, url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: url, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      res.on("error", () => resolve({ status: 0, ms: performance.now() - t0 }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - t0 }));
  });
}

/** Sends `urls` with `clients` requests in flight; returns latencies and the number of errors. */
async function load(port: number, urls: readonly string[], clients = CLIENTS): Promise<{ times: number[]; errors: number; seconds: number }> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < urls.length) {
        const r = await get(port, urls[next++]!);
        times.push(r.ms);
        if (r.status !== 200) errors++;
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), errors, seconds: (performance.now() - t0) / 1000 };
}

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;


async function main(): Promise<number> {
  run();
  const rnd = random(11);
  const library = Library.open(DB);
  const count = library.stats().articles;
  const keys = library.db.prepare("SELECT key, body_text FROM articles WHERE id = ?");
  const articleUrls: string[] = [];
  const queries: string[] = [];
  for (let i = 0; i < ARTICLE_REQUESTS + WARMUP_REQUESTS; i++) {
    const row = keys.get(1 + Math.floor(rnd() * count)) as { key: string; body_text: string };
    articleUrls.push(`/articles/${row.key}`);
    if (queries.length < SEARCH_REQUESTS) {
      const length = queries.length % 2 === 0 ? 2 : 4;
      const chains = textChains(row.body_text).filter((c) => c.length >= length);
      if (chains.length > 0) {
        const chain = chains[Math.floor(rnd() * chains.length)]!;
        const at = Math.floor(rnd() * (chain.length - length + 1));
        queries.push(chain.slice(at, at + length).join(""));
      }
    }
  }
  library.close();

  const port = await freePort();
  const server = spawn(process.execPath, [`--max-old-space-size=${SERVER_HEAP_MB}`, path.join(APP, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP,
    env: { ...process.env, DUBAO_DB: DB, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      if ((await get(port, "/api/search?q=")).status === 200) break;
      if (i > 240) throw new Error("the reader did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.pid!))), MEMORY_SAMPLE_MS);

    await load(port, articleUrls.slice(0, WARMUP_REQUESTS));
    const alone = await load(port, articleUrls.slice(WARMUP_REQUESTS, WARMUP_REQUESTS + SINGLE_CLIENT_REQUESTS), 1);
    const articles = await load(port, articleUrls.slice(WARMUP_REQUESTS));
    const searchUrls = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const twos = await load(port, searchUrls.filter((_, i) => i % 2 === 0));
    const fours = await load(port, searchUrls.filter((_, i) => i % 2 === 1));
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(server.pid!));

    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(`\nreader under load: ${count} articles, ${CLIENTS} concurrent clients (ms); server heap limit ${SERVER_HEAP_MB} MB`);
    console.log("what                      requests     p50     p95     p99     max   req/s  errors   bar");
    const rows: Array<[string, Awaited<ReturnType<typeof load>>, number]> = [
      ["article page", articles, ARTICLE_P95_BAR_MS],
      ["search API, 2 characters", twos, SEARCH_P95_BAR_MS],
      ["search API, 4 characters", fours, SEARCH_P95_BAR_MS],
    ];
    let failed = false;
    console.log(
      `${"article page, 1 client".padEnd(25)} ${String(alone.times.length).padStart(8)} ${f(pct(alone.times, 50))} ${f(pct(alone.times, 95))} ${f(pct(alone.times, 99))} ${f(alone.times[alone.times.length - 1]!)} ${(alone.times.length / alone.seconds).toFixed(0).padStart(7)} ${String(alone.errors).padStart(7)}   (no bar)`,
    );
    for (const [name, r, bar] of rows) {
      const ok = pct(r.times, 95) <= bar && r.errors === 0;
      if (!ok) failed = true;
      console.log(
        `${name.padEnd(25)} ${String(r.times.length).padStart(8)} ${f(pct(r.times, 50))} ${f(pct(r.times, 95))} ${f(pct(r.times, 99))} ${f(r.times[r.times.length - 1]!)} ${(r.times.length / r.seconds).toFixed(0).padStart(7)} ${String(r.errors).padStart(7)}   ${ok ? "ok" : "FAIL"} (p95 ≤ ${bar}, 0 errors)`,
      );
    }
    const mb = peak / 2 ** 20;
    if (mb >= MEMORY_BAR_MB) failed = true;
    console.log(`server memory (peak RSS of the process tree): ${mb.toFixed(0)} MB   ${mb < MEMORY_BAR_MB ? "ok" : "FAIL"} (< ${MEMORY_BAR_MB} MB)`);
    return failed ? 1 : 0;
  } finally {
    server.kill("SIGTERM");
    agent.destroy();
  }
}

process.exitCode = await main();
