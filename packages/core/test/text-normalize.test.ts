import { describe, expect, it } from "vitest";
import { firstChar, joinWrappedLines, lastChar, normalizeHeading, removeExtractorSpaces } from "../src/text/normalize.js";

describe("removeExtractorSpaces", () => {
  it("removes spaces a justified line put between CJK characters", () => {
    expect(removeExtractorSpaces("奋 战 在 抗 疫")).toBe("奋战在抗疫");
  });

  it("removes spaces around half-width numbers in Chinese text", () => {
    expect(removeExtractorSpaces("11 月 30 日")).toBe("11月30日");
    expect(removeExtractorSpaces("报警称：11 月 30")).toBe("报警称：11月30");
  });

  it("keeps the space between two Latin words or numbers", () => {
    expect(removeExtractorSpaces("COVID 19")).toBe("COVID 19");
    expect(removeExtractorSpaces("Windows 10 系统")).toBe("Windows 10系统");
  });

  it("keeps the spaces of Latin text: after a word's punctuation, around accented letters, before an opening parenthesis", () => {
    expect(removeExtractorSpaces("Packete, die man führt")).toBe("Packete, die man führt");
    expect(removeExtractorSpaces("bekommt ja überall")).toBe("bekommt ja überall");
    expect(removeExtractorSpaces("Reisebegleiter (1901)")).toBe("Reisebegleiter (1901)");
    // next to CJK text the space is still the extractor's
    expect(removeExtractorSpaces("情绪……, 哪里")).toBe("情绪……,哪里");
    expect(removeExtractorSpaces("首页 “核酸” App")).toBe("首页“核酸”App");
  });

  it("collapses runs of spaces, tabs, no-break and ideographic spaces and trims", () => {
    expect(removeExtractorSpaces("  A \t\u3000 B\u00A0 ")).toBe("A B");
    expect(removeExtractorSpaces("\u3000\u3000正文")).toBe("正文");
  });

  it("reads characters outside the BMP next to a space whole: a CJK extension B ideograph, a letter before half a pair", () => {
    expect(removeExtractorSpaces("𠀀 字 a b")).toBe("𠀀字a b");
    expect(removeExtractorSpaces("字 𠀀 AI")).toBe("字𠀀AI");
    // a lone low surrogate after a letter: the two are read as one character, which holds the letter
    expect(removeExtractorSpaces("a\udc00 b")).toBe("a\udc00 b");
  });

  it("returns an empty string for whitespace", () => {
    expect(removeExtractorSpaces("   \t")).toBe("");
    expect(removeExtractorSpaces("")).toBe("");
  });
});

describe("joinWrappedLines", () => {
  it("joins Latin lines with a space after a word's punctuation and around accented letters", () => {
    expect(joinWrappedLines(["die man tnit sich führt,", "desto bequemer"])).toBe("die man tnit sich führt, desto bequemer");
    expect(joinWrappedLines(["bekommt ja", "überall ums Geld"])).toBe("bekommt ja überall ums Geld");
    // in Chinese text an ASCII comma after CJK joins without one
    expect(joinWrappedLines(["慌情绪……,", "App首页"])).toBe("慌情绪……,App首页");
  });

  it("joins CJK lines with no space", () => {
    expect(joinWrappedLines(["一群众来朔城公", "安分局沙塄河派出所"])).toBe("一群众来朔城公安分局沙塄河派出所");
  });

  it("joins two Latin words with one space, and a number cut at the line end with none", () => {
    expect(joinWrappedLines(["the new", "vaccine"])).toBe("the new vaccine");
    expect(joinWrappedLines(["时间 17:", "25 开始"])).toBe("时间 17:25 开始");
    expect(joinWrappedLines(["约 12", "3 人"])).toBe("约 123 人");
  });

  it("skips empty lines", () => {
    expect(joinWrappedLines(["", "甲", "", "乙"])).toBe("甲乙");
    expect(joinWrappedLines([])).toBe("");
  });
});

describe("normalizeHeading", () => {
  it("trims a heading without inner spaces, line breaks and other white space included", () => {
    expect(normalizeHeading("\n 奋战在抗疫一线\u2028")).toBe("奋战在抗疫一线");
    expect(normalizeHeading(" \t ")).toBe("");
    expect(normalizeHeading("")).toBe("");
  });

  it("drops the spaces of a heading spaced out character by character", () => {
    expect(normalizeHeading("短 评")).toBe("短评");
    expect(normalizeHeading("  要  闻 ")).toBe("要闻");
  });

  it("keeps the spaces between multi-character phrases", () => {
    expect(normalizeHeading("闻令动 显真情 铸忠诚")).toBe("闻令动 显真情 铸忠诚");
    expect(normalizeHeading("人人参与   人人受益")).toBe("人人参与 人人受益");
  });

  it("drops a justified gap beside a lone character, next to punctuation, and between CJK and digits", () => {
    expect(normalizeHeading("抗疫一线 奋")).toBe("抗疫一线奋");
    expect(normalizeHeading("宪法宣传、 防疫同行")).toBe("宪法宣传、防疫同行");
    expect(normalizeHeading("市法学会 ：")).toBe("市法学会：");
    expect(normalizeHeading("第 2 版")).toBe("第2版");
  });

  // Regression (fixed in 12108fd): a lone character was only checked after the space, so
  // `奋 战在抗疫一线` kept its gap while `抗疫一线 奋` was joined.
  it("drops the gap after a lone first character as well", () => {
    expect(normalizeHeading("奋 战在抗疫一线")).toBe("奋战在抗疫一线");
  });

  it("keeps Latin words apart", () => {
    expect(normalizeHeading("COVID 19")).toBe("COVID 19");
  });

  it("returns an empty string for whitespace", () => {
    expect(normalizeHeading(" \u3000 ")).toBe("");
  });
});

describe("firstChar / lastChar", () => {
  it("keep surrogate pairs whole", () => {
    expect(firstChar("𠀀中")).toBe("𠀀");
    expect(lastChar("中𠀀")).toBe("𠀀");
    expect(firstChar("")).toBe("");
    expect(lastChar("")).toBe("");
  });
});
