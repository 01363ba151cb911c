/**
 * The reader under load (`pnpm bench` in apps/web): the built reader as scripts/main.sh starts it
 * (`dist/server.js`: Next.js behind the article-page cache) over the library benchmark database of
 * 100,000 synthetic articles (built by @dubao/library's bench:db).
 *
 * Article pages are requested for many different articles drawn at random, in three passes:
 * cold (each article's first request: rendered by Next.js), alone (cold, one client), and warm
 * (the same articles again, each 3 times in random order: answered by the cache). Every response
 * says which it was (`x-dubao-cache`), and the table counts them.
 *
 * Bars: article page p95 at most 30 ms with 20 concurrent clients and no error, measured warm
 * (pages read before, as most reads of a newspaper archive are); server memory (resident set of
 * the server's process tree) under 500 MB; search API (`/api/search`) p95 at most 50 ms for 2- and
 * 4-character queries drawn from the articles (also shown for one client alone, without a bar). Each client sends its next request as soon as the
 * last one is answered (closed loop). The server keeps search answers until the library changes:
 * the one-client passes search other words than the loaded ones, so that a loaded pass is answered
 * from that cache only for the words its own draw repeats (the "cached" column). CPU seconds of this client and of the server are printed
 * per pass, since both share the machine's cores.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Library, textChains } from "@dubao/library";
// the same seeded generator the library bench builds its archive with
import { random } from "../../../packages/library/bench/synthetic.js";

const APP = path.resolve(import.meta.dirname, "..");
const REPO = path.resolve(APP, "../..");
const SERVER = path.join(APP, "dist/server.js");
const DB = process.env.DUBAO_BENCH_DB ?? path.join(REPO, "data/bench/library-100k.db");

const CLIENTS = 20;
/** Different articles requested cold (first requests), then warm. */
const COLD_ARTICLES = 2000;
/** Times each of those articles is requested again in the warm pass. */
const WARM_REPEATS = 3;
/** Warm requests sent with `Accept-Encoding: gzip` as browsers do (the cache gzips each copy). */
const GZIP_REQUESTS = 2000;
const SEARCH_REQUESTS = 2000;
const WARMUP_REQUESTS = 400;
const ARTICLE_P95_BAR_MS = 30;
const SEARCH_P95_BAR_MS = 50;
const MEMORY_BAR_MB = 500;
/** How often the server's memory is sampled while under load. */
const MEMORY_SAMPLE_MS = 100;
/** Requests of the one-client pass that shows the latency of a request alone (cold articles). */
const SINGLE_CLIENT_REQUESTS = 300;
/** Searches of each length sent by one client, for the latency of a search alone. */
const SINGLE_CLIENT_SEARCHES = 200;
/** Seed of the words the one-client passes search (apart from the loaded passes' words, seed 11). */
const SINGLE_CLIENT_SEED = 13;
/**
 * The V8 heap limit the reader runs with (as scripts/main.sh starts it). Unbounded, V8 let the
 * heap grow to a 510 MB resident set under this load; 256 MB holds it near 300 MB at no
 * measurable cost in throughput.
 */
const SERVER_HEAP_MB = 256;
/** Clock ticks per second of /proc/<pid>/stat CPU times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

function run(): void {
  if (!existsSync(path.join(APP, ".next/BUILD_ID")) || !existsSync(SERVER)) throw new Error("the reader is not built: run pnpm build first");
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

/** A process and all its descendants (Linux /proc). */
function processTree(root: number): number[] {
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
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory in bytes of a process and all its descendants. */
function treeRss(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** CPU seconds (user and system) used so far by a process and its descendants. */
function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone
    }
  }
  return ticks / CLOCK_TICKS;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

interface Answer {
  status: number;
  ms: number;
  /** The `x-dubao-cache` header: `hit`, `miss`, or `undefined` (not an article page). */
  cache: string | undefined;
}

function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: url, agent, headers }, (res) => {
      const cache = res.headers["x-dubao-cache"];
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, cache: typeof cache === "string" ? cache : undefined }));
      res.on("error", () => resolve({ status: 0, ms: performance.now() - t0, cache: undefined }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - t0, cache: undefined }));
  });
}

interface LoadResult {
  times: number[];
  errors: number;
  seconds: number;
  /** Responses answered from the cache. */
  hits: number;
  /** CPU seconds used meanwhile by this client process and by the server. */
  clientCpu: number;
  serverCpu: number;
}

/** Sends `urls` with `clients` requests in flight; returns latencies, errors, cache hits and CPU time. */
async function load(port: number, serverPid: number, urls: readonly string[], clients = CLIENTS, headers: Record<string, string> = {}): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  let hits = 0;
  let next = 0;
  const cpu0 = process.cpuUsage();
  const server0 = treeCpuSeconds(serverPid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < urls.length) {
        const r = await get(port, urls[next++]!, headers);
        times.push(r.ms);
        if (r.status !== 200) errors++;
        if (r.cache === "hit") hits++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    times: times.sort((a, b) => a - b),
    errors,
    seconds,
    hits,
    clientCpu: (cpu.user + cpu.system) / 1e6,
    serverCpu: treeCpuSeconds(serverPid) - server0,
  };
}

/** The elements of `items` in a random order (Fisher–Yates with the bench's seeded generator). */
function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Words as readers search them: `length` letters at a random place of the text of an article
 * (so common words come up as often as they are common), or `null` when it has no run that long.
 */
