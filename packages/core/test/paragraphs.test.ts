import { describe, expect, it } from "vitest";
import { buildFlow } from "../src/pipeline/flow.js";
import { reclassifyFragments } from "../src/pipeline/fragments.js";
import { buildParagraphs } from "../src/pipeline/paragraphs.js";
import { unitsOf } from "./helpers.js";

const FILLER = "民警终于在通往朔南大道的南环路上找到走失的刘某柱看着被冻发抖";
/** A line of `width` CJK characters, the last one `end` (so `end` counts in the width). */
const row = (width: number, end = "") => FILLER.slice(0, width - end.length) + end;

const paragraphsOf = (text: string) => {
  const flow = buildFlow(reclassifyFragments(unitsOf(text), () => 0), () => 0);
  expect(flow.drafts).toHaveLength(1);
  return buildParagraphs(flow.drafts[0]!.items).map((p) => [p.role, p.pieces.map((x) => x.line.lineNo)]);
};

describe("buildParagraphs", () => {
  it("breaks after a short last line that ends a sentence", () => {
    const text = [row(20), row(20), row(9, "。"), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["body", [4, 5]],
    ]);
  });

  it("breaks at a lost indent: a full last line ending a sentence, then a line 2 ems narrower", () => {
    const text = [row(20), row(20), row(20, "。"), row(18), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["body", [4, 5, 6]],
    ]);
  });

  it("does not break after a full line that ends a sentence when the next line is full too", () => {
    const text = [row(20), row(20, "。"), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 3, 4]]]);
  });

  it("does not break after a short line that stops mid-sentence", () => {
    const text = [row(20), row(20), row(9, "，"), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("does not break at a blank line in the middle of a sentence", () => {
    // the two lines before the blank look like a heading alone; they are as wide as the text after
    const text = [row(20), row(20), "", row(20, "，"), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 4, 5, 6]]]);
  });

  it("breaks at a blank line right after a sentence's end, though both lines are full", () => {
    const text = [row(20), row(20), row(20, "。"), "", row(20), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["body", [5, 6, 7]],
    ]);
  });

  it("breaks after a colon that introduces what follows", () => {
    const text = [row(20), row(10, "：") , row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4]],
    ]);
  });

  it("keeps a subhead between two runs of one column as its own paragraph", () => {
    const text = [row(20), row(20), row(9, "。"), "", "送抑郁女子回家", row(20), row(20), row(9, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["subhead", [5]],
      ["body", [6, 7, 8]],
    ]);
  });

  it("breaks after a clearly short line without punctuation (deck points, signatures)", () => {
    const text = [row(20), row(20), row(12), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["body", [4, 5]],
    ]);
  });

  it("does not break after a short unpunctuated line whose width is approximate (half-width characters)", () => {
    const text = [row(20), row(20), row(10) + " 50", row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("does not end a paragraph after its first line just because the lost indent made it narrower", () => {
    const text = [row(20), row(9, "。"), row(17, "。"), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4, 5]],
    ]);
  });

  it("breaks after a full line ending with a colon, unless a quotation opens on the next line", () => {
    expect(paragraphsOf([row(20), row(20, "："), row(20), row(20, "。")].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4]],
    ]);
    expect(paragraphsOf([row(20), row(20, "："), "“" + row(19), row(20, "。")].join("\n"))).toEqual([["body", [1, 2, 3, 4]]]);
  });

  it("starts a paragraph at text printed under a byline inside the story (a deck, the byline, the text)", () => {
    // set wider than a heading can be, so the deck is text
    const wide = (FILLER + FILLER).slice(0, 44);
    const deck = [wide, wide];
    const text = [row(20), row(20), row(20), row(20, "。")];
    expect(paragraphsOf([...deck, "记者 陈华", ...text].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [4, 5, 6, 7]],
    ]);
  });

  it("ends a deck's point at a line short by a few ems, before the dateline", () => {
    // (five lines: more than a heading has, so the deck is text)
    const deck = [row(24), row(21), row(24), row(24), row(20)];
    expect(paragraphsOf([...deck, "本报讯 " + row(21, "，"), row(24), row(10, "。")].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4, 5]],
      ["body", [6, 7, 8]],
    ]);
  });

  it("ends a deck's point at a full line whose words end a clause of the body the deck quotes", () => {
    // two points, each printed on one line wider than the column, then the text that has them
    const first = "大力提升基层治理能力和水平，加强专业培训，完善激励机制，形成常态化防控的基层常备力量";
    const second = "强化责任意识、自律意识，人人当好个人防护第一责任人，把防控网织得更密更牢";
    const body = [`本报讯 ${row(20)}`, row(24), `${first.slice(-12)}。要${second.slice(0, 10)}`, row(24), row(10, "。")];
    expect(paragraphsOf([first, second, ...body].join("\n"))).toEqual([
      ["body", [1]],
      ["body", [2]],
      ["body", [3, 4, 5, 6, 7]],
    ]);
  });

  it("keeps a point wrapped mid-clause whole, though the body quotes it", () => {
    const point = "大力提升基层治理能力和水平，加强专业培训，完善激励机制，形成常态化防控的基层常备力量，提高社区防控信息化智能化水平";
    const lines = [point.slice(0, 40), point.slice(40)];
    const body = [`本报讯 ${row(20)}`, row(24), `${point.slice(10)}。${row(10)}`, row(24), row(10, "。")];
    expect(paragraphsOf([...lines, ...body].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4, 5, 6, 7]],
    ]);
  });

  it("measures a short last line against its text box when the lines around it are mostly short or indented", () => {
    const text = [row(29), row(29), row(4, "。"), row(27), row(27, "。"), row(27), row(29), row(16, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2, 3]],
      ["body", [4, 5]],
      ["body", [6, 7, 8]],
    ]);
  });

  it("starts a paragraph at a numbered point after a sentence end", () => {
    expect(paragraphsOf([row(20), row(20, "。"), "二、" + row(18), row(20, "。")].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4]],
    ]);
  });

  it("does not end a paragraph at an unpunctuated line made short only by curly quotes", () => {
    const quoted = "“" + row(8) + "”" + row(10);
    expect(paragraphsOf([row(24), row(24), quoted, row(24), row(12, "。")].join("\n"))).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("allows for curly quotes set full width before calling a last line short", () => {
    // 14 characters with two quotes measure 13 ems; printed full width they fill 14 of 15
    const quoted = row(6) + "“" + row(3) + "”" + row(3, "。");
    expect(paragraphsOf([row(15), row(15), quoted, row(15), row(15, "。")].join("\n"))).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("ends a point that closes no sentence at a full line when the next line has the lost indent", () => {
    const point = [row(20, "，"), row(20)];
    const text = [...point, row(18), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4, 5]],
    ]);
  });

  it("keeps prose whole at a full unpunctuated line before a narrower line, once a sentence closed in it", () => {
    // mid-sentence the next line is narrower for other reasons (letter spacing of justified text)
    const text = [row(20, "。"), row(20), row(18), row(20), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("does not end a point before a line set short because the next one opens with a quote", () => {
    const text = [row(20, "，"), row(20), row(18), "“" + row(19), row(20, "。")].join("\n");
    expect(paragraphsOf(text)).toEqual([["body", [1, 2, 3, 4, 5]]]);
  });

  it("ends a paragraph at an unpunctuated line with curly quotes that is short even with the quotes set full width", () => {
    const quoted = row(2) + "”" + row(2);
    expect(paragraphsOf([row(16, "，"), quoted, row(16), row(16, "。")].join("\n"))).toEqual([
      ["body", [1, 2]],
      ["body", [3, 4]],
    ]);
  });

  it("gives no paragraph for no items", () => {
    expect(buildParagraphs([])).toEqual([]);
  });
});
