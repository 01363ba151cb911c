/** Shared helpers for the pipeline tests: lines and units from hand-made text. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "../src/index.js";
import { splitLines, type Line } from "../src/pipeline/lines.js";
import { buildUnits, type Unit } from "../src/pipeline/units.js";

/** Path of the seed page dump in the repo's corpus. */
export const SEED_TXT = resolve(import.meta.dirname, "../../../corpus/seed/000_0c30f1900352050f.txt");
export const SEED_GOLD = resolve(import.meta.dirname, "../../../corpus/seed/000_0c30f1900352050f.gold.json");

/** The seed page dump, read once. */
export const seedText = (): string => readFileSync(SEED_TXT, "utf8");

/** Lines of a text. */
export const linesOf = (text: string): Line[] => splitLines(text);

/** Units of a text. */
export const unitsOf = (text: string): Unit[] => buildUnits(splitLines(text));

/** Count of each letter and digit (\p{L}\p{N}) code point in a text. */
export function letterCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const m of t.matchAll(/[\p{L}\p{N}]/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Every string of a page's articles, unassigned blocks and page info. */
export function pageStrings(page: Page): string[] {
  const out: string[] = [];
  const add = (s: string | null | undefined) => {
    if (s) out.push(s);
  };
  for (const a of page.articles) {
    [a.column, a.kicker, a.headline, a.subheadline, a.dateline].forEach(add);
    if (a.byline) add(a.byline.raw);
    a.paragraphs.forEach((p) => add(p.text));
    a.jumps.forEach((j) => add(j.raw));
  }
  page.unassigned.forEach((u) => add(u.text));
  const p = page.page;
  [p.publication, p.pageName, p.banner, p.header, p.date].forEach(add);
  return out;
}

/** Letters and digits of `input` missing from `page` (code point → how many are missing). */
export function missingLetters(input: string, page: Page): Map<string, number> {
  const need = letterCounts([input]);
  const have = letterCounts(pageStrings(page));
  const missing = new Map<string, number>();
  for (const [c, n] of need) {
    const short = n - (have.get(c) ?? 0);
    if (short > 0) missing.set(c, short);
  }
  return missing;
}
