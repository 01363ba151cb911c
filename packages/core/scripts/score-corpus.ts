// Dev loop: parse the repo's corpus with the source parser and score it with tools/eval/score.mjs.
// Usage: npx tsx scripts/score-corpus.ts [--verbose]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseText } from "../src/index.js";

const root = resolve(import.meta.dirname, "../../..");
const out = mkdtempSync(join(tmpdir(), "dubao-score-"));
for (const set of ["corpus/seed", "corpus/dev"]) {
  const dir = join(root, set);
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const page = parseText(readFileSync(join(dir, f), "utf8"), { sourceName: f });
    writeFileSync(join(out, f.replace(/\.txt$/, ".json")), JSON.stringify(page, null, 2));
  }
  console.log(`== ${set}`);
  const args = [join(root, "tools/eval/score.mjs"), "--gold", dir, "--pred", out, ...process.argv.slice(2)];
  console.log(execFileSync("node", args, { encoding: "utf8" }));
}
console.log(`predictions in ${out}`);
