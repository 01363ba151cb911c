import { describe, expect, it } from "vitest";
import { assignGaps, attachStrayLabels, bound, isKickerText, isSubtitleOf, isSubtitleText, matchHeadings, pairSideBySideHeads } from "../src/pipeline/assign.js";
import { buildFlow, type Draft } from "../src/pipeline/flow.js";
import { reclassifyFragments } from "../src/pipeline/fragments.js";
import { junctionOf } from "../src/pipeline/junction.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { splitLines } from "../src/pipeline/lines.js";
import { buildUnits } from "../src/pipeline/units.js";
import { unitHeadingText } from "../src/pipeline/unit-text.js";
import { unitsOf } from "./helpers.js";

/** Runs the stages before assignment, as parseText does. */
function stage(lines: string[]) {
  const all = splitLines(lines.join("\n"));
  const lexicon = new PageLexicon(all.map((l) => l.text));
  const junction = junctionOf(lexicon);
  const flow = buildFlow(reclassifyFragments(buildUnits(all), junction), junction);
  const docOf = new Map<Draft, number>();
  for (const d of flow.drafts) docOf.set(d, lexicon.addDocument(d.items.map((i) => i.unit.lines.map((l) => l.text).join("")).join("")));
  return { flow, lexicon, docOf };
}
const headings = (units: { kind: string }[]) => units.filter((u) => u.kind === "heading" || u.kind === "vertical").map((u) => unitHeadingText(u as never));

const STORY_A = ["全市各社区广泛发动群众参与环境卫生整治，清理", "卫生死角，营造干净整洁的人居环境，让居民群众", "在参与中受益，在受益中参与，人人参与。"];
const STORY_B = ["本报讯 民警终于在通往朔南大道的南环路上找到走失的刘", "某柱，看着被冻发抖的刘某柱，民警立即将其扶上", "警车，救助走失智障男子的民警受到称赞。"];

describe("kicker and subtitle text", () => {
  it("a kicker ends with a colon or a dash, a subtitle starts with a dash", () => {
    expect(isKickerText("市妇联：")).toBe(true);
    expect(isKickerText("让这场战疫斗争——")).toBe(true);
    expect(isKickerText("闻令动 显真情 铸忠诚")).toBe(false);
    expect(isSubtitleText("——记朔州市公安局民警")).toBe(true);
    expect(isSubtitleText("记朔州市公安局民警")).toBe(false);
  });

  it("bound keeps a kicker with its headline, a headline with its subtitle, a label with its heading", () => {
    const [kicker, headline, subtitle] = unitsOf("市妇联：\n\n闻令动 显真情 铸忠诚\n\n——记市妇联的志愿者们");
    expect(bound(kicker!, headline!)).toBe(true);
    expect(bound(headline!, subtitle!)).toBe(true);
    expect(isSubtitleOf(headline!, subtitle!)).toBe(true);
    const [label, heading] = unitsOf("短 评\n\n人人参与 人人受益");
    expect(bound(label!, heading!)).toBe(true);
    expect(bound(heading!, label!)).toBe(false);
    const [a, b] = unitsOf("人人参与 人人受益\n\n救助走失智障男子");
    expect(bound(a!, b!)).toBe(false);
  });

  it("a long line with commas under a headline is its subtitle, even on one line wider than a column", () => {
    const [headline, subtitle] = unitsOf("恢复小区出入公交运营机动车通行\n\n希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园\n");
    expect(subtitle!.kind).toBe("heading");
    expect(isSubtitleOf(headline!, subtitle!)).toBe(true);
  });
});

