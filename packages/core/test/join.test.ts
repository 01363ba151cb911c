import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import type { Draft } from "../src/pipeline/flow.js";
import { joinSplitStories } from "../src/pipeline/join.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import type { Unit } from "../src/pipeline/units.js";
import { unitsOf } from "./helpers.js";

const PART_ONE = ["家乐福古北店店长张瑞卿，已经在店里住", "了两个多月。为保障供应，他的手机几乎不", "离手，保供只能通过线上进行，大型商超都", "通过这场实战，拿起了实用的数字化工具。"];
const HEADLINE = "保障供应，大型商超拿起数字化工具";
const PART_TWO = ["疫情期间一直对接浦东三林等区域保供的联", "华超市，也尝到了数字化工具带来的甜头。", "团长转发至各小区团购群征集需求，预估订", "购数量，也十分便利。"];
const OTHER = ["本报讯 市委书记李强昨天在闵行区检查企业疫情防控和复工复产情况时指出，要深入贯彻落实。"];
const UNRELATED = ["市民游客纷纷来到公园赏花踏青，感受春天", "的气息，园内游人如织，一派热闹景象，各", "处景点井然有序，秩序良好，令人欣喜不已", "的是，游客都自觉佩戴口罩保持距离。"];

/** Two drafts as the flow leaves them: a signed part without headline, then a headed part without opener. */
function drafts(first: string[]) {
  const [byline, one] = unitsOf(["俱鹤飞", ...first].join("\n"));
  const [headline] = unitsOf(HEADLINE);
  const [two] = unitsOf(PART_TWO.join("\n"));
  const a: Draft = { items: [{ unit: one!, role: "body" }], leaders: [byline!], trailers: [], closed: false };
  const b: Draft = { items: [{ unit: two!, role: "body" }], leaders: [headline!], trailers: [], closed: false };
  const lexicon = new PageLexicon([...first, HEADLINE, ...PART_TWO, ...OTHER]);
  const text = (u: Unit) => u.lines.map((l) => l.text).join("");
  const docOf = new Map([
    [a, lexicon.addDocument(text(one!))],
    [b, lexicon.addDocument(text(two!))],
  ]);
  // a third story on the page, so that words weigh by how few stories use them
  lexicon.addDocument(OTHER.join(""));
  return { a, b, lexicon, docOf };
}

describe("joinSplitStories", () => {
  it("joins a signed part without headline to the headed part after it when the headline shares its words", () => {
    const { a, b, lexicon, docOf } = drafts(PART_ONE);
    const joined = joinSplitStories([a, b], new Map(), lexicon, docOf);
    expect(joined).toEqual([a]);
    expect(a.items).toHaveLength(2);
    expect(a.leaders.map((u) => u.kind)).toEqual(["byline", "heading"]);
  });

  it("keeps the parts apart when the headline shares no words with the first part", () => {
    const { a, b, lexicon, docOf } = drafts(UNRELATED);
    expect(joinSplitStories([a, b], new Map(), lexicon, docOf)).toEqual([a, b]);
  });

  it("joins the two parts of a dev page's story (cnki_106)", () => {
    const page = parseText(readFileSync(new URL("../../../corpus/dev/cnki_106.txt", import.meta.url), "utf8"));
    const story = page.articles.find((a) => a.headline === HEADLINE);
    expect(story?.byline?.raw).toBe("俱鹤飞");
    expect(story?.paragraphs[0]?.text.startsWith("家乐福古北店店长张瑞卿")).toBe(true);
  });
});
