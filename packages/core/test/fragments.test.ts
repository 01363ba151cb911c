import { describe, expect, it } from "vitest";
import { joinWrappedHeadings, reclassifyFragments, reclassifyOpenQuotes } from "../src/pipeline/fragments.js";
import { unitHeadingText } from "../src/pipeline/unit-text.js";
import type { Junction } from "../src/pipeline/junction.js";
import { unitsOf } from "./helpers.js";

const kinds = (text: string, junction: Junction = () => 0) =>
  reclassifyFragments(unitsOf(text), junction).map((u) => [u.kind, u.lines.map((l) => l.lineNo)]);

const BODY = ["安分局沙塄河派出所报警称：11 月 30", "日下午，其智障儿子从家里出门后至今", "未归。值班民警接到求助后，立刻组织", "警力围绕上沙塄河村周边公路、村庄等"];

describe("reclassifyFragments", () => {
  it("makes a body fragment cut off by a blank line body text: as wide as the text after, with a comma", () => {
    expect(kinds(["12月1日15时许，一群众来朔城公", "", ...BODY].join("\n"))).toEqual([
      ["body", [1]],
      ["body", [3, 4, 5, 6]],
    ]);
  });

  it("makes a fragment without a comma body text when it joins the next text as a word of the page", () => {
    const text = ["此例患者的成功救援行动为全市", "", "治疗工作积累了经验，在我市防疫", "工作中具有重要意义，值得推广。"].join("\n");
    expect(kinds(text)[0]![0]).toBe("heading");
    expect(kinds(text, (tail, head) => (tail.endsWith("市") && head.startsWith("治") ? 1 : 0))[0]![0]).toBe("body");
  });

  it("keeps a headline with a comma printed under a column label a heading, however wide", () => {
    expect(kinds(["【记者观察】", "", "12月1日15时许，一群众来朔城公", "", ...BODY].join("\n"))).toEqual([
      ["label", [1]],
      ["heading", [3]],
      ["body", [5, 6, 7, 8]],
    ]);
  });

  it("keeps a headline with a comma printed inside a sentence a heading, when it does not go on with the text before it", () => {
    const before = ["本报讯（记者 邬林桦）奋战抗疫一线，筑牢防控", "屏障；深化“放管服”，用心为民解忧，实", "战疫情、助攻坚、防风险、保安全、护"];
    const text = [...before, "", "12月1日15时许，一群众来朔城公", "", ...BODY].join("\n");
    expect(kinds(text).map(([kind]) => kind)).toEqual(["body", "heading", "body"]);
    // a fragment that carries the sentence on is text
    expect(kinds(text, (tail, head) => (tail.endsWith("护") && head.startsWith("12") ? 1 : 0)).map(([kind]) => kind)).toEqual(["body", "body", "body"]);
  });

  it("keeps a full line that closes no sentence a heading over an indented paragraph, even with a comma or a join", () => {
    // a paragraph ends with a sentence's end, so the line cannot be the end of the paragraph before
    const para = ["家乐福古北店店长张瑞卿，已", "经在店里住了两个多月。这段时", "间，他的手机几乎24小时不离手，", "联华超市也尝到了数字化的甜头。"];
    expect(kinds(["保障供应，大型商超拿起数字化工具", "", ...para].join("\n"), () => 1)).toEqual([
      ["heading", [1]],
      ["body", [3, 4, 5, 6]],
    ]);
    // the paragraph's own first line, indented and cut off by a blank line, is still its text
    expect(kinds(["连日来，朔城区在临时管控", "", ...para].join("\n"), () => 1)[0]![0]).toBe("body");
  });

  it("keeps a narrow heading above the text a heading", () => {
    expect(kinds(["救助走失智障男子", "", ...BODY].join("\n"))).toEqual([
      ["heading", [1]],
      ["body", [3, 4, 5, 6]],
    ]);
  });

  it("makes the first text line under a heading body text when a blank line cut it off", () => {
    const text = ["送抑郁女子回家", "11月30日16时许，应县公安局金", "", "城派出所民警日常疫情巡逻至北四", "环附近，看见一女子孤身一人行走", "在路边野地里，走走停停的样子。"].join("\n");
    expect(kinds(text)).toEqual([
      ["heading", [1]],
      ["body", [2]],
      ["body", [4, 5, 6]],
    ]);
  });

  it("splits the last line off a two-line heading unit when it is the first line of the text", () => {
    const text = ["民警救助走失的智障男子", "11月30日16时许，应县公安局", "", "城派出所民警日常疫情巡逻至北四", "环附近，看见一女子孤身一人行走", "在路边野地里，走走停停的样子。"].join("\n");
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["heading", 2],
      ["body", 3],
    ]);
    const units = reclassifyFragments(unitsOf(text), () => 0);
    expect(units.map((u) => [u.kind, u.lines.map((l) => l.lineNo), u.blankBefore, u.blankAfter])).toEqual([
      ["heading", [1], true, false],
      ["body", [2], false, true],
      ["body", [4, 5, 6], true, true],
    ]);
  });

  it("keeps a wrapped headline as wide as the text after a heading: a fragment's last line is full", () => {
    const heads = ["推动惠企政策落地落实增强企业", "信心稳住经济大盘促进发展"];
    const text = ["市委副书记、市长龚正昨天主持召", "开市政府常务会议，要求深入贯彻", "习近平总书记重要讲话精神。按照"];
    expect(kinds([...heads, "", ...text].join("\n"))).toEqual([
      ["heading", [1, 2]],
      ["body", [4, 5, 6]],
    ]);
    // two full lines cut off by a blank line are text going on in the next box
    expect(kinds(["一群众来朔城公安分局沙塄河派出所", "报警称其智障儿子从家里出门后至今", "", ...text].join("\n"))[0]![0]).toBe("body");
  });
});

