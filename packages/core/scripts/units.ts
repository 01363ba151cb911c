// Dev aid: print the units of a page dump. Usage: npx tsx scripts/units.ts FILE [FROM] [TO]
import { readFileSync } from "node:fs";
import { splitLines } from "../src/pipeline/lines.js";
import { buildUnits } from "../src/pipeline/units.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { reclassifyFragments } from "../src/pipeline/fragments.js";
import { junctionOf } from "../src/pipeline/junction.js";
import { columnWidth } from "../src/pipeline/measure.js";

const [file, from = "1", to = "99999"] = process.argv.slice(2);
const lines = splitLines(readFileSync(file!, "utf8"));
const units = buildUnits(lines);
const lex = new PageLexicon(lines.map((l) => l.text));
reclassifyFragments(units, junctionOf(lex));
for (const u of units) {
  const a = u.lines[0]!.lineNo, b = u.lines[u.lines.length - 1]!.lineNo;
  if (b < Number(from) || a > Number(to)) continue;
  console.log(`${String(a).padStart(4)}-${String(b).padEnd(4)} ${u.kind.padEnd(8)} W${columnWidth(u.lines)} ${u.lines[0]!.text.slice(0, 30)}${u.lines.length > 1 ? " … " + u.lines[u.lines.length - 1]!.text.slice(-12) : ""}`);
}
