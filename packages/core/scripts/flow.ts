// Dev aid: print the flow of a page dump (stories with their runs, and the gaps between them).
// Usage: npx tsx scripts/flow.ts FILE
// Runs parseInto's stages (src/parse-text.ts) up to the heading match: keep the two in step.
import { readFileSync } from "node:fs";
import { splitLines } from "../src/pipeline/lines.js";
import { boxesUnmarked, buildUnits, liftTextKickers, rejoinWrappedKickers, splitHeadlinesUnderKickers, type Unit } from "../src/pipeline/units.js";
import { mapRadicals } from "../src/layout/pdf-glyphs.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { joinWrappedHeadings, reclassifyFragments, reclassifyOpenQuotes } from "../src/pipeline/fragments.js";
import { junctionOf } from "../src/pipeline/junction.js";
import { buildFlow, type Draft } from "../src/pipeline/flow.js";
import { columnWidth } from "../src/pipeline/measure.js";
import { isPageNameUnit } from "../src/pipeline/furniture.js";
import { readColumns } from "../src/text-columns.js";

// a dump with its columns side by side is read column by column first, as parseText does (its
// line numbers are then those of the rebuilt text)
const dump = readFileSync(process.argv[2]!, "utf8");
const lines = splitLines(mapRadicals(readColumns(dump)?.text ?? dump));
const unmarked = boxesUnmarked(lines);
const all = buildUnits(lines, unmarked);
// as parseInto does: the page name beside the running head is furniture
const head = all.slice(0, 3).findIndex((u) => u.kind === "furniture");
const units = all.filter((u, k) => !isPageNameUnit(u, head >= 0 && Math.abs(k - head) === 1));
const lex = new PageLexicon(lines.map((l) => l.text));
reclassifyFragments(reclassifyOpenQuotes(joinWrappedHeadings(rejoinWrappedKickers(units, (a, b) => lex.junctionCount(a, b)))), junctionOf(lex));
splitHeadlinesUnderKickers(liftTextKickers(units));
const flow = buildFlow(units, junctionOf(lex), lex.pageGrams);
const name = new Map<Draft, string>(flow.drafts.map((d, i) => [d, `S${i + 1}`]));
const range = (u: Unit) => `${u.lines[0]!.lineNo}-${u.lines[u.lines.length - 1]!.lineNo}`;
const show = (u: Unit) => `${range(u).padEnd(8)} ${u.kind.padEnd(8)} W${columnWidth(u.lines).toFixed(1).padEnd(5)} ${u.lines[0]!.text.slice(0, 24)}${u.lines.length > 1 ? " … " + u.lines[u.lines.length - 1]!.text.slice(-10) : ""}`;
const events: { at: number; text: string }[] = [];
for (const d of flow.drafts) for (const it of d.items) events.push({ at: it.unit.lines[0]!.index, text: `  ${name.get(d)} ${it.role.padEnd(8)} ${show(it.unit)}` });
for (const g of flow.gaps) for (const u of g.units) events.push({ at: u.lines[0]!.index, text: `     gap ${name.get(g.prev!) ?? "-"}→${name.get(g.next!) ?? "-"}${g.nextContinued ? "(cont)" : ""} ${show(u)}` });
events.sort((a, b) => a.at - b.at);
for (const e of events) console.log(e.text);

// then: the gaps' units given to stories, and the headline each story is matched with
const { assignGaps, attachStrayLabels, matchHeadings, pairSideBySideHeads, takeDecks, takeSalutation } = await import("../src/pipeline/assign.js");
const docOf = new Map<Draft, number>();
for (const d of flow.drafts) docOf.set(d, lex.addUnits(d.items.map((i) => i.unit)));
const follow = assignGaps(flow.gaps, lex, docOf);
for (const d of flow.drafts) { takeSalutation(d); takeDecks(d, unmarked); }
pairSideBySideHeads(flow.drafts);
console.log(`\nheadings ${follow ? "follow" : "precede"} their stories`);
for (const d of flow.drafts) {
  console.log(`${name.get(d)}: leaders [${d.leaders.map(range).join(", ")}] trailers [${d.trailers.map(range).join(", ")}]`);
}
const matched = matchHeadings(flow.drafts, lex, docOf, follow);
attachStrayLabels(flow.gaps, flow.drafts);
const { promoteLoneSubheads } = await import("../src/pipeline/inline-headline.js");
if (unmarked) promoteLoneSubheads(flow.drafts, matched);
for (const d of flow.drafts) console.log(`${name.get(d)} headline ← ${matched.get(d)?.map(range).join(" ") ?? "none"}`);

// with --sims: each heading's word similarity to each story (as matchHeadings weighs them)
if (process.argv.includes("--sims")) {
  const { unitHeadingText } = await import("../src/pipeline/unit-text.js");
  for (const d of flow.drafts) {
    for (const u of [...d.leaders, ...d.trailers]) {
      if (u.kind !== "heading" && u.kind !== "vertical") continue;
      const text = unitHeadingText(u);
      const sims = flow.drafts.map((x) => [name.get(x)!, lex.similarity(text, docOf.get(x)!)] as const).filter(([, s]) => s >= 0.15).sort((a, b) => b[1] - a[1]);
      console.log(`${range(u).padEnd(8)} ${text.slice(0, 20).padEnd(20)} ${sims.map(([n, s]) => `${n}:${s.toFixed(2)}`).join(" ")}`);
    }
  }
}
