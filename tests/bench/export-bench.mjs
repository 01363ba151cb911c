// `pnpm bench`, export part: one `dubao export` call over a synthetic year of a daily (3,000 pages)
// to jsonl with --parallel 1 and 2, and to csv and epub with --parallel 2; wall time and peak
// memory of each. Numbers depend on the machine and on what else runs on it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { readCorpusPages, syntheticPage } from "./synthesize.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(REPO, "apps/cli/dist/bin.js");
const GNU_TIME = "/usr/bin/time";

/** About one year of a daily at 8 pages an issue. */
const YEAR_PAGES = 3000;
/** The issue's bars for jsonl: wall time with --parallel 2, and peak memory. */
const BAR_SECONDS = 15;
const BAR_PEAK_RSS_MB = 500;

const MB = 1e6;
const fmt = (/** @type {number} */ x, digits = 1) => x.toFixed(digits);

/**
 * Runs one `dubao export YEAR --format F --out OUT --parallel N --quiet`, timed, with its peak
 * RSS (the largest of the process tree's, worker threads included) from GNU time when installed.
 * @param {string} dir @param {string} format @param {string} out @param {number} parallel
 */
async function timeExport(dir, format, out, parallel) {
  const rssFile = `${out}.rss`;
  const useTime = existsSync(GNU_TIME);
  const cliArgs = [CLI, "export", dir, "--format", format, "--out", out, "--parallel", String(parallel), "--quiet"];
  const [cmd, args] = useTime ? [GNU_TIME, ["-f", "%M", "-o", rssFile, process.execPath, ...cliArgs]] : [process.execPath, cliArgs];
  const start = performance.now();
  const result = await new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ error, stdout, stderr }));
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) throw new Error(`dubao export failed: ${result.stderr || result.error.message}`);
  const peakRssMB = useTime ? (Number((await readFile(rssFile, "utf8")).trim().split("\n").pop()) * 1024) / MB : null;
  return { seconds, peakRssMB, bytes: (await stat(out)).size };
}

const work = await mkdtemp(path.join(os.tmpdir(), "dubao-export-bench-"));
try {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
  const corpus = await readCorpusPages([path.join(REPO, "corpus/seed"), path.join(REPO, "corpus/dev")]);
  const yearDir = path.join(work, "year");
  let yearBytes = 0;
  for (let i = 0; i < YEAR_PAGES; i++) {
    const { file, text } = syntheticPage(corpus, i);
    await mkdir(path.dirname(path.join(yearDir, file)), { recursive: true });
    await writeFile(path.join(yearDir, file), text);
    yearBytes += Buffer.byteLength(text, "utf8");
  }

  console.log(`\ndubao export bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)}`);
  console.log(`synthetic year: ${YEAR_PAGES} page dumps, ${fmt(yearBytes / MB)} MB (parsed on the way, then exported)\n`);

  const runs = [];
  for (const [format, parallel] of /** @type {const} */ ([
    ["jsonl", 1],
    ["jsonl", 2],
    ["csv", 2],
    ["epub", 2],
  ])) {
    const out = path.join(work, `out-p${parallel}.${format}`);
    runs.push({ format, parallel, out, ...(await timeExport(yearDir, format, out, parallel)) });
  }
  console.log("one `dubao export YEAR --format F --out FILE --parallel N` call (wall time, including Node start-up)");
  printTable(
    ["format", "--parallel", "seconds", "pages/s", "MB in/s", "output", "peak RSS"],
    runs.map((r) => [r.format, String(r.parallel), fmt(r.seconds, 2), fmt(YEAR_PAGES / r.seconds, 0), fmt(yearBytes / MB / r.seconds), `${fmt(r.bytes / MB)} MB`, r.peakRssMB === null ? "n/a (no GNU time)" : `${fmt(r.peakRssMB, 0)} MB`]),
  );

  const [one, two] = runs;
  if (one && two) {
    const same = (await readFile(one.out)).equals(await readFile(two.out));
    const peak = Math.max(...runs.map((r) => r.peakRssMB ?? 0));
    console.log("\nbars of issue 3 (jsonl)");
    console.log(`  ≤ ${BAR_SECONDS} s with --parallel 2: ${fmt(two.seconds, 2)} s — ${two.seconds <= BAR_SECONDS ? "met" : "NOT met"}`);
    console.log(`  --parallel 2 faster than --parallel 1: ${fmt(two.seconds, 2)} s vs ${fmt(one.seconds, 2)} s (${fmt(one.seconds / two.seconds, 2)}×) — ${two.seconds < one.seconds ? "met" : "NOT met"}`);
    console.log(`  peak memory < ${BAR_PEAK_RSS_MB} MB (every run above): ${one.peakRssMB === null ? "not measured (install GNU time)" : `${fmt(peak, 0)} MB — ${peak < BAR_PEAK_RSS_MB ? "met" : "NOT met"}`}`);
    console.log(`  same bytes with --parallel 1 and 2: ${same ? "yes" : "NO"}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** @param {string[]} head @param {string[][]} rows */
function printTable(head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (/** @type {string[]} */ r) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(head));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
