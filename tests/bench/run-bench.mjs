// `pnpm bench`: throughput of `dubao parse` over a synthetic year of a daily, and how parse time
// grows with page size. Prints a table; numbers depend on the machine and on what else runs on it.
import { existsSync } from "node:fs";
import { link, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseText } from "@dubao/core";
import { CLI, fmt, MB, printTable, REPO, timeCli } from "./measure.mjs";
import { readCorpusPages, syntheticPage } from "./synthesize.mjs";


/** About one year of a daily at 8 pages an issue. */
const YEAR_PAGES = 3000;
/** The issue's bar is measured on one call over this many pages. */
const BAR_PAGES = 1000;
/** The issue's bars. */
const BAR_MB_PER_S = 20;
const BAR_PEAK_RSS_MB = 300;
/**
 * Page sizes (concatenations of consecutive corpus pages) for the growth check. The largest is a
 * whole week of a daily in one file: work that grows with the square of the stories on a page
 * only shows at that length (matching 2,000 headings against 2,000 stories).
 */
const SIZES = [1, 4, 16, 256];
/** Inputs of at least this many pages are parsed once per round, from the first corpus page on: each takes seconds. */
const ONE_INPUT_FROM = 64;
/** Each size is parsed repeatedly until this much time has passed, for a stable mean. */
const MIN_SAMPLE_MS = 2000;
/** Time per MB at the largest size more than this many times that at 1× means growth is worse than linear. */
const LINEAR_TOLERANCE = 1.5;


/**
 * Runs one `dubao parse DIR --out OUT`, timed, with its peak RSS.
 * @param {string} dir @param {string} out
 */
function timeParse(dir, out) {
  return timeCli(["parse", dir, "--out", out, "--quiet"], `${out}.rss`);
}

/** @param {string} dir @returns {Promise<number>} */
async function countFiles(dir) {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".json")).length;
}

const work = await mkdtemp(path.join(os.tmpdir(), "dubao-bench-"));
try {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
  const corpus = await readCorpusPages([path.join(REPO, "corpus/seed"), path.join(REPO, "corpus/dev")]);

  // 1. the synthetic year, and its first 1,000 pages as their own directory (hard links)
  const yearDir = path.join(work, "year");
  const barDir = path.join(work, "first-1000");
  let yearBytes = 0;
  let barBytes = 0;
  for (let i = 0; i < YEAR_PAGES; i++) {
    const { file, text } = syntheticPage(corpus, i);
    const bytes = Buffer.byteLength(text, "utf8");
    const target = path.join(yearDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    yearBytes += bytes;
    if (i < BAR_PAGES) {
      await mkdir(path.dirname(path.join(barDir, file)), { recursive: true });
      await link(target, path.join(barDir, file));
      barBytes += bytes;
    }
  }

  console.log(`dubao bench — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"})`);
  console.log(`synthetic year: ${YEAR_PAGES} pages, ${fmt(yearBytes / MB)} MB of UTF-8, from ${corpus.length} corpus pages`);
  console.log(`(running head with date and page number added, digits shifted by day; MB = 10^6 bytes)\n`);

  // 2. one CLI call over 1,000 pages, then one over the whole year
  const calls = [];
  for (const [label, dir, pages, bytes] of /** @type {const} */ ([
    [`${BAR_PAGES} pages`, barDir, BAR_PAGES, barBytes],
    [`${YEAR_PAGES} pages`, yearDir, YEAR_PAGES, yearBytes],
  ])) {
    const out = path.join(work, `out-${pages}`);
    const { seconds, peakRssMB } = await timeParse(dir, out);
    const written = await countFiles(out);
    if (written !== pages) throw new Error(`dubao parse wrote ${written} files for ${pages} pages`);
    calls.push({ label, pages, mb: bytes / MB, seconds, peakRssMB });
  }
  console.log("one `dubao parse DIR --out OUT` call (wall time, including Node start-up)");
  printTable(
    ["input", "MB", "seconds", "MB/s", "pages/s", "peak RSS"],
    calls.map((c) => [c.label, fmt(c.mb), fmt(c.seconds, 2), fmt(c.mb / c.seconds), fmt(c.pages / c.seconds, 0), c.peakRssMB === null ? "n/a (no GNU time)" : `${fmt(c.peakRssMB, 0)} MB`]),
  );

  // 3. in-process: time per MB at each page size of SIZES
  const rows = [];
  let base = 0;
  for (const size of SIZES) {
    const starts = size >= ONE_INPUT_FROM ? [0] : corpus.map((_, k) => k);
    const inputs = starts.map((k) => Array.from({ length: size }, (_, j) => corpus[(k + j) % corpus.length]?.text ?? "").join("\n\n"));
    const mbPerRound = inputs.reduce((s, t) => s + Buffer.byteLength(t, "utf8"), 0) / MB;
    // warm-up (the first size until the parser is compiled, so 1× is not measured cold); a
    // large input is parsed warm already, and once takes seconds
    if (size < ONE_INPUT_FROM) {
      const warmUntil = performance.now() + (size === SIZES[0] ? MIN_SAMPLE_MS : 0);
      do for (const t of inputs) parseText(t);
      while (performance.now() < warmUntil);
    }
    let rounds = 0;
    const start = performance.now();
    while (performance.now() - start < MIN_SAMPLE_MS || rounds < (size >= ONE_INPUT_FROM ? 1 : 3)) {
      for (const t of inputs) parseText(t, { sourceName: "bench.txt" });
      rounds++;
    }
    const msPerMB = (performance.now() - start) / (rounds * mbPerRound);
    if (size === 1) base = msPerMB;
    rows.push([`${size}×`, fmt((mbPerRound / inputs.length) * 1000, 0), String(rounds * inputs.length), fmt(msPerMB, 1), fmt(1000 / msPerMB), `${fmt(msPerMB / base, 2)}×`]);
  }
  console.log("\nin-process parseText, by page size (each input = consecutive corpus pages joined)");
  printTable(["size", "KB/page", "parses", "ms/MB", "MB/s", "ms/MB vs 1×"], rows);
  const growth = Number(rows.at(-1)?.[5]?.replace("×", ""));

  const bar = calls[0];
  console.log("\nbars of issue 2");
  if (bar) {
    const mbps = bar.mb / bar.seconds;
    console.log(`  ≥ ${BAR_MB_PER_S} MB/s in one call over ${BAR_PAGES} pages: ${fmt(mbps)} MB/s — ${mbps >= BAR_MB_PER_S ? "met" : "NOT met"}`);
    console.log(`  peak memory < ${BAR_PEAK_RSS_MB} MB: ${bar.peakRssMB === null ? "not measured (install GNU time)" : `${fmt(bar.peakRssMB, 0)} MB — ${bar.peakRssMB < BAR_PEAK_RSS_MB ? "met" : "NOT met"}`}`);
  }
  console.log(`  time grows linearly with page size: ${SIZES.at(-1)}× costs ${fmt(growth, 2)}× per MB of 1× — ${growth <= LINEAR_TOLERANCE ? "linear" : "WORSE than linear"}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
