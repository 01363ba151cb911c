/**
 * Search latency of the library on 100,000 synthetic articles (`pnpm bench`).
 * Bars: p95 at most 50 ms for 2- and 4-character queries.
 *
 * Queries are drawn the way readers search: a random article, a random place in its text, the
 * 1, 2 or 4 letters there (so common words come up as often as they are common). Each query is
 * timed once through `Library.search` (count, ranked page of 20, snippets), after a warm-up.
 */
import { statSync } from "node:fs";
import { Library, textChains } from "../src/index.js";
import { ensureBenchDb } from "./bench-db.js";
import { random } from "./synthetic.js";

/** The bar: 95th percentile search latency in milliseconds. */
const P95_BAR_MS = 50;
const QUERIES_PER_LENGTH = 300;
const WARMUP_QUERIES = 30;

const bench = ensureBenchDb(process.env.DUBAO_BENCH_DB);
const library = Library.open(bench.file);
const rnd = random(7);

function sampleQueries(length: number, count: number): string[] {
  const out: string[] = [];
  const body = library.db.prepare("SELECT body_text FROM articles WHERE id = ?");
  while (out.length < count) {
    const row = body.get(1 + Math.floor(rnd() * bench.articles)) as { body_text: string } | undefined;
    if (!row) continue;
    const chains = textChains(row.body_text).filter((c) => c.length >= length);
    if (chains.length === 0) continue;
    const chain = chains[Math.floor(rnd() * chains.length)]!;
    const at = Math.floor(rnd() * (chain.length - length + 1));
    out.push(chain.slice(at, at + length).join(""));
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

for (const q of sampleQueries(2, WARMUP_QUERIES)) library.search({ query: q });

let failed = false;
console.log(`\nsearch latency, ${bench.articles} articles, ${QUERIES_PER_LENGTH} queries per length (ms)`);
console.log("length    p50    p95    p99    max   mean matches   bar");
for (const length of [1, 2, 4]) {
  const times: number[] = [];
  let matches = 0;
  for (const q of sampleQueries(length, QUERIES_PER_LENGTH)) {
    const t0 = performance.now();
    const r = library.search({ query: q, limit: 20 });
    times.push(performance.now() - t0);
    matches += r.total;
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const barred = length !== 1;
  const verdict = barred ? (p95 <= P95_BAR_MS ? `ok (≤ ${P95_BAR_MS})` : `FAIL (> ${P95_BAR_MS})`) : "(no bar)";
  if (barred && p95 > P95_BAR_MS) failed = true;
  const f = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${String(length).padStart(6)} ${f(percentile(times, 50))} ${f(p95)} ${f(percentile(times, 99))} ${f(times[times.length - 1]!)} ${String(Math.round(matches / times.length)).padStart(12)}   ${verdict}`,
  );
}
const mib = (n: number) => (n / 2 ** 20).toFixed(0);
console.log(`database ${mib(statSync(bench.file).size)} MiB; bench process RSS ${mib(process.memoryUsage().rss)} MiB`);
library.close();
process.exitCode = failed ? 1 : 0;
