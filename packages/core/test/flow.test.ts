import { describe, expect, it } from "vitest";
import { buildFlow } from "../src/pipeline/flow.js";
import { reclassifyFragments } from "../src/pipeline/fragments.js";
import { junctionOf, type Junction } from "../src/pipeline/junction.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { unitsOf } from "./helpers.js";

const FILLER = "民警终于在通往朔南大道的南环路上找到走失的刘某柱看着被冻发抖";
const row = (width: number, end = "") => FILLER.slice(0, width - end.length) + end;
/** A paragraph of full lines, the last one short and closed. */
const para = (lines: number, width = 20) => [...Array.from({ length: lines - 1 }, () => row(width, "，")), row(Math.floor(width / 2), "。")];

const flowOf = (lines: string[]) => buildFlow(reclassifyFragments(unitsOf(lines.join("\n")), () => 0), () => 0);
/** Each draft as the line numbers of its items, chained with the given junction evidence. */
const storyLines = (lines: string[], junction: Junction) =>
  buildFlow(reclassifyFragments(unitsOf(lines.join("\n")), junction), junction).drafts.map((d) => d.items.map((i) => i.unit.lines[0]!.lineNo));
/** Each draft as the line numbers of its items. */
const drafts = (lines: string[]) => flowOf(lines).drafts.map((d) => d.items.map((i) => [i.role, i.unit.lines[0]!.lineNo]));

