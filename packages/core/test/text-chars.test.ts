import { describe, expect, it } from "vitest";
import { missingLetters, displayWidth, endsSentence, isCjkChar, isLetterOrDigitCode, isWideChar, lettersAndDigits } from "../src/text/chars.js";

describe("displayWidth", () => {
  it("counts CJK characters and full-width punctuation as 1 em, the rest as half", () => {
    expect(displayWidth("中文")).toBe(2);
    expect(displayWidth("，。")).toBe(2);
    expect(displayWidth("AB12")).toBe(2);
    expect(displayWidth("11月30日")).toBe(4);
  });

  it("ignores spaces, tabs and ideographic spaces", () => {
    expect(displayWidth("中 文\t\u3000")).toBe(2);
    expect(displayWidth("")).toBe(0);
  });

  // Regression (fixed in 12108fd): under the `u` flag the surrogate-pair alternative of
  // CJK_IDEOGRAPH matched only lone surrogates, so `𠀀` (U+20000) was not CJK and measured 0.5 em.
  it("treats an ideograph beyond the BMP (U+20000 𠀀) as CJK, 1 em wide", () => {
    expect(isCjkChar("𠀀")).toBe(true);
    expect(isWideChar("𠀀")).toBe(true);
    expect(displayWidth("𠀀")).toBe(1);
  });
});

describe("endsSentence", () => {
  it("is true for 。！？… and ；, also before closing quotes or brackets", () => {
    for (const t of ["表达感激之情。", "快来！", "为什么？", "帮帮忙……”", "其一；", "（完）。）", "他说：“好。”  "]) expect(endsSentence(t), t).toBe(true);
  });

  it("is false mid-sentence, after a comma or a colon", () => {
    for (const t of ["一群众来朔城公", "警察同志，", "报警称：", "", "“12·4”"]) expect(endsSentence(t), t).toBe(false);
  });
});

describe("character classes", () => {
  it("tells CJK from wide punctuation and Latin", () => {
    expect(isCjkChar("中")).toBe(true);
    expect(isCjkChar("，")).toBe(false);
    expect(isWideChar("，")).toBe(true);
    expect(isWideChar("A")).toBe(false);
  });

  it("isLetterOrDigitCode agrees with \\p{L}\\p{N} on a sample of code points", () => {
    const re = /^[\p{L}\p{N}]$/u;
    const sample = [0x30, 0x41, 0x5f, 0x4e2d, 0x3001, 0x3005, 0x3007, 0xff10, 0xff01, 0xff21, 0x20000, 0x1f600, 0xe9, 0x2160, 0x3000, 0x00b7];
    for (const cp of sample) expect(isLetterOrDigitCode(cp), cp.toString(16)).toBe(re.test(String.fromCodePoint(cp)));
  });
});

describe("missingLetters / lettersAndDigits", () => {
  const chars = (set: Set<number>) => [...set].map((c) => String.fromCodePoint(c)).sort();

  it("names the letters and digits the output lacks, counting repeats", () => {
    expect(chars(missingLetters("中中，A 1𠀀！", ["中"]))).toEqual(["1", "A", "中", "𠀀"].sort());
    expect(chars(missingLetters("中中", ["中", "中"]))).toEqual([]);
  });

  it("ignores punctuation, spaces and extra output", () => {
    expect(chars(missingLetters("（下转），", []))).toEqual(["下", "转"].sort());
    expect(chars(missingLetters("中", ["中文多余"]))).toEqual([]);
  });

  it("an output letter had more often than needed hides no other missing one", () => {
    expect(chars(missingLetters("中文文", ["中中中文", "𠀀"]))).toEqual(["文"]);
    expect(chars(missingLetters("𠀀𠀀中", ["𠀀𠀁𠀁", "中"]))).toEqual(["𠀀"]);
  });

  it("leaves no state behind between calls", () => {
    expect(chars(missingLetters("中", ["文"]))).toEqual(["中"]);
    expect(chars(missingLetters("中", ["中"]))).toEqual([]);
  });

  it("lettersAndDigits keeps them in order", () => {
    expect(lettersAndDigits("（下转第3版）")).toBe("下转第3版");
  });
});
