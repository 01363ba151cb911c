// Dev loop: parse the dev corpus's ALTO and hOCR files with parseLayout and score them with tools/eval/score.mjs.
// Usage: npx tsx scripts/score-layout.ts [alto|hocr] [--verbose]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readAlto } from "../src/layout/alto.js";
import { readHocr } from "../src/layout/hocr.js";
import { parseLayout } from "../src/parse-layout.js";

const root = resolve(import.meta.dirname, "../../..");
const dir = join(root, "corpus/dev");
const formats = process.argv.slice(2).filter((a) => a === "alto" || a === "hocr");
for (const format of formats.length > 0 ? formats : ["alto", "hocr"]) {
  const out = mkdtempSync(join(tmpdir(), `dubao-${format}-`));
  const ext = format === "alto" ? ".alto.xml" : ".hocr";
  for (const f of readdirSync(dir).filter((f) => f.endsWith(ext))) {
    const text = readFileSync(join(dir, f), "utf8");
    const doc = format === "alto" ? readAlto(text, f) : readHocr(text, f);
    const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
    const [page] = parseLayout(doc, { sourceName: f, sha256, format: format as "alto" | "hocr" });
    writeFileSync(join(out, f.slice(0, -ext.length) + ".json"), JSON.stringify(page, null, 2));
  }
  console.log(`== ${format} (${out})`);
  const args = [join(root, "tools/eval/score.mjs"), "--gold", dir, "--pred", out, ...process.argv.slice(2).filter((a) => a.startsWith("--"))];
  console.log(execFileSync("node", args, { encoding: "utf8" }));
}
