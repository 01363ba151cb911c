// Parses every NAME.txt of a directory with the source parser (@dubao/core parseText) and writes
// NAME.json into another, for tools/eval/score.mjs.
//
//   cd packages/core && npx tsx ../../tools/synth/parse-pages.ts --in DIR --out PRED
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseText } from "../../packages/core/src/index.js";

const { values } = parseArgs({ options: { in: { type: "string" }, out: { type: "string" } } });
if (!values.in || !values.out) {
  console.error("usage: parse-pages.ts --in DIR --out PRED");
  process.exit(2);
}
const inDir = resolve(values.in), outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const f of readdirSync(inDir).filter((x) => x.endsWith(".txt")).sort()) {
  try {
    const page = parseText(readFileSync(join(inDir, f), "utf8"), { sourceName: f });
    const target = join(outDir, f.replace(/\.txt$/u, ".json"));
    writeFileSync(`${target}.tmp`, JSON.stringify(page, null, 2));
    renameSync(`${target}.tmp`, target);
  } catch (e) {
    failed++;
    console.error(`${f}: ${(e as Error).message}`);
  }
}
if (failed) process.exit(1);