describe("buildFlow", () => {
  it("chains the runs of one story across a blank line that cut a sentence", () => {
    expect(drafts([row(20, "，"), row(20), "", row(20, "，"), row(10, "。")])).toEqual([
      [
        ["body", 1],
        ["body", 4],
      ],
    ]);
  });

  it("gives a column cut mid-sentence to the open story whose last column is as deep, not to the shallower story just read", () => {
    const storyA = ["本报讯 " + row(17, "，"), ...Array.from({ length: 4 }, () => row(20, "，")), row(20)];
    const storyB = ["本报讯 " + row(17, "，"), row(20, "，"), row(20, "，"), row(20)];
    const column = [...Array.from({ length: 5 }, () => row(20, "，")), row(10, "。")];
    const page = [...storyA, "", "加快经济恢复全力稳住经济大盘", "", ...storyB, "", ...column];
    expect(storyLines(page, () => 0)).toEqual([[1, 15], [10]]);
  });

  it("takes no word across a cut between two whole words as a join: text cut after 为 goes on in the story just read, not after 身上", () => {
    // `干部身上` | `市民排忧`: 上市 is a word, but the cut falls between 身上 and 市民
    const storyA = ["本报讯近日，市信访办召开座谈", "会，总结疫情期间的信访工作。", "会上大家谈到最多的是干部身上"];
    const storyB = ["本报讯昨天，区里组织志愿者走", "进社区，帮助老人采购生活物资", "。志愿者们表示，千方百计为"];
    // (one line, as a paragraph's end pushed to the next column: only a join can carry it to another story)
    const column = ["市民排忧解难。"];
    const page = [...storyA, "", "志愿服务暖人心", "", ...storyB, "", ...column];
    const lexicon = new PageLexicon(page);
    expect(storyLines(page, junctionOf(lexicon))).toEqual([[1], [7, 11]]);
  });

  it("reads on past a jump line printed before the story's last column when that column is as deep as the one before it", () => {
    const story = ["本报讯 " + row(17, "，"), ...Array.from({ length: 4 }, () => row(20, "，")), row(20)];
    const lastColumn = [...Array.from({ length: 5 }, () => row(20, "，")), row(10, "。")];
    expect(storyLines([...story, "", "（下转第3版）", "", ...lastColumn], () => 0)).toEqual([[1, 10]]);
    // a shallower column after the jump line is another story's
    expect(storyLines([...story, "", "（下转第3版）", "", ...lastColumn.slice(2)], () => 0)).toEqual([[1], [10]]);
  });

  it("starts a new story at an indented paragraph printed right after text cut mid-sentence, when it is set in another width", () => {
    const cut = ["本报讯 " + row(17, "，"), row(20, "，"), row(20, "，"), row(20)];
    const paragraph = (width: number) => [row(width - 2, "，"), row(width, "，"), row(width, "，"), row(8, "。")];
    expect(storyLines([...cut, "", ...paragraph(16)], () => 0)).toEqual([[1], [6]]);
    // in the very same width the indent may be misread: the story goes on
    expect(storyLines([...cut, "", ...paragraph(20)], () => 0)).toEqual([[1, 6]]);
  });

  it("starts a new story at text that begins mid-sentence right after a closed sentence, in another width", () => {
    const closed = ["本报讯 " + row(17, "，"), row(20, "，"), row(20, "，"), row(20, "，"), row(20, "。")];
    const column = (width: number) => [row(width, "，"), row(width, "，"), row(width, "，"), row(width, "，"), row(8, "。")];
    expect(storyLines([...closed, "", ...column(16)], () => 0)).toEqual([[1], [7]]);
    // the very same column, as deep: the column ended between two sentences of one paragraph
    expect(storyLines([...closed, "", ...column(20)], () => 0)).toEqual([[1, 7]]);
  });

  it("continues a sentence cut by a heading in a text of one line only where the characters across the cut join", () => {
    // `…保市` / heading / `场主体…`: the headline belongs to another story, the line goes on in this one
    const cut = ["本报讯 " + row(17, "，"), row(20, "，"), row(18) + "保市", "", "加快经济恢复全力稳住经济大盘", "", "场主体作出更大的努力和贡献。"];
    const joined = (tail: string, head: string) => (tail.endsWith("市") && head.startsWith("场") ? 1 : 0);
    expect(storyLines(cut, joined)).toEqual([[1, 7]]);
    expect(storyLines(cut, () => 0)).toEqual([[1], [7]]);
  });

  it("reads on past a jump line printed before the story's last column when that column goes on with the cut sentence", () => {
    const cut = ["本报讯 " + row(17, "，"), row(20, "，"), row(18) + "稳住", "", "（紧转第8版）", "", "发展" + row(18, "，"), row(20, "，"), row(8, "。")];
    const joined = (tail: string, head: string) => (tail.endsWith("住") && head.startsWith("发") ? 1 : 0);
    expect(storyLines(cut, joined)).toEqual([[1, 7]]);
    expect(storyLines(cut, () => 0)).toEqual([[1], [7]]);
  });

  it("continues a story in text whose short first line closes a sentence only where the characters across the cut join", () => {
    // `…并完` / `成17.6万人核酸采样。`: the last line of a paragraph begun in the column before, or an indented one-line paragraph
    const cut = ["本报讯 " + row(17, "，"), row(20, "，"), row(18) + "并完", "", "彰显一方有难八方支援制度优势", "", "成17.6万人核酸采样已经全部顺利完成。", row(20, "，"), row(20, "，"), row(9, "。")];
    const joined = (tail: string, head: string) => (tail.endsWith("完") && head.startsWith("成") ? 1 : 0);
    expect(storyLines(cut, joined)).toEqual([[1, 7]]);
    expect(storyLines(cut, () => 0)).toEqual([[1], [7]]);
  });

  it("gives summary points printed right above a dateline to that story, not to an open story before them", () => {
    // the first story is cut mid-sentence; the points (no line ends a sentence) open the dateline story
    const points = [row(20), row(20), row(11), row(20), row(12)];
    const flow = drafts([...para(3).slice(0, 2), "", ...points, "", "本报讯 " + row(17, "，"), ...para(2)]);
    expect(flow).toEqual([
      [["body", 1]],
      [
        ["body", 4],
        ["body", 10],
      ],
    ]);
  });

  it("sets a caption closed by a photo credit on its last line apart from the story it is printed inside", () => {
    const caption = [row(30, "，"), row(12, "。") + " 记者 马飞宇 摄"];
    const open = [row(20, "，"), row(20, "，"), row(20, "，"), row(20, "，"), row(20)];
    expect(drafts([...open, "", ...caption, "", row(20, "，"), row(20, "，"), row(9, "。")])).toEqual([
      [
        ["body", 1],
        ["body", 10],
      ],
      [["body", 7]],
    ]);
  });

  it("starts a new story at a dateline after text cut at a column's foot, which no line of ends a sentence but is no deck", () => {
    // full lines to the last: a deck's last point stops short of the column
    const cut = [row(20, "，"), row(20), row(20, "，"), row(20), row(20, "，"), row(20)];
    expect(drafts([...cut, "", "本报讯 " + row(17, "，"), ...para(2)])).toHaveLength(2);
  });

  it("keeps a deck whose points print in boxes of different widths together, in front of its dateline", () => {
    // (runs of more lines than a heading has, so they are body text)
    const wide = [row(30), row(30), row(30), row(30), row(26)];
    const narrow = [row(22), row(22), row(22), row(22), row(16)];
    const flow = drafts([...para(3), "", ...wide, ...narrow, "本报讯 " + row(17, "，"), ...para(2), "", ...para(3)]);
    expect(flow.map((d) => d.map((i) => i[1]))).toEqual([[1], [5, 10, 15, 19]]);
  });

  it("keeps a letter's signers and date, printed right under its text, as the letter's end", () => {
    const flow = flowOf([...para(3), "中共上海市委", "上海市人民政府", "2022 年 6 月 1 日"]);
    expect(flow.drafts[0]!.items.map((i) => [i.role, i.unit.lines[0]!.lineNo])).toEqual([
      ["body", 1],
      ["body", 4],
    ]);
    expect(flow.gaps.flatMap((g) => g.units)).toEqual([]);
  });

  it("gives a continuation to the open story set in the very same column width, though another was read since", () => {
    // stories side by side: A in columns of 20, B of 19; A's next column comes after B's first
    const storyA = ["本报讯 " + row(17, "，"), row(20, "，"), row(20)];
    const storyB = ["本报讯 " + row(16, "，"), row(19, "，"), row(19)];
    const rest = [row(20, "，"), row(20, "，"), row(10, "。")];
    expect(drafts([...storyA, "", ...storyB, "", ...rest]).map((d) => d.map((i) => i[1]))).toEqual([[1, 9], [5]]);
  });

  it("gives a continuation to the story just read when two open stories share its column width and no word joins them", () => {
    const storyA = ["本报讯 " + row(17, "，"), row(20, "，"), row(20)];
    const storyB = ["本报讯 " + row(17, "，"), row(20, "，"), row(20)];
    const rest = [row(20, "，"), row(20, "，"), row(10, "。")];
    expect(drafts([...storyA, "", ...storyB, "", ...rest]).map((d) => d.map((i) => i[1]))).toEqual([[1], [5, 9]]);
  });

  it("gives a continuation to the open story whose words it repeats, when two open stories share its column width and no word joins them", () => {
    // lines of 20 characters cut from one text: a story's columns are set full width
    const lines = (text: string, n: number) => Array.from({ length: n }, (_, k) => text.slice(20 * k, 20 * k + 20));
    const search = "民警接到报警后立即在南环路沿线搜寻走失老人刘某柱，刘某柱的家属说老人患有阿尔茨海默病，民警调取南环路监控发现刘某柱向朔南大道方向走去，";
    const tests = "核酸检测采样点今天起延长服务时间，市民可在社区采样点排队完成核酸检测，采样点工作人员提醒市民佩戴口罩保持距离，核酸检测结果当日可查询，";
    const found = "民警沿南环路一路寻找，终于在朔南大道找到刘某柱，刘某柱被冻得发抖，民警把外套披在老人身上，又联系家属把老人接回家中，家属向民警连声道谢，";
    const closed = ["本报讯 " + row(17, "，"), row(20, "，"), row(10, "。")];
    const page = [...closed, "", "本报讯 " + search.slice(0, 17), ...lines(search.slice(17), 2), "", "本报讯 " + tests.slice(0, 17), ...lines(tests.slice(17), 2), "", ...lines(found, 3), found.slice(60, 66) + "。"];
    expect(storyLines(page, () => 0)).toEqual([[1], [5, 13], [9]]);
  });

  it("starts a new story at a dateline", () => {
    expect(drafts([...para(3), "本报讯（记者 武跃林）近日，市公安局组织开展冬", ...para(2)])).toHaveLength(2);
  });

  it("starts a new story after a byline line, and after a byline closing the last line", () => {
    expect(drafts([...para(3), "记者 武跃林", ...para(3)])).toHaveLength(2);
    expect(drafts([row(20, "，"), row(8, "。") + " 何永航", "", ...para(3)])).toHaveLength(2);
  });

  it("never goes on with a story its own last line signed, even in the column width it was set in", () => {
    const signed = [row(20, "，"), row(20, "，"), row(8, "。") + "（记者 倪佳萱）"];
    const wide = ["本报讯 " + row(26, "，"), row(30, "，"), row(30, "，"), row(12, "。")];
    const next = [row(20), row(20, "，"), row(20, "，"), row(9, "。")];
    expect(drafts([...signed, "", ...wide, "", "救助走失智障男子", "", ...next])).toHaveLength(3);
  });

  it("keeps a one-line heading between two runs of one column, after a paragraph end, as a subhead", () => {
    expect(drafts([...para(3), "", "送抑郁女子回家", ...para(3)])).toEqual([
      [
        ["body", 1],
        ["subhead", 5],
        ["body", 6],
      ],
    ]);
  });

  it("starts a new story under a headline with its subtitle, though the text is set in an earlier story's column width", () => {
    const earlier = para(4, 14);
    const wide = ["本报讯 " + row(26, "，"), row(30, "，"), row(12, "。")];
    const under = [row(14, "，"), row(14, "，"), row(14, "，"), row(6, "。")];
    const page = (head: string[]) => [...earlier, "", ...wide, "", ...head, "", ...under];
    // a heading alone: the extractor read across the page, the text goes on in the earlier story
    expect(drafts(page(["保持不动摇不放松就一定能战胜疫情"]))).toHaveLength(2);
    expect(drafts(page(["保持不动摇不放松就一定能战胜疫情", "——访社区工作者和志愿者"]))).toHaveLength(3);
  });

  it("goes on, after a heading, with the earlier story of the text's column width whose words it repeats, not only the latest", () => {
    const search = ["本报讯民警接到报警后立即在南", "环路沿线搜寻走失老人刘某柱，", "刘某柱的家属说老人患有阿尔茨", "海默病，已经走失了一整夜。"];
    const tests = ["本报讯核酸检测采样点今天起延", "长服务时间，市民可以在社区采", "样点排队完成核酸检测，采样点", "工作人员提醒市民戴口罩。"];
    const wide = ["本报讯 " + row(26, "，"), row(30, "，"), row(12, "。")];
    const found = ["民警沿南环路一路寻找刘某", "柱，终于在朔南大道找到了走失", "的刘某柱，家属向民警连声道谢", "，老人已经平安到家。"];
    const page = [...search, "", ...tests, "", ...wide, "", "保持不动摇不放松就一定能战胜疫情", "", ...found];
    expect(storyLines(page, () => 0)).toEqual([[1, 17], [6], [11]]);
  });

  it("goes on with an earlier story's column only within a page's worth of stories", () => {
    const earlier = para(4, 14);
    const wide = (n: number) => Array.from({ length: n }, () => ["", "本报讯 " + row(26, "，"), row(30, "，"), row(12, "。")]).flat();
    const under = [row(14, "，"), row(14, "，"), row(14, "，"), row(6, "。")];
    const page = (stories: number) => [...earlier, ...wide(stories), "", "保持不动摇不放松就一定能战胜疫情", "", ...under];
    expect(drafts(page(3))).toHaveLength(4);
    // seventy stories later the text under the heading is a story of its own
    expect(drafts(page(70))).toHaveLength(72);
  });

  it("keeps a heading wrapped onto two lines within the column, between a paragraph end and the next paragraph, as a subhead", () => {
    const text = (heading: string[]) => [...para(3, 12), "", ...heading, "", "  " + row(10, "，"), row(12, "，"), row(5, "。")];
    expect(drafts(text(["高考中考设专用考试", "方舱和应急考场"])).map((d) => d.map((i) => i[0]))).toEqual([["body", "subhead", "body"]]);
    // wider than the column: a headline of a story set across the columns
    expect(drafts(text(["高考中考设专用考试方舱和应急", "考场与各区防疫措施"]))).toHaveLength(2);
  });

  it("keeps a subhead wrapped onto a second line printed as a box of its own (a blank line between) as one subhead where the characters across the cut join", () => {
    const text = [...para(3, 12), "", "集中隔离在当前形", "", "势下是必要的", "", "  " + row(10, "，"), row(12, "，"), row(5, "。")];
    const joins: Junction = (tail, head) => (tail.endsWith("形") && head.startsWith("势") ? 1 : 0);
    const flow = buildFlow(reclassifyFragments(unitsOf(text.join("\n")), joins), joins);
    expect(flow.drafts.map((d) => d.items.map((i) => [i.role, i.unit.lines.map((l) => l.text).join("")]))).toEqual([
      [
        ["body", expect.any(String)],
        ["subhead", "集中隔离在当前形势下是必要的"],
        ["body", expect.any(String)],
      ],
    ]);
    // no join across the cut: two headings, a kicker and a headline of another story
    expect(drafts(text)).toHaveLength(2);
  });

  it("starts a new story after two headings (a headline and its kicker)", () => {
    const flow = flowOf([...para(3), "", "市妇联：", "闻令动 显真情 铸忠诚", ...para(3)]);
    expect(flow.drafts).toHaveLength(2);
    expect(flow.gaps.map((g) => g.units.map((u) => u.lines[0]!.text))).toEqual([[], ["市妇联：", "闻令动显真情铸忠诚"], []]);
    expect(flow.gaps[1]!.prev).toBe(flow.drafts[0]);
    expect(flow.gaps[1]!.next).toBe(flow.drafts[1]);
  });

  it("closes a story signed right after its text, and keeps running heads as furniture", () => {
    const flow = flowOf(["2022年6月1日 星期三 第2版 责任编辑 崔怡", "", ...para(3), "记者 武跃林", ...para(3)]);
    expect(flow.furniture.map((u) => u.kind)).toEqual(["furniture"]);
    expect(flow.drafts[0]!.closed).toBe(true);
    expect(flow.drafts[1]!.closed).toBe(false);
  });

  it("gives one gap and no draft for a page without body text", () => {
    const flow = flowOf(["救助走失智障男子"]);
    expect(flow.drafts).toEqual([]);
    expect(flow.gaps).toHaveLength(1);
    expect(flow.gaps[0]).toMatchObject({ prev: null, next: null });
  });
});