describe("assignGaps", () => {
  it("gives heads and a byline printed before the next column of a story that has its headline to the story before them", () => {
    // A: headline, a column that stops mid-sentence; B: text, then its heads printed after it;
    // then A goes on. The heads share no words with either story.
    const a1 = ["在控得住前提下加快经济恢复重振", "本报讯 市委常委会昨晚举行会议，深入学习", "贯彻习近平总书记重要讲话精神，坚决打赢", "大上海保卫战，全力做到疫情要防住、经济要稳"];
    const b = ["本报讯 市委副书记、市长龚正昨天主持召开", "市政府常务会议，要求加快有序复工复产复市，", "逐步扩大企业、市场的恢复范围。"];
    const a2 = ["住、发展要安全。会议指出，要坚持两手抓", "两手硬，把握好控和放的平衡，推动经济", "恢复重振取得新成效。"];
    const { flow, lexicon, docOf } = stage([...a1, "", ...b, "", "展现积极姿态 迅速扭转预期", "", "本报记者 何永航", "", ...a2]);
    expect(flow.drafts.map((d) => d.items.map((i) => i.unit.lines[0]!.lineNo))).toEqual([[2, 14], [6]]);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(headings(flow.drafts[0]!.leaders)).toEqual(["在控得住前提下加快经济恢复重振"]);
    expect(headings(flow.drafts[1]!.trailers)).toEqual(["展现积极姿态 迅速扭转预期"]);
    expect(flow.drafts[1]!.trailers.map((u) => u.kind)).toEqual(["heading", "byline"]);
  });

  it("gives the headings of a gap to the story whose words they share", () => {
    const { flow, lexicon, docOf } = stage(["人人参与 人人受益", ...STORY_A, "", "救助走失智障男子", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    expect(follow).toBe(false);
    expect(headings(flow.drafts[0]!.leaders)).toEqual(["人人参与 人人受益"]);
    expect(headings(flow.drafts[1]!.leaders)).toEqual(["救助走失智障男子"]);
  });

  it("learns that a page prints headings after their stories", () => {
    const { flow, lexicon, docOf } = stage([...STORY_A, "", "人人参与 人人受益", "", ...STORY_B, "", "救助走失智障男子"]);
    expect(flow.drafts).toHaveLength(2);
    expect(assignGaps(flow.gaps, lexicon, docOf)).toBe(true);
    expect(headings(flow.drafts[0]!.trailers)).toEqual(["人人参与 人人受益"]);
    expect(headings(flow.drafts[1]!.trailers)).toEqual(["救助走失智障男子"]);
  });

  it("learns that a page prints headings before their stories from the heads printed before any text, though a heading between shares the words of the story before it", () => {
    const lines = ["文明城市创建——", "", "干净整洁家园", "", ...STORY_A, "", "人人参与 人人受益", "", ...STORY_B];
    const { flow, lexicon, docOf } = stage(lines);
    expect(flow.drafts).toHaveLength(2);
    expect(assignGaps(flow.gaps, lexicon, docOf)).toBe(false);
    expect(headings(flow.drafts[0]!.leaders)).toEqual(["文明城市创建——", "干净整洁家园"]);
  });

  it("gives a byline printed right after a story to that story", () => {
    const { flow, lexicon, docOf } = stage([...STORY_A, "记者 武跃林", "救助走失智障男子", ...STORY_B]);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.kind)).toEqual(["byline"]);
    expect(headings(flow.drafts[1]!.leaders)).toEqual(["救助走失智障男子"]);
  });

  it("gives a byline printed after text that stops mid-sentence to the next story, though the first story ends signed later", () => {
    // A's first column stops mid-sentence; the byline over B; then A's last column, closed
    const a1 = ["本报讯 当战“疫”号角再次吹响，市妇联党员干部", "职工闻令而动、依令而行，全力投入疫情防控第一", "线，用真心真情守护群众安全健康。刘虹主席不畏风"];
    const a2 = ["险、迎难而上，毅然决然选择了这个小区，书写出", "让党委和群众满意的战疫答卷。"];
    const b = ["近日，朔城区连续公布三批无疫小区名单，", "充分发挥居民在疫情防控中的重要作用，努力营", "造联防联控、群防群控的良好氛围，全力打赢疫", "情防控歼灭战。"];
    const { flow, lexicon, docOf } = stage([...a1, "", "本报记者 王慧玲", "", ...b, "", ...a2]);
    expect(flow.drafts).toHaveLength(2);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.kind)).toEqual([]);
    expect(flow.drafts[1]!.leaders.map((u) => u.kind)).toEqual(["byline"]);
  });

  it("gives a photo credit printed right under a short caption to the caption, though the caption ends no sentence", () => {
    const caption = ["强化责任意识、自律意识，人人当好个人防护第一责任人，切实做到", "从“要我防”到“我要防”，把防控网织得更密更牢"];
    const { flow, lexicon, docOf } = stage([...caption, "聂璐 摄", "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.kind)).toEqual(["credit"]);
    expect(flow.drafts[1]!.leaders).toEqual([]);
  });

  it("gives a byline printed under a photo credit to the next story: the credit signs the caption", () => {
    const caption = ["强化责任意识、自律意识，人人当好个人防护第一责任人，切实做到", "从“要我防”到“我要防”，把防控网织得更密更牢。"];
    const b = ["近日，朔城区连续公布三批无疫小区名单，", "充分发挥居民在疫情防控中的重要作用，努力营", "造联防联控、群防群控的良好氛围。"];
    const { flow, lexicon, docOf } = stage([...caption, "", "记者 丁海云 摄", "", "本报记者 宰飞 俱鹤飞", "", ...b]);
    expect(flow.drafts).toHaveLength(2);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.kind)).toEqual(["credit"]);
    expect(flow.drafts[1]!.leaders.map((u) => u.kind)).toEqual(["byline"]);
  });

  it("gives a byline printed under a story's bracketed closing signature to the next story", () => {
    const { flow, lexicon, docOf } = stage([...STORY_A, "", "（记者 薛礼伟）", "", "记者 翟红冰 通讯员 王慧玲", "", ...STORY_B]);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.lines[0]!.text)).toEqual(["（记者薛礼伟）"]);
    expect(flow.drafts[1]!.leaders.map((u) => u.lines[0]!.text)).toEqual(["记者翟红冰通讯员王慧玲"]);
  });

  it("gives a byline printed after a story's jump line to the next story: the jump line ends the part printed here", () => {
    const { flow, lexicon, docOf } = stage([...STORY_A, "", "（下转第7版）", "", "本报记者 沈冰", "", "救助走失智障男子", ...STORY_B]);
    assignGaps(flow.gaps, lexicon, docOf);
    expect(flow.drafts[0]!.trailers.map((u) => u.kind)).toEqual(["jump"]);
    expect(flow.drafts[1]!.leaders.map((u) => u.kind)).toEqual(["byline", "heading"]);
  });
});

