#!/usr/bin/env node
// Tabulates the scorer's errors on synthetic pages by the layout each gold article was made with
// (the `Layout` list in the gold notes: head position/kind/byline style/kicker/subtitle/label/cut).
//
//   node tools/synth/classify.mjs --gold DIR --pred PRED
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { gold: { type: "string" }, pred: { type: "string" } } });
if (!values.gold || !values.pred) {
  console.error("usage: classify.mjs --gold DIR --pred PRED");
  process.exit(2);
}
const scorer = path.resolve(import.meta.dirname, "../eval/score.mjs");
const report = JSON.parse(execFileSync("node", [scorer, "--gold", values.gold, "--pred", values.pred, "--json", "--verbose"], { encoding: "utf8", maxBuffer: 1 << 28 }));

const byTrait = new Map(); // trait -> { n, clean, fields: Map(field -> count) }
const bump = (trait, field) => {
  const t = byTrait.get(trait) ?? { n: 0, clean: 0, fields: new Map() };
  byTrait.set(trait, t);
  if (field === null) t.n++;
  else if (field === "clean") t.clean++;
  else t.fields.set(field, (t.fields.get(field) ?? 0) + 1);
};
for (const page of report.pages) {
  const gold = JSON.parse(fs.readFileSync(path.join(values.gold, `${page.name}.gold.json`), "utf8"));
  const layout = (gold.notes.match(/Layout \([^)]*\): (.*)\.$/u)?.[1] ?? "").split("; ");
  const errs = new Map();
  for (const e of page.errors) {
    const m = e.match(/^article (\d+) (?:\(.*\) )?(\w+)/u);
    if (!m) continue;
    const i = Number(m[1]) - 1;
    const field = /not found$/u.test(e) ? "notFound" : /segmented/u.test(e) ? "segmented" : m[2];
    (errs.get(i) ?? errs.set(i, new Set()).get(i)).add(field);
  }
  layout.forEach((desc, i) => {
    const parts = desc.split("/");
    const traits = parts[0] === "photo" ? ["photo", `photo/${parts[1]}`] : [`head:${parts[0]}`, `kind:${parts[1]}`, `byline:${parts[2]}`, ...parts.slice(3).map((x) => `has:${x}`)];
    for (const t of ["all", ...traits]) {
      bump(t, null);
      const f = errs.get(i);
      if (!f) bump(t, "clean");
      else for (const x of f) bump(t, x);
    }
  });
}
console.log(`summary: ${JSON.stringify(report.summary)}`);
console.log("trait: articles, without field/segmentation errors, then articles with each error");
for (const [trait, t] of [...byTrait].sort()) {
  const fields = [...t.fields].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(", ");
  console.log(`${trait.padEnd(26)} ${String(t.n).padStart(4)}  clean ${String(t.clean).padStart(3)}  ${fields}`);
}
