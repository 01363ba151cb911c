// `pnpm eval`: parse the gold corpus sets and print the scorer's metrics, one row per set.
import { evaluateSet, LAYOUT_SETS, SETS } from "./evaluate.mjs";

/** @param {number | null | undefined} v @param {string} [unit] */
const show = (v, unit = "") => (v == null ? "n/a" : `${v}${unit}`);

/** @typedef {{ set: string, s: import("./evaluate.mjs").Summary }} Row */
/** @type {Array<[string, (r: Row) => string]>} */
const COLUMNS = [
  ["set", (r) => r.set],
  ["pages", (r) => String(r.s.pages)],
  ["articles gold/pred", (r) => `${r.s.goldArticles}/${r.s.predArticles}`],
  ["perfect", (r) => show(r.s.perfectArticlesPct, "%")],
  ["seg F1", (r) => show(r.s.segmentationF1)],
  ["headline", (r) => show(r.s.headlinePct, "%")],
  ["kicker", (r) => show(r.s.kickerPct, "%")],
  ["byline names", (r) => show(r.s.bylineNamesPct, "%")],
  ["body CER", (r) => show(r.s.bodyCERpct, "%")],
  ["para F1", (r) => show(r.s.paragraphF1)],
  ["lost chars", (r) => show(r.s.lostChars)],
];

/** @type {Row[]} */
const rows = [];
let failed = false;
const sets = [
  ...Object.entries(SETS).map(([set, dir]) => ({ set, dir, ext: ".txt" })),
  ...Object.entries(LAYOUT_SETS).map(([set, { dir, ext }]) => ({ set, dir, ext })),
];
for (const { set, dir, ext } of sets) {
  const { summary, problems } = await evaluateSet(dir, ext);
  for (const p of problems) console.error(`eval: ${p}`);
  if (problems.length > 0 || summary.missingPredictions > 0) failed = true;
  rows.push({ set, s: summary });
}
const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
const line = (/** @type {string[]} */ row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
console.log(line(cells[0] ?? []));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of cells.slice(1)) console.log(line(row));
console.log("\nperfect: articles right in every field (tools/eval/score.mjs); body CER: character error rate of body text.");
if (failed) process.exitCode = 1;