describe("joinWrappedHeadings", () => {
  const headings = (lines: string[]) => joinWrappedHeadings(unitsOf(lines.join("\n"))).map((u) => [u.kind, unitHeadingText(u)]);

  it("joins a heading cut by a blank line where a common word runs across the break", () => {
    expect(headings(["企业发展需求为列", "", "车“添动力”"])).toEqual([["heading", "企业发展需求为列车“添动力”"]]);
    expect(headings(["集中隔离在当前形", "", "势下是必要的"])).toEqual([["heading", "集中隔离在当前形势下是必要的"]]);
  });

  it("keeps apart headings that close, a kicker and its headline, a headline and its subtitle, and a wider second heading", () => {
    expect(headings(["市妇联：", "", "闻令动 显真情 铸忠诚"])).toHaveLength(2);
    expect(headings(["加快经济恢复全力稳住经济", "", "——各区推动经济恢复重振"])).toHaveLength(2);
    expect(headings(["复工复产", "", "产业链供应链有序运转"])).toHaveLength(2);
    expect(headings(["保障供应，", "", "大型商超拿起数字化工具"])).toHaveLength(2);
  });
});

describe("reclassifyOpenQuotes", () => {
  const shapes = (lines: string[]) => reclassifyOpenQuotes(unitsOf(lines.join("\n"))).map((u) => [u.kind, u.lines.map((l) => l.text)]);

  it("makes a heading-like unit that opens a quote it never closes body text", () => {
    expect(shapes(["", "“我高血压的药没", "了，药送不进来怎么", ""])).toEqual([["body", ["“我高血压的药没", "了，药送不进来怎么"]]]);
    expect(shapes(["", "二是当好“监督", ""])).toEqual([["body", ["二是当好“监督"]]]);
  });

  it("cuts the first line of such text off the heading printed right over it", () => {
    expect(shapes(["", "筑牢疫情防控屏障", "“我高血压的药没", ""])).toEqual([
      ["heading", ["筑牢疫情防控屏障"]],
      ["body", ["“我高血压的药没"]],
    ]);
  });

  it("keeps headings whose quotes and brackets close", () => {
    expect(shapes(["", "“12·4”宪法宣传与防疫同行", ""])).toEqual([["heading", ["“12·4”宪法宣传与防疫同行"]]]);
    expect(shapes(["", "不仅有“力度”更有“温度”", ""])).toEqual([["heading", ["不仅有“力度”更有“温度”"]]]);
  });
});
