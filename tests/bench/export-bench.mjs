// `pnpm bench`, export part: one `dubao export` call over a synthetic year of a daily (3,000 pages)
// to jsonl with --parallel 1 and 2, and to csv and epub with --parallel 2; wall time and peak
// memory of each. Numbers depend on the machine and on what else runs on it.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CLI, fmt, MB, printTable, REPO, timeCli } from "./measure.mjs";
import { readCorpusPages, syntheticPage } from "./synthesize.mjs";


/** About one year of a daily at 8 pages an issue. */
const YEAR_PAGES = 3000;
/** The issue's bars for jsonl: wall time with --parallel 2, and peak memory. */
const BAR_SECONDS = 15;
const BAR_PEAK_RSS_MB = 500;


/**
 * Runs one `dubao export YEAR --format F --out OUT --parallel N --quiet`, timed, with its peak RSS.
 * @param {string} dir @param {string} format @param {string} out @param {number} parallel
 */
async function timeExport(dir, format, out, parallel) {
  const run = await timeCli(["export", dir, "--format", format, "--out", out, "--parallel", String(parallel), "--quiet"], `${out}.rss`);
  return { ...run, bytes: (await stat(out)).size };
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
