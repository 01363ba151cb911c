import { describe, expect, it } from "vitest";
import type { LayoutBlock } from "../../src/layout/model.js";
import { layoutRuns, type TextRun } from "../../src/layout/pdf-geometry.js";

const SOURCE = { start: 0, end: 0, line: 1 };
/** A horizontal run of full-width characters, each one em wide. */
const cjk = (text: string, x: number, y: number, size = 10, extra: Partial<TextRun> = {}): TextRun => ({
  text,
  x,
  y,
  size,
  advance: [...text].length * size,
  direction: "horizontal",
  ...extra,
});
const linesOf = (blocks: LayoutBlock[]) => blocks.map((b) => b.lines.map((l) => l.words.map((w) => (w.spaceBefore ? " " : "") + w.text).join("")));

describe("layoutRuns", () => {
  it("joins touching runs into one word (a look-alike glyph set in another font) and keeps spaces where the PDF leaves a gap", () => {
    const blocks = layoutRuns([cjk("现在我们的客", 10, 100), cjk("户", 70, 100), cjk("还是", 80, 100), cjk("好", 103, 100)], SOURCE, "p1-");
    expect(linesOf(blocks)).toEqual([["现在我们的客户还是 好"]]);
    const line = blocks[0]!.lines[0]!;
    expect(line.fontSize).toBe(10);
    expect(line.box[0]).toBe(10);
    expect(line.box[2]).toBe(113);
    // boxes are top-down: the baseline at 100, the line box 1.05 em tall around it
    expect(line.box[1]).toBeCloseTo(91);
    expect(line.box[3]).toBeCloseTo(101.5);
  });

  it("splits a run at its spaces, with boxes from full-width glyphs one em wide", () => {
    const blocks = layoutRuns([{ text: "前运营 130 万平", x: 0, y: 50, size: 10, advance: 50 + 2 * 2.5 + 3 * 5, direction: "horizontal" }], SOURCE, "p1-");
    const words = blocks[0]!.lines[0]!.words;
    expect(words.map((w) => w.text)).toEqual(["前运营", "130", "万平"]);
    expect(words.map((w) => w.spaceBefore)).toEqual([false, true, true]);
    expect(words[0]!.box[2]).toBeCloseTo(30);
    // the 20 points left over from the five full-width glyphs go to the five other characters
    expect(words[1]!.box[0]).toBeCloseTo(34);
    expect(words[2]!.box[2]).toBeCloseTo(70);
  });

  it("reads glyphs spread evenly across a justified line as one word, but a wider gap as a space", () => {
    // every glyph 0.2 em apart (justified), one gap of 1.2 em between the two phrases
    const runs = [..."守护家园"].map((ch, i) => cjk(ch, i * 12, 100)).concat([..."共迎春天"].map((ch, i) => cjk(ch, 58 + i * 12, 100)));
    expect(linesOf(layoutRuns(runs, SOURCE, "p1-"))).toEqual([["守护家园 共迎春天"]]);
    // a letter-spaced pair alone: a space only when the gap is wide
    expect(linesOf(layoutRuns([cjk("要", 0, 50, 20), cjk("闻", 26, 50, 20)], SOURCE, "p1-"))).toEqual([["要闻"]]);
    expect(linesOf(layoutRuns([cjk("简", 0, 50), cjk("讯", 23, 50)], SOURCE, "p1-"))).toEqual([["简 讯"]]);
  });

  it("starts a new word without a space where a run starts back over the one before (half-width punctuation)", () => {
    const blocks = layoutRuns([cjk("家。", 10, 100), cjk("“企业", 25, 100)], SOURCE, "p1-");
    const words = blocks[0]!.lines[0]!.words;
    expect(words.map((w) => [w.text, w.spaceBefore])).toEqual([
      ["家。", false],
      ["“企业", false],
    ]);
  });

  it("keeps columns apart: lines on one baseline in two columns 2 em apart are two lines in two blocks", () => {
    const runs: TextRun[] = [];
    for (let row = 0; row < 3; row++) runs.push(cjk("左栏正文左栏正文", 10, 100 + row * 16));
    for (let row = 0; row < 3; row++) runs.push(cjk("右栏正文右栏正文", 110, 100 + row * 16));
    const blocks = layoutRuns(runs, SOURCE, "p1-");
    expect(blocks.map((b) => b.lines.length)).toEqual([3, 3]);
    expect(blocks.map((b) => b.id)).toEqual(["p1-b1", "p1-b2"]);
    expect(blocks[1]!.box[0]).toBe(110);
  });

  it("starts a new block at a change of size or a wide gap, and lets a short line flush left join the indented text below", () => {
    const runs = [
      cjk("小标题", 40, 80, 12),
      cjk("俱鹤飞", 10, 100),
      cjk("正文第一行缩进两字", 30, 116),
      cjk("正文第二行正文第二行", 10, 132),
      cjk("隔得很远的一段正文", 10, 200),
    ];
    const blocks = layoutRuns(runs, SOURCE, "p1-");
    expect(blocks.map((b) => b.lines.map((l) => l.words[0]!.text))).toEqual([["小标题"], ["俱鹤飞", "正文第一行缩进两字", "正文第二行正文第二行"], ["隔得很远的一段正文"]]);
    expect(blocks[0]!.lines[0]!.fontSize).toBe(12);
  });

  it("reads stacked single glyphs as vertical text: one glyph per line, top to bottom, in one block", () => {
    const runs = [..."加快经济"].map((ch, i) => cjk(ch, 500, 100 + i * 23, 20));
    const blocks = layoutRuns(runs, SOURCE, "p1-");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.lines.map((l) => [l.words[0]!.text, l.vertical])).toEqual([
      ["加", true],
      ["快", true],
      ["经", true],
      ["济", true],
    ]);
  });

  it("reads a rotated run glyph by glyph, top to bottom", () => {
    const blocks = layoutRuns([{ text: "竖排", x: 300, y: 100, size: 20, advance: 40, direction: "down" }], SOURCE, "p1-");
    expect(blocks[0]!.lines.map((l) => [l.words[0]!.text, l.vertical, l.box[1]])).toEqual([
      ["竖", true, 100],
      ["排", true, 120],
    ]);
  });
});
