import { describe, expect, it } from "vitest";
import { readAlto } from "../../src/layout/alto.js";
import { placeLines } from "../../src/layout/placed.js";
import { bodySize, buildPieces } from "../../src/layout/roles.js";
import { altoPage, wrap, type BlockSpec } from "./alto-builder.js";

/** The pieces of a one-page ALTO document, as kind and text. */
function piecesOf(blocks: BlockSpec[]): [string, string][] {
  const doc = readAlto(altoPage(blocks), "page.alto.xml");
  const lines = placeLines(doc.pages[0]!).lines;
  return buildPieces(lines, bodySize(lines)).map((p) => [p.unit.kind, p.unit.lines.map((l) => l.text).join("")]);
}

const TEXT = wrap(["在疫情防控分秒必争的关键时刻，上海民营企业响应号召，组建突击队参与基层社区对口保供，形成抗击疫情的强大合力。"], 12);

describe("layout roles: body-size lines in a block of their own", () => {
  it("reads two unpunctuated lines, the second under half as wide, as a subhead wrapped at the column", () => {
    const pieces = piecesOf([
      { id: "c1", x: 100, y: 100, size: 10, lines: TEXT },
      { id: "sub", x: 100, y: 700, size: 10, lines: ["迅速释放潜能提升保供能", "力"] },
    ]);
    expect(pieces).toContainEqual(["heading", "迅速释放潜能提升保供能力"]);
  });

  it("reads two lines ending a paragraph (its mark on the short line) as text", () => {
    const pieces = piecesOf([
      { id: "c1", x: 100, y: 100, size: 10, lines: TEXT },
      { id: "end", x: 100, y: 700, size: 10, lines: ["坚决打赢大上海保卫战的胜", "利。"] },
    ]);
    expect(pieces).toContainEqual(["body", "坚决打赢大上海保卫战的胜利。"]);
  });

  it("reads a lone line holding a comma as text, not as a subhead: a clause of running text", () => {
    const pieces = piecesOf([
      { id: "c1", x: 100, y: 100, size: 10, lines: TEXT },
      { id: "lone", x: 100, y: 700, size: 10, lines: ["梁万年表示，坚持无症状"] },
      { id: "sub", x: 100, y: 800, size: 10, lines: ["恢复跨省运力"] },
    ]);
    expect(pieces).toContainEqual(["body", "梁万年表示，坚持无症状"]);
    expect(pieces).toContainEqual(["heading", "恢复跨省运力"]);
  });
});