function drawQuery(text: string, length: number, rnd: () => number): string | null {
  const chains = textChains(text).filter((c) => c.length >= length);
  if (chains.length === 0) return null;
  const chain = chains[Math.floor(rnd() * chains.length)]!;
  const at = Math.floor(rnd() * (chain.length - length + 1));
  return chain.slice(at, at + length).join("");
}

const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;


async function main(): Promise<number> {
  run();
  const rnd = random(11);
  const library = Library.open(DB);
  const count = library.stats().articles;
  const keys = library.db.prepare("SELECT key, body_text FROM articles WHERE id = ?");
  // Different articles, each requested cold exactly once: the warm-up, the one-client pass, the cold pass.
  const articleUrls = new Set<string>();
  const queries: string[] = [];
  const distinct = WARMUP_REQUESTS + SINGLE_CLIENT_REQUESTS + COLD_ARTICLES;
  if (count < distinct) throw new Error(`the bench database has ${count} articles, fewer than the ${distinct} the bench reads`);
  while (articleUrls.size < distinct) {
    const row = keys.get(1 + Math.floor(rnd() * count)) as { key: string; body_text: string };
    articleUrls.add(`/articles/${row.key}`);
    if (queries.length < SEARCH_REQUESTS) {
      const query = drawQuery(row.body_text, queries.length % 2 === 0 ? 2 : 4, rnd);
      if (query !== null) queries.push(query);
    }
  }
  // The one-client passes' words: drawn the same way from other articles (a generator of their own).
  const aloneRnd = random(SINGLE_CLIENT_SEED);
  const aloneQueries: string[] = [];
  while (aloneQueries.length < 2 * SINGLE_CLIENT_SEARCHES) {
    const row = keys.get(1 + Math.floor(aloneRnd() * count)) as { key: string; body_text: string };
    const query = drawQuery(row.body_text, aloneQueries.length % 2 === 0 ? 2 : 4, aloneRnd);
    if (query !== null) aloneQueries.push(query);
  }
  library.close();
  const urls = [...articleUrls];
  const warmup = urls.slice(0, WARMUP_REQUESTS);
  const single = urls.slice(WARMUP_REQUESTS, WARMUP_REQUESTS + SINGLE_CLIENT_REQUESTS);
  const cold = urls.slice(WARMUP_REQUESTS + SINGLE_CLIENT_REQUESTS);
  const warm = shuffled(
    Array.from({ length: WARM_REPEATS }, () => cold).flat(),
    rnd,
  );
  const warmGzip = shuffled(cold, rnd).slice(0, GZIP_REQUESTS);

  const port = await freePort();
  const server = spawn(process.execPath, [`--max-old-space-size=${SERVER_HEAP_MB}`, SERVER, "-p", String(port), "-H", "127.0.0.1"], {
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

    const pid = server.pid!;
    const load0 = os.loadavg()[0]!;
    await load(port, pid, warmup);
    const alone = await load(port, pid, single, 1);
    const coldRun = await load(port, pid, cold);
    const warmRun = await load(port, pid, warm);
    const gzipRun = await load(port, pid, warmGzip, CLIENTS, { "accept-encoding": "gzip" });
    const searchUrl = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;
    const twoUrls = queries.filter((_, i) => i % 2 === 0).map(searchUrl);
    const fourUrls = queries.filter((_, i) => i % 2 === 1).map(searchUrl);
    const twosAlone = await load(port, pid, aloneQueries.filter((_, i) => i % 2 === 0).map(searchUrl), 1);
    const foursAlone = await load(port, pid, aloneQueries.filter((_, i) => i % 2 === 1).map(searchUrl), 1);
    const twos = await load(port, pid, twoUrls);
    const fours = await load(port, pid, fourUrls);
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(pid));

    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `\nreader under load: ${count} articles, ${CLIENTS} concurrent clients unless said (ms); server heap limit ${SERVER_HEAP_MB} MB; ` +
        `${os.cpus().length} CPUs, load average ${load0.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`,
    );
    console.log("what                             requests  cached     p50     p95     p99     max   req/s  errors  CPU s: client server   bar");
    const rows: Array<[string, LoadResult, number | null]> = [
      ["article page, cold, 1 client", alone, null],
      ["article page, cold", coldRun, null],
      ["article page, warm", warmRun, ARTICLE_P95_BAR_MS],
      ["article page, warm, gzip", gzipRun, null],
      ["search API, 2 chars, 1 client", twosAlone, null],
      ["search API, 4 chars, 1 client", foursAlone, null],
      ["search API, 2 characters", twos, SEARCH_P95_BAR_MS],
      ["search API, 4 characters", fours, SEARCH_P95_BAR_MS],
    ];
    let failed = false;
    for (const [name, r, bar] of rows) {
      const ok = bar === null || (pct(r.times, 95) <= bar && r.errors === 0);
      if (!ok) failed = true;
      const verdict = bar === null ? "(no bar)" : `${ok ? "ok" : "FAIL"} (p95 ≤ ${bar}, 0 errors)`;
      console.log(
        `${name.padEnd(32)} ${String(r.times.length).padStart(8)} ${String(r.hits).padStart(7)} ${f(pct(r.times, 50))} ${f(pct(r.times, 95))} ${f(pct(r.times, 99))} ${f(r.times[r.times.length - 1]!)} ${(r.times.length / r.seconds).toFixed(0).padStart(7)} ${String(r.errors).padStart(7)} ${r.clientCpu.toFixed(1).padStart(13)} ${r.serverCpu.toFixed(1).padStart(6)}   ${verdict}`,
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
