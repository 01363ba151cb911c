import { describe, expect, it } from "vitest";
import { columnWidth, columnWidthGap, endsOpen, startsParagraph } from "../src/pipeline/measure.js";
import { unitsOf } from "./helpers.js";

const FILLER = "民警终于在通往朔南大道的南环路上找到走失的刘某柱看着被冻发抖";
const row = (width: number, end = "") => FILLER.slice(0, width - end.length) + end;
const unitOf = (lines: string[]) => {
  const [unit, ...more] = unitsOf(lines.join("\n"));
  expect(more).toEqual([]);
  return unit!;
};

describe("startsParagraph", () => {
  it("takes a first line about two ems narrower than the column for an indented paragraph start", () => {
    expect(startsParagraph(unitOf([row(18, "，"), row(20, "，"), row(20, "，"), row(12, "。")]))).toBe(true);
  });

  it("does not take a short first line closing a sentence for an indent: it ends a paragraph begun in the column before", () => {
    const unit = unitOf([row(7, "。"), row(18, "，"), row(20, "，"), row(20, "，"), row(12, "。")]);
    expect(columnWidth(unit.lines)).toBe(20);
    expect(startsParagraph(unit)).toBe(false);
  });

  it("takes a full first line for text going on from the column before", () => {
    expect(startsParagraph(unitOf([row(20, "，"), row(20, "，"), row(20, "，"), row(12, "。")]))).toBe(false);
  });
});

describe("endsOpen", () => {
  it("is true when the last line stops mid-sentence, false after a sentence end", () => {
    expect(endsOpen(unitOf([row(20, "，"), row(20)]))).toBe(true);
    expect(endsOpen(unitOf([row(20, "，"), row(12, "。")]))).toBe(false);
  });
});

describe("columnWidthGap", () => {
  it("measures a unit of three lines or fewer by its widest line, not by a short first or last line", () => {
    const [short, long] = unitsOf([row(10, "，"), row(12, "，"), row(5, "。"), "", row(12, "，"), row(12, "，"), row(12, "，"), row(5, "。")].join("\n"));
    expect(columnWidthGap(short!, long!)).toBe(0);
  });

  it("gives no width for a unit of one line", () => {
    const [line, text] = unitsOf([row(6, "。"), "", row(12, "，"), row(12, "，"), row(5, "。")].join("\n"));
    expect(columnWidthGap(line!, text!)).toBeNull();
  });
});
