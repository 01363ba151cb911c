import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHits, parseQuery, textUnits, type QueryPhrase, type Unit } from "../src/index.js";
import { CHAIN_BREAK, foldText } from "../src/search/units.js";

/** findHits as defined: every run of consecutive units of one chain spelling a phrase, merged. */
function referenceHits(text: string, phrases: readonly QueryPhrase[]): Array<{ start: number; end: number; phrases: number[] }> {
  const units = textUnits(text);
  const matchesAt = (i: number, chars: readonly string[]) =>
    chars.every((c, k) => units[i + k] !== undefined && units[i + k]!.char === c && units[i + k]!.chain === units[i]!.chain);
  const raw: Array<{ start: number; end: number; phrase: number }> = [];
  phrases.forEach((phrase, p) => {
    const n = phrase.chars.length;
    for (let i = 0; i + n <= units.length; i++) {
      if (matchesAt(i, phrase.chars)) raw.push({ start: (units[i] as Unit).start, end: (units[i + n - 1] as Unit).end, phrase: p });
    }
  });
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number; phrases: Set<number> }> = [];
  for (const h of raw) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) {
      last.end = Math.max(last.end, h.end);
      last.phrases.add(h.phrase);
    } else merged.push({ start: h.start, end: h.end, phrases: new Set([h.phrase]) });
  }
  return merged.map((h) => ({ start: h.start, end: h.end, phrases: [...h.phrases].sort() }));
}

const found = (text: string, query: string) =>
  findHits(text, parseQuery(query).phrases).map((h) => ({ start: h.start, end: h.end, phrases: [...h.phrases].sort() }));

/** Characters that exercise every path of the folding: CJK, ASCII, full width, NFKC expansions, astral, marks, spaces, punctuation. */
const ALPHABET = ["核", "酸", "检", "测", "小", "区", "a", "B", "1", "Ａ", "ｂ", "１", "㎞", "k", "m", "𠀀", "字", "é", "e\u0301", " ", "\n", "\u3000", "，", "。", "-", "・"];
const textOf = (maxLength: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength }).map((a) => a.join(""));

describe("findHits", () => {
  it("finds what the unit-by-unit definition finds, for any text and query", () => {
    fc.assert(
      fc.property(textOf(60), textOf(6), (text, query) => {
        expect(found(text, query)).toEqual(referenceHits(text, parseQuery(query).phrases));
      }),
      { numRuns: 3000 },
    );
  });

  it("marks overlapping and repeated hits, and none across punctuation or into the middle of a folded character", () => {
    expect(found("核酸核酸酸，核 酸", "酸核")).toEqual([{ start: 1, end: 3, phrases: [0] }]);
    expect(found("核酸，检测", "酸检")).toEqual([]);
    expect(found("10㎞路", "km")).toEqual([{ start: 2, end: 3, phrases: [0] }]);
    expect(found("10㎞路", "m路")).toEqual([{ start: 2, end: 4, phrases: [0] }]);
    expect(found("a𠀀字", "𠀀字")).toEqual([{ start: 1, end: 4, phrases: [0] }]);
  });
});

describe("foldText", () => {
  it("gives the units of textUnits, chains apart, each code unit mapped to its character in the text", () => {
    fc.assert(
      fc.property(textOf(80), (text) => {
        const { folded, start, end } = foldText(text);
        const units = textUnits(text);
        let expected = "";
        const expectedRanges: Array<[number, number] | null> = [];
        units.forEach((u, i) => {
          if (i > 0 && u.chain !== units[i - 1]!.chain) {
            expected += CHAIN_BREAK;
            expectedRanges.push(null);
          }
          expected += u.char;
          for (let k = 0; k < u.char.length; k++) expectedRanges.push([u.start, u.end]);
        });
        expect(folded).toBe(expected);
        expect(start).toHaveLength(folded.length);
        expectedRanges.forEach((r, i) => {
          if (r) expect([start[i], end[i]]).toEqual(r);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
