import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PageSchema } from "../../src/index.js";
import { readAlto } from "../../src/layout/alto.js";
import type { LayoutDocument } from "../../src/layout/model.js";
import { parseLayout } from "../../src/parse-layout.js";
import { missingLetters } from "../helpers.js";
import { altoPage, type BlockSpec } from "./alto-builder.js";

/** Random pages parse a whole page each. */
const RUNS = 60;

/** Pieces of newspaper text: sentences, headings, bylines, datelines, jump lines, single glyphs, Latin. */
const PIECES = [
  "本报讯（记者 张三）",
  "市委书记昨天在闵行区检查企业疫情防控和复工复产情况。",
  "要深入贯彻落实重要讲话精神，",
  "记者 李四",
  "（下转第3版）",
  "简讯",
  "上海公布五十条",
  "资料图片",
  "王五 摄",
  "要",
  "COVID-19 2022",
  "2022年6月1日 星期三 第2版 责任编辑 崔怡",
  "——",
  "“",
];

const lineArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));

const blockArb = fc.record({
  x: fc.integer({ min: 0, max: 3500 }),
  y: fc.integer({ min: 0, max: 5000 }),
  size: fc.constantFrom(8, 9, 10, 10.5, 11, 12, 15, 24, 30),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
  vertical: fc.boolean(),
});

const wordsOf = (doc: LayoutDocument) => doc.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => w.text).join(" ")))).join("\n");

describe("parseLayout properties", () => {
  it("never throws, gives a schema-valid Page and keeps every letter and digit of any page of blocks", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 14 }), (specs) => {
        const blocks: BlockSpec[] = specs.map((s, i) => ({
          id: `b${i}`,
          x: s.x,
          y: s.y,
          size: s.size,
          lines: s.vertical ? Array.from(s.lines[0]!.replace(/\s/gu, "")).slice(0, 8) : s.lines,
          vertical: s.vertical,
        }));
        const xml = altoPage(blocks.filter((b) => b.lines.length > 0));
        const doc = readAlto(xml, "prop.alto.xml");
        const [page] = parseLayout(doc, { sourceName: "prop.alto.xml", sha256: createHash("sha256").update(xml).digest("hex"), format: "alto" });
        const parsed = PageSchema.safeParse(page);
        expect(parsed.success, parsed.success ? "" : parsed.error.message).toBe(true);
        expect(page!.diagnostics.filter((d) => d.code === "parser-error")).toEqual([]);
        expect(missingLetters(wordsOf(doc), page!)).toEqual(new Map());
        for (const s of page!.articles.flatMap((a) => a.spans)) {
          expect(s.start).toBeLessThan(s.end);
          expect(s.end).toBeLessThanOrEqual(xml.length);
          expect(s.bbox).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });
});
