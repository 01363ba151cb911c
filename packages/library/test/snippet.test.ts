import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHits, makeSnippet, parseQuery, SNIPPET_CHARS, textUnits, type QueryPhrase, type Unit } from "../src/index.js";
import { makePrefixSnippet, mergeHits } from "../src/search/snippet.js";
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
  return mergeHits(raw).map((h) => ({ start: h.start, end: h.end, phrases: [...h.phrases].sort() }));
}

const found = (text: string, query: string) =>
  findHits(text, parseQuery(query).phrases).map((h) => ({ start: h.start, end: h.end, phrases: [...h.phrases].sort() }));

/** Characters that exercise every path of the folding: CJK, ASCII, full width, NFKC expansions, astral, marks, spaces, punctuation. */
const ALPHABET = ["核", "酸", "检", "测", "小", "区", "a", "B", "1", "Ａ", "ｂ", "１", "㎞", "k", "m", "𠀀", "字", "é", "e\u0301", " ", "\n", "\u3000", "，", "。", "-", "・"];
const textOf = (maxLength: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength }).map((a) => a.join(""));

describe("mergeHits", () => {
  it("sorts hits and merges the ones that overlap or touch, keeping every phrase they cover", () => {
    const merged = mergeHits([
      { start: 10, end: 12, phrase: 1 },
      { start: 0, end: 2, phrase: 0 },
      { start: 1, end: 3, phrase: 1 },
      { start: 3, end: 4, phrase: 2 },
      { start: 11, end: 12, phrase: 0 },
    ]);
    expect(merged.map((h) => [h.start, h.end, [...h.phrases].sort()])).toEqual([
      [0, 4, [0, 1, 2]],
      [10, 12, [0, 1]],
    ]);
  });
});

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

describe("makePrefixSnippet", () => {
  /** The first `n` code points of a text (what SQLite's substr gives). */
  const prefixOf = (text: string, n: number) => Array.from(text).slice(0, n).join("");

  it("gives the whole text's snippet, or null, for any prefix of any text", () => {
    // Long texts of a few letters: many hits, and snippets that end well before the text does.
    const units = ["核", "酸", "检", "a", "Ａ", "𠀀", "e\u0301"];
    const letters = fc.constantFrom(...units, ...units, " ", "\n", "，", "。");
    let sure = 0;
    fc.assert(
      fc.property(fc.array(letters, { minLength: 100, maxLength: 400 }), fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 3 }), fc.nat(), (chars, query, cut) => {
        const text = chars.join("");
        const { phrases } = parseQuery(query.join(""));
        const prefix = prefixOf(text, cut % (chars.length + 1));
        const snippet = makePrefixSnippet(prefix, phrases);
        if (snippet === null) return;
        sure++;
        expect(snippet).toEqual(makeSnippet(text, phrases));
      }),
      { numRuns: 3000 },
    );
    // The comparison was made often enough to mean something.
    expect(sure).toBeGreaterThan(300);
  });

  it("is sure of a plain body's snippet a snippet's length past the phrase", () => {
    const text = "全市".repeat(50) + "核酸检测能力大幅提高，" + "居民小区有序活动。".repeat(60);
    const { phrases } = parseQuery("核酸检测");
    const at = Array.from(text).indexOf("核");
    const prefix = prefixOf(text, at + 4 + SNIPPET_CHARS + 8);
    expect(makePrefixSnippet(prefix, phrases)).toEqual(makeSnippet(text, phrases));
    // Too short to see the end of the snippet, or several phrases (hits anywhere count): not sure.
    expect(makePrefixSnippet(prefixOf(text, at + 60), phrases)).toBeNull();
    expect(makePrefixSnippet(prefix, parseQuery("核酸 小区").phrases)).toBeNull();
  });
});
