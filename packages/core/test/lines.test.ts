import { describe, expect, it } from "vitest";
import { opensDateline, splitLines, spanOfLines, spansOf } from "../src/pipeline/lines.js";

describe("splitLines", () => {
  it("splits on LF, CRLF, CR and the Unicode line and paragraph separators, keeping offsets", () => {
    const input = "甲\n乙\r\n丙\r丁\u2028戊\u2029己";
    const lines = splitLines(input);
    expect(lines.map((l) => l.raw)).toEqual(["甲", "乙", "丙", "丁", "戊", "己"]);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const l of lines) expect(input.slice(l.start, l.end)).toBe(l.raw);
  });

  it("gives no line after a final line break, and none for an empty input", () => {
    expect(splitLines("甲\n").map((l) => l.raw)).toEqual(["甲"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n\n").map((l) => l.blank)).toEqual([true, true]);
  });

  it("marks a dateline wrapped onto the next line, and only a dateline", () => {
    const lines = splitLines(["本报北京6月12", "日电（记者 陆宇丽 白", "建军）连日来，各地加快复工复产。", "本报讯（记者 孟群舒）市委", "本报记者在现场看到", "日前举行"].join("\n"));
    expect(lines.map(opensDateline)).toEqual([true, false, false, true, false, false]);
    // another paper's dated dateline, cut the same way
    const other = splitLines(["经济日报北京12月", "1日讯（记者 王小明）国务院", "南方日报记者在现场看到", "1日讯息传来"].join("\n"));
    expect(other.map(opensDateline)).toEqual([true, false, false, false]);
  });

  it("cleans extractor spaces into text and measures its width", () => {
    const [line] = splitLines("  11 月 30 日 下 午");
    expect(line!.text).toBe("11月30日下午");
    expect(line!.width).toBe(6); // 11, 30 half-width: 0.5 em each digit
    expect(line!.leadingSpace).toBe(true);
    expect(line!.blank).toBe(false);
  });

  it("treats form feeds and whitespace-only lines as blank", () => {
    const lines = splitLines("\f\n \u3000\t\n正文");
    expect(lines.map((l) => l.blank)).toEqual([true, true, false]);
    expect(lines[2]!.leadingSpace).toBe(false);
  });

  it("keeps offsets in UTF-16 units across characters beyond the BMP", () => {
    const input = "𠀀𠀀\n中";
    const lines = splitLines(input);
    expect(lines[1]!.start).toBe(5);
    expect(input.slice(lines[1]!.start, lines[1]!.end)).toBe("中");
  });
});

describe("spans of lines", () => {
  it("covers first to last line, 1-based line numbers", () => {
    const lines = splitLines("甲\n乙乙\n丙");
    expect(spanOfLines(lines[0]!, lines[2]!)).toEqual({ start: 0, end: 6, line: 1, endLine: 3 });
    expect(spansOf(lines.slice(1, 2))).toEqual([{ start: 2, end: 4, line: 2, endLine: 2 }]);
  });
});
