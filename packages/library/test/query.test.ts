import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexTerms, MAX_QUERY_PHRASES, parseQuery, textChains, textUnits } from "../src/index.js";

describe("textChains", () => {
  it("skips whitespace, breaks at punctuation, folds width and case", () => {
    expect(textChains("11 月 30 日，核酸检测")).toEqual([["1", "1", "月", "3", "0", "日"], ["核", "酸", "检", "测"]]);
    expect(textChains("ＣＯＶＩＤ-19")).toEqual([["c", "o", "v", "i", "d"], ["1", "9"]]);
    expect(textChains("。，！")).toEqual([]);
  });

  it("keeps characters outside the BMP whole", () => {
    expect(textChains("𠀀字")).toEqual([["𠀀", "字"]]);
    const units = textUnits("a𠀀b");
    expect(units.map((u) => [u.start, u.end])).toEqual([[0, 1], [1, 3], [3, 4]]);
  });
});

describe("indexTerms", () => {
  it("emits bigrams within chains and every character", () => {
    expect(indexTerms(["核酸检测，小区"])).toEqual({ bigrams: "核酸 酸检 检测 小区", chars: "核 酸 检 测 小 区" });
  });

  it("never joins two texts into one bigram", () => {
    expect(indexTerms(["标题", "正文"]).bigrams).toBe("标题 正文");
  });

  it("keeps the columns' terms apart: two units in a bigram column, one in a character column, never split by FTS5", () => {
    // The MATCH expression has no column filter because of this (see query.ts).
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 30 }), { maxLength: 4 }), (texts) => {
        const { bigrams, chars } = indexTerms(texts);
        const terms = (column: string) => (column === "" ? [] : column.split(" "));
        // FTS5's ascii tokenizer splits at every ASCII character that is not a letter or digit.
        for (const term of [...terms(bigrams), ...terms(chars)]) expect(term).not.toMatch(/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]/);
        for (const term of terms(bigrams)) expect(Array.from(term)).toHaveLength(2);
        for (const term of terms(chars)) expect(Array.from(term)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseQuery", () => {
  it("makes one phrase per word, bigrams for two or more characters", () => {
    expect(parseQuery("核酸").match).toBe('"核酸"');
    expect(parseQuery("无疫小区").match).toBe('"无疫 疫小 小区"');
    expect(parseQuery("核").match).toBe('"核"');
    expect(parseQuery("核酸 小区").phrases.map((p) => p.chars.join(""))).toEqual(["核酸", "小区"]);
  });

  it("keeps a quoted stretch together and drops spaces inside it", () => {
    expect(parseQuery("“核酸 检测”").phrases.map((p) => p.chars.join(""))).toEqual(["核酸检测"]);
    expect(parseQuery('"11 月" 日').phrases.map((p) => p.chars.join(""))).toEqual(["11月", "日"]);
  });

  it("has no phrases for punctuation or FTS5 syntax alone", () => {
    for (const q of ["", "   ", "，。！", '"', "*", "()", "-", "^"]) expect(parseQuery(q).match).toBeNull();
    expect(parseQuery("AND OR NOT NEAR").match).toBe(
      '"an nd" AND "or" AND "no ot" AND "ne ea ar"',
    );
  });

  it("bounds the number of phrases", () => {
    const q = parseQuery(Array.from({ length: 30 }, (_, i) => `词${i}`).join(" "));
    expect(q.phrases).toHaveLength(MAX_QUERY_PHRASES);
    expect(q.truncated).toBe(true);
  });

  it("builds a MATCH expression of quoted letters and digits only, for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (input) => {
        const q = parseQuery(input);
        if (q.match === null) return;
        for (const part of q.match.split(" AND ")) {
          expect(part).toMatch(/^"[^"]+"$/u);
          const inner = part.slice(1, -1);
          expect(inner).toMatch(/^[\p{L}\p{N}\p{M} ]+$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});
