import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateSet, LAYOUT_SETS, SETS } from "./evaluate.mjs";

interface Floor {
  perfectArticlesPct: number;
  segmentationF1: number;
  paragraphF1: number;
  lostChars: number;
}
const floors = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "floors.json"), "utf8")) as Record<
  string,
  Floor | string
>;

/** Every scored set: the text dumps, and the same gold pages read from ALTO and hOCR. */
const ALL_SETS: [string, string, string][] = [
  ...Object.entries(SETS).map(([set, dir]): [string, string, string] => [set, dir, ".txt"]),
  ...Object.entries(LAYOUT_SETS).map(([set, { dir, ext }]): [string, string, string] => [set, dir, ext]),
];

describe.each(ALL_SETS)("the %s set scores at or above its floor", (set, dir, ext) => {
  it("is parsed whole and does not regress", async () => {
    const floor = floors[set];
    if (floor === undefined || typeof floor === "string") throw new Error(`floors.json has no floor for the ${set} set`);
    expect(floor.lostChars, "lostChars floors must be 0: no letter of the input may be lost").toBe(0);

    const { summary, parsed, problems } = await evaluateSet(dir, ext);
    const goldPages = readdirSync(dir).filter((f) => f.endsWith(".gold.json")).length;
    expect(problems).toEqual([]);
    expect(parsed).toBe(goldPages);
    expect(summary.pages).toBe(goldPages);
    expect(summary.missingPredictions).toBe(0);

    expect(summary.perfectArticlesPct ?? 0).toBeGreaterThanOrEqual(floor.perfectArticlesPct);
    expect(summary.segmentationF1).toBeGreaterThanOrEqual(floor.segmentationF1);
    expect(summary.paragraphF1).toBeGreaterThanOrEqual(floor.paragraphF1);
    expect(summary.lostChars).toBe(0);
  });
});
