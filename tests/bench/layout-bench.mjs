// `pnpm bench`, layout part: how the time to read an ALTO page grows with the page's size. The
// layout reader places headings, columns and stories by their positions; checks that compare
// every column with every other would show here as a time per MB that grows with the size.
// Pages: the synthetic ALTO pages of corpus/synth-alto, each stacked k times down one tall page.
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseInput } from "@dubao/core";
import { fmt, MB, printTable, REPO } from "./measure.mjs";

/** Copies of a page stacked into one page; the largest is an 8-page issue's text eight times over. */
const SIZES = [1, 4, 16, 64];
/** Each size is parsed repeatedly until this much time has passed, for a stable mean. */
const MIN_SAMPLE_MS = 1000;
/** Time per MB at the largest size more than this many times that at 1× means growth is worse than linear. */
const LINEAR_TOLERANCE = 1.5;
/** Pages of the set used (the first ones by name): enough layouts to average over, few enough to stack 64 times. */
const PAGES = 6;

/**
 * The ALTO page `xml` with its text blocks repeated `copies` times, each copy moved down by the
 * page's height and its IDs made unique. The ALTO files are the ones tools/synth/pdf-to-alto.mts
 * writes (one Page, one PrintSpace, attributes in double quotes), so a textual edit is exact here.
 * @param {string} xml @param {number} copies
 */
function stackPage(xml, copies) {
  const heightMatch = /<Page [^>]*HEIGHT="(\d+)"/.exec(xml);
  const first = xml.indexOf("<TextBlock");
  const end = xml.lastIndexOf("</PrintSpace>");
  if (!heightMatch || first < 0 || end < 0) throw new Error("not an ALTO page of corpus/synth-alto's shape");
  const height = Number(heightMatch[1]);
  const blocks = xml.slice(first, end);
  let stacked = "";
  for (let k = 0; k < copies; k++) {
    stacked += blocks.replace(/VPOS="(\d+)"/g, (_, v) => `VPOS="${Number(v) + k * height}"`).replace(/ ID="([^"]+)"/g, (_, id) => ` ID="${id}_${k}"`);
  }
  const head = xml.slice(0, first).replace(/(<(?:Page|PrintSpace) [^>]*HEIGHT=")(\d+)"/g, (_, open) => `${open}${height * copies}"`);
  return head + stacked + xml.slice(end);
}

const dir = path.join(REPO, "corpus/synth-alto");
const files = (await readdir(dir)).filter((f) => f.endsWith(".alto.xml")).sort().slice(0, PAGES);
if (files.length === 0) throw new Error(`no ALTO pages in ${dir}`);
const pages = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
const encoder = new TextEncoder();

console.log(`\ndubao layout bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`);
const rows = [];
let base = 0;
for (const size of SIZES) {
  const inputs = pages.map((xml) => encoder.encode(stackPage(xml, size)));
  const mbPerRound = inputs.reduce((s, b) => s + b.length, 0) / MB;
  let articles = 0;
  // warm-up: one round, and at 1× until the reader is compiled, so 1× is not measured cold
  const warmUntil = performance.now() + (size === SIZES[0] ? MIN_SAMPLE_MS : 0);
  do for (const b of inputs) await parseInput(b, { inputFormat: "alto", sourceName: "bench.alto.xml" });
  while (performance.now() < warmUntil);
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_SAMPLE_MS || rounds < 1) {
    articles = 0;
    for (const b of inputs) for (const page of await parseInput(b, { inputFormat: "alto", sourceName: "bench.alto.xml" })) articles += page.articles.length;
    rounds++;
  }
  const msPerMB = (performance.now() - start) / (rounds * mbPerRound);
  if (size === 1) base = msPerMB;
  rows.push([`${size}×`, fmt((mbPerRound / inputs.length) * 1000, 0), fmt(articles / inputs.length, 1), String(rounds * inputs.length), fmt(msPerMB, 0), fmt(1000 / msPerMB, 2), `${fmt(msPerMB / base, 2)}×`]);
}
console.log(`in-process parseInput of ALTO pages, by page size (${files.length} pages of corpus/synth-alto, each stacked k times down one page)`);
printTable(["size", "KB/page", "articles/page", "parses", "ms/MB", "MB/s", "ms/MB vs 1×"], rows);
const growth = Number(rows.at(-1)?.[6]?.replace("×", ""));
console.log(`  time grows linearly with page size: ${SIZES.at(-1)}× costs ${fmt(growth, 2)}× per MB of 1× — ${growth <= LINEAR_TOLERANCE ? "linear" : "WORSE than linear"}`);