describe("matchHeadings", () => {
  it("weighs a headline only against stories near its own: one printed a page's worth of stories away is not its story", () => {
    // 70 short reports between the headline and the story whose words it shares (an input of many pages)
    const reports = Array.from({ length: 70 }, (_, i) => [`本报讯 本市第${i + 1}期天气会商今日举行，气温适宜，市民出行方便。`, "记者 武跃林"]).flat();
    const near = stage(["救助走失智障男子", "", ...STORY_A, "记者 武跃林", ...reports.slice(0, 20), ...STORY_B]);
    const far = stage(["救助走失智障男子", "", ...STORY_A, "记者 武跃林", ...reports, ...STORY_B]);
    for (const [{ flow, lexicon, docOf }, storyB] of [[near, 11], [far, 71]] as const) {
      expect(flow.drafts).toHaveLength(storyB + 1);
      const matched = matchHeadings(flow.drafts, lexicon, docOf, assignGaps(flow.gaps, lexicon, docOf));
      const headline = storyB === 11 ? ["救助走失智障男子"] : undefined;
      expect(matched.get(flow.drafts[storyB]!)?.map(unitHeadingText)).toEqual(headline);
    }
  });

  it("moves a headline printed next to the wrong story to the story that shares its words", () => {
    // both headlines printed above the first story, as in a row of headlines
    const { flow, lexicon, docOf } = stage(["救助走失智障男子", "", "人人参与 人人受益", ...STORY_A, "记者 武跃林", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[0]!)?.map(unitHeadingText)).toEqual(["人人参与 人人受益"]);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子"]);
  });

  it("matches a headline by its own words, not by a subtitle that speaks of another story's subject", () => {
    const subtitle = "——全市各社区广泛发动群众参与环境卫生整治，清理卫生死角";
    // story A's own headline shares no words with it; B's subtitle shares many with A
    const { flow, lexicon, docOf } = stage(["城乡面貌焕然一新", "", ...STORY_A, "", "救助走失智障男子", subtitle, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[0]!)).toBeUndefined();
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子", subtitle]);
  });

  it("puts a kicker printed alone inside another story's sentence above the headline of the story that shares its words", () => {
    const a1 = ["本报讯 民警终于在通往朔南大道的南环路上找到走失的", "刘某柱，看着被冻发抖的刘某柱，民警立即将其扶上警"];
    const a2 = ["车，将面包和热水递到他手中，并第一时间联系了其父", "母，两位老人连声道谢。"];
    const b = ["本报讯 连日来，朔州经济开发区纪检监察工委干部闻令而动，", "下沉社区一线，全力投入疫情防控，站出来沉下去奔一线。"];
    const { flow, lexicon, docOf } = stage([...a1, "", "朔州经济开发区纪检监察工委：", "", ...a2, "", "站出来 沉下去 奔一线", "", ...b]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["朔州经济开发区纪检监察工委：", "站出来 沉下去 奔一线"]);
    expect(flow.drafts[1]!.leaders.map(unitHeadingText)).toContain("朔州经济开发区纪检监察工委：");
  });

  it("puts a kicker printed alone inside another story's sentence, sharing no words, above the headline of the next story", () => {
    const a1 = ["本报讯 民警终于在通往朔南大道的南环路上找到走失的", "刘某柱，看着被冻发抖的刘某柱，民警立即将其扶上警"];
    const a2 = ["车，将面包和热水递到他手中，并第一时间联系了其父", "母，两位老人连声道谢。"];
    const b = ["本报讯 连日来，朔州经济开发区纪检监察工委干部闻令而动，", "下沉社区一线，全力投入疫情防控，站出来沉下去奔一线。"];
    const { flow, lexicon, docOf } = stage([...a1, "", "区市场监管局：", "", ...a2, "", "站出来 沉下去 奔一线", "", ...b]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["区市场监管局：", "站出来 沉下去 奔一线"]);
  });

  it("takes a kicker and the heading under it for the headline, not a heading printed between them and the text", () => {
    // the subhead shares some of the text's words (below the bar for a headline anywhere), the headline none
    const { flow, lexicon, docOf } = stage([...STORY_A, "", "市公安局：", "不仅有“力度”更有“温度”", "", "男子走失民警救助", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["市公安局：", "不仅有“力度”更有“温度”"]);
  });

  it("takes the heading printed over a story's byline for its headline, not the deck's label printed under it, whose words the text repeats", () => {
    const story = ["各层各级领导干部要主动关心企业、服务企业，发扬", "店小二精神，深入基层一线，倾听企业呼声，加快", "推动经济恢复重振，帮助企业排忧解难。"];
    const { flow, lexicon, docOf } = stage(["环境卫生整治人人参与", "", ...STORY_A, "", "加快经济恢复重振", "", "本报记者 郭梦雪", "", "发扬店小二精神", "", ...story]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["加快经济恢复重振"]);
  });

  it("gives a heading left beside a story headed already to the story printed right after it, which has none", () => {
    const story = ["民警终于在通往朔南大道的南环路上找到走失的刘某柱，", "看着被冻发抖的刘某柱，民警立即将其扶上警车送回家。"];
    // the heading shares words with story A (headed already), none with B, which is printed right after it
    const { flow, lexicon, docOf } = stage(["全市各社区广泛发动群众", "", ...STORY_A, "", "营造干净整洁人居环境", "", ...story]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[0]!)?.map(unitHeadingText)).toEqual(["全市各社区广泛发动群众"]);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["营造干净整洁人居环境"]);
  });

  it("moves the byline printed under a headline with it, away from the photo caption it was printed over", () => {
    const caption = ["民警将面包和热水递到他手中，", "并第一时间联系了其父母。", "通讯员 陈华 摄"];
    const { flow, lexicon, docOf } = stage(["救助走失智障男子", "", "本报记者 龙秀博", "", ...caption, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    matchHeadings(flow.drafts, lexicon, docOf, follow);
    const bylines = (d: Draft) => [...d.leaders, ...d.trailers].filter((u) => u.kind === "byline" || u.kind === "credit").map((u) => u.lines[0]!.text);
    expect(bylines(flow.drafts[0]!)).toEqual(["通讯员陈华摄"]);
    expect(bylines(flow.drafts[1]!)).toEqual(["本报记者龙秀博"]);
  });

  it("leaves the byline printed under a headline with a story that has no other", () => {
    const story = ["全市各社区广泛发动群众参与环境卫生整治，清理", "卫生死角，营造干净整洁的人居环境。"];
    const { flow, lexicon, docOf } = stage(["救助走失智障男子", "", "本报记者 龙秀博", "", ...story, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(flow.drafts[1]!.leaders.map(unitHeadingText)).toContain("救助走失智障男子");
    expect(flow.drafts[0]!.leaders.map((u) => u.kind)).toEqual(["byline"]);
  });

  it("takes a heading printed inside one story's sentence, sharing no words, for that story's side head when the story has no other", () => {
    // the headline set left of the story comes out after the story's first column, mid-sentence
    const a1 = ["本报讯 市委副书记、市长龚正昨天主持召开市政府常务会", "议，会议指出，当前"];
    const a2 = ["全市疫情防控工作已进入向常态化转换的阶段，要统筹", "抓好常态化疫情防控和经济恢复重振各项工作。"];
    const { flow, lexicon, docOf } = stage([...STORY_A, "", ...a1, "", "迅速扭转预期", "", ...a2, "", "救助走失智障男子", "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(3);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["迅速扭转预期"]);
    expect(matched.get(flow.drafts[2]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子"]);
  });

  it("puts a subtitle printed alone above a story's text under that story's headline, printed elsewhere", () => {
    const { flow, lexicon, docOf } = stage(["救助走失智障男子", "", ...STORY_A, "", "——记朔州市公安局民警", "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子", "——记朔州市公安局民警"]);
    expect(matched.get(flow.drafts[0]!)).toBeUndefined();
  });

  it("gives a heading left over beside a headed story, not right above its text, to the nearest story without a headline", () => {
    const { flow, lexicon, docOf } = stage(["迅速扭转预期", "", "人人参与 人人受益", "", ...STORY_A, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[0]!)?.map(unitHeadingText)).toEqual(["人人参与 人人受益"]);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["迅速扭转预期"]);
    // right above the text, it opens the text as a subhead
    const opening = stage(["人人参与 人人受益", "", "迅速扭转预期", "", ...STORY_A, "", ...STORY_B]);
    const openingMatched = matchHeadings(opening.flow.drafts, opening.lexicon, opening.docOf, assignGaps(opening.flow.gaps, opening.lexicon, opening.docOf));
    expect(openingMatched.get(opening.flow.drafts[1]!)).toBeUndefined();
  });

  it("leaves a column label printed over a story's text with that story when a heading printed inside the text moves away", () => {
    // the label tops story A; B's headline (set beside B) comes out inside A's sentence
    const a1 = ["本报讯 市委副书记、市长龚正昨天主持召开市政府常务会", "议，会议指出，当前"];
    const a2 = ["全市疫情防控工作已进入向常态化转换的阶段，要统筹", "抓好常态化疫情防控和经济恢复重振各项工作。"];
    const { flow, lexicon, docOf } = stage(["【简讯】", "", ...a1, "", "救助走失智障男子", "", ...a2, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子"]);
    const labels = (d: Draft) => d.leaders.filter((u) => u.kind === "label").map((u) => u.lines[0]!.text);
    expect(labels(flow.drafts[0]!)).toEqual(["【简讯】"]);
    expect(labels(flow.drafts[1]!)).toEqual([]);
  });

  it("gives no headline to a photo caption closed by a credit on its last line", () => {
    const caption = ["民警救助走失智障男子后将其扶上警车，将面包和热水递到他手中，", "并第一时间联系了其父母。在派出所，两位老人看到其儿子，激动", "地握住民警的手连声道谢 记者 马飞宇 摄"];
    const { flow, lexicon, docOf } = stage(["救助走失智障男子", "", ...caption, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    const follow = assignGaps(flow.gaps, lexicon, docOf);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, follow);
    expect(matched.get(flow.drafts[0]!)).toBeUndefined();
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["救助走失智障男子"]);
  });
});

describe("attachStrayLabels", () => {
  const a1 = ["本报讯 市委副书记、市长龚正昨天主持召开市政府常务会", "议，会议指出，当前全市疫情防控工作已进入向常态化", "转换的阶段，要统筹抓好常态化疫情防控和经济恢复"];
  const a2 = ["重振各项工作，全力以赴稳住经济大盘。会议强调，要", "前瞻谋划、强本固基，更好统筹下阶段疫情防控工作。"];
  const labels = (d: Draft) => [...d.leaders, ...d.trailers].filter((u) => u.kind === "label").map((u) => u.lines[0]!.text);

  it("gives a column label printed inside a story's text to the story of the next heading", () => {
    const { flow, lexicon, docOf } = stage([...a1, "", "【快讯】", "", ...a2, "", "救助走失智障男子", "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    matchHeadings(flow.drafts, lexicon, docOf, assignGaps(flow.gaps, lexicon, docOf));
    attachStrayLabels(flow.gaps, flow.drafts);
    expect(labels(flow.drafts[0]!)).toEqual([]);
    expect(labels(flow.drafts[1]!)).toEqual(["【快讯】"]);
  });

  it("leaves a label printed right under a vertical headline with that headline's story", () => {
    const vertical = ["救", "助", "走", "失", "智", "障", "男", "子"];
    const { flow, lexicon, docOf } = stage([...a1, "", ...vertical, "", "【快讯】", "", ...a2, "", "人人参与 人人受益", "", ...STORY_B]);
    matchHeadings(flow.drafts, lexicon, docOf, assignGaps(flow.gaps, lexicon, docOf));
    const holder = flow.drafts.find((d) => labels(d).length > 0);
    expect(holder).toBeDefined();
    attachStrayLabels(flow.gaps, flow.drafts);
    expect(flow.drafts.find((d) => labels(d).length > 0)).toBe(holder);
  });
});

describe("pairSideBySideHeads", () => {
  it("puts the kickers of two heads set side by side, printed row by row, back over their headlines in order", () => {
    const { flow, lexicon, docOf } = stage(["平鲁区：", "", "【基层直击】", "", "市商务委：", "", "人人参与 人人受益", "", "救助走失智障男子", "", ...STORY_A, "", ...STORY_B]);
    expect(flow.drafts).toHaveLength(2);
    assignGaps(flow.gaps, lexicon, docOf);
    pairSideBySideHeads(flow.drafts);
    const texts = (units: { kind: string }[]) => units.map((u) => (u.kind === "label" ? "label" : unitHeadingText(u as never)));
    expect(texts(flow.drafts[0]!.leaders)).toEqual(["平鲁区：", "人人参与 人人受益", "label", "市商务委：", "救助走失智障男子"]);
    const matched = matchHeadings(flow.drafts, lexicon, docOf, false);
    expect(matched.get(flow.drafts[0]!)?.map(unitHeadingText)).toEqual(["平鲁区：", "人人参与 人人受益"]);
    expect(matched.get(flow.drafts[1]!)?.map(unitHeadingText)).toEqual(["市商务委：", "救助走失智障男子"]);
  });
});

