import { describe, expect, it } from "vitest";
import { PageSchema, parseText } from "../src/index.js";
import { spansOf } from "../src/pipeline/lines.js";
import { linesOf, missingLetters } from "./helpers.js";

const STORY = [
  "本报讯（记者 薛礼伟 通讯员 杨娜）近日，市妇联组织开展志愿服务活",
  "动，广大妇女干部闻令而动，深入社区一线，协助开展核酸检测、",
  "信息登记等工作，展现了巾帼力量。连日来，志愿者们坚守岗位，",
  "不怕苦不怕累，用实际行动诠释了责任担当。",
];
const SECOND = [
  "全市各社区广泛发动群众参与环境卫生整治，清理卫生死角，",
  "营造干净整洁的人居环境，让居民群众在参与中受益，在受益",
  "中参与，共同守护美好家园，让群众更有获得感和安全感。 何永航",
];

const parse = (lines: string[]) => {
  const input = lines.join("\n");
  const page = PageSchema.parse(parseText(input, { sourceName: "t.txt" }));
  expect(missingLetters(input, page)).toEqual(new Map());
  return page;
};

describe("buildArticle (through parseText)", () => {
  it("names the column of a bracketed label without its brackets, and splits kicker, headline and subtitle printed as one block", () => {
    const a = parse(["【今日谈】", "市妇联：", "闻令动 显真情 铸忠诚", "——记巾帼志愿者", "", ...STORY]).articles[0]!;
    expect(a).toMatchObject({ column: "今日谈", kicker: "市妇联：", headline: "闻令动 显真情 铸忠诚", subheadline: "——记巾帼志愿者" });
  });

  it("reads a colon line printed right above text that opens with a dateline as the kicker, not a letter's salutation", () => {
    const a = parse(["闻令而动 展现巾帼力量", "", "市妇联：", ...STORY]).articles[0]!;
    expect(a).toMatchObject({ kicker: "市妇联：", headline: "闻令而动 展现巾帼力量", dateline: "本报讯" });
    expect(a.paragraphs[0]!.text.startsWith("近日，市妇联组织")).toBe(true);
  });

  it("reads a kicker right above dateline text that repeats its words, ending no sentence on its first lines, as the kicker, not a deck's label", () => {
    const story = ["本报讯（记者 叶豪秀）连日", "来，朔州经济开发区纪检监察工", "委干部积极响应号召，主动站出来、沉", "下去、奔一线。"];
    const a = parse(["站出来 沉下去 奔一线", "", "朔州经济开发区纪检监察工委：", ...story]).articles[0]!;
    expect(a).toMatchObject({ kicker: "朔州经济开发区纪检监察工委：", headline: "站出来 沉下去 奔一线", dateline: "本报讯" });
  });

  it("puts a kicker printed apart from its story's headline and subtitle over them, on the same side of the text", () => {
    const story = ["本报讯 市新冠肺炎疫情防控工作领导小组办公室决定，从6月1日起恢复小区出入。", "恢复小区出入后，恢复公交运营，恢复机动车通行，市民出行须遵守防疫规定。"];
    const page = parse([...STORY, "", "市卫健委：", "", "本报记者 严红嘉", "", "恢复小区出入公交运营", "——希望广大市民继续做好个人防护", "", ...story]);
    expect(page.articles).toHaveLength(2);
    const a = page.articles[1]!;
    expect(a).toMatchObject({ kicker: "市卫健委：", headline: "恢复小区出入公交运营", subheadline: "——希望广大市民继续做好个人防护" });
  });

  it("takes no second kicker printed between a kicker and the headline for the headline, nor for the subtitle", () => {
    const a = parse(["一手抓防控 一手抓发展——", "", "基层一线直击——", "", "闻令动 显真情 铸忠诚", "——记巾帼志愿者", "", ...STORY]).articles[0]!;
    expect(a).toMatchObject({ kicker: "一手抓防控 一手抓发展——", headline: "闻令动 显真情 铸忠诚", subheadline: "——记巾帼志愿者" });
  });

  it("keeps two names apart when a dateline's bracketed byline wraps between them, and joins a name cut in two", () => {
    const text = ["浦东看北蔡镇，浦西看梦花街，这是上海疫情防控两块硬骨头。"];
    const apart = parse(["苦战梦花街", "", "本报讯（记者 何永航", "洪秋）" + text[0]]).articles[0]!;
    expect(apart.byline?.reporters).toEqual(["何永航", "洪秋"]);
    const cut = parse(["苦战梦花街", "", "本报讯（记者 龙", "强 通讯员 唐涛静）" + text[0]]).articles[0]!;
    expect(cut.byline).toMatchObject({ reporters: ["龙强"], correspondents: ["唐涛静"] });
  });

  it("joins a role word cut by the line break inside a dateline's bracketed byline, parting no names there", () => {
    const text = "大力提升基层治理能力和水平，加强专业培训，完善激励机制。";
    const a = parse(["真正做到更有效控更主动放", "", "本报讯（记者 蔡敏晓 赵芳 通讯", "员周婷杰）" + text]).articles[0]!;
    expect(a).toMatchObject({ dateline: "本报讯", byline: { reporters: ["蔡敏晓", "赵芳"], correspondents: ["周婷杰"] } });
  });

  it("reads a dateline's bracketed byline wrapped between two names of three characters, which run together read as none", () => {
    const text = "最坚固的防线最坚实的依靠，在疫情袭来时，大家毅然扛起重担。";
    const a = parse(["苦战梦花街", "", "本报讯（记者 薛梅英", "周欣涵）" + text]).articles[0]!;
    expect(a).toMatchObject({ dateline: "本报讯", byline: { reporters: ["薛梅英", "周欣涵"] } });
    expect(a.paragraphs[0]!.text).toBe(text);
  });

  it("takes no second byline line for a story whose dateline's bracket names its reporters", () => {
    const a = parse(["苦战梦花街", "", "本报记者 武泽", "", ...STORY]).articles[0]!;
    expect(a.byline).toMatchObject({ reporters: ["薛礼伟"], correspondents: ["杨娜"] });
    // without names in the dateline, the byline line signs the story
    const plain = parse(["苦战梦花街", "", "本报记者 武泽", "", ...STORY.map((l) => l.replace("本报讯（记者 薛礼伟 通讯员 杨娜）", ""))]).articles[0]!;
    expect(plain.byline?.reporters).toEqual(["武泽"]);
  });

  it("reads a short colon kicker printed under its headline as the kicker", () => {
    const a = parse(["闻令动 显真情 铸忠诚", "市妇联：", "", ...STORY]).articles[0]!;
    expect(a).toMatchObject({ kicker: "市妇联：", headline: "闻令动 显真情 铸忠诚" });
  });

  it("takes a kicker and its headline for the head over a lone heading right above the text, which opens it as a subhead", () => {
    const story = ["本报讯 民警终于在通往朔南大道的南环路上找到走失的刘", "某柱，看着被冻发抖的刘某柱，民警立即将其扶上", "警车，将面包和热水递到他手中。"];
    const a = parse(["全力落实防疫措施，让这场战疫斗争——", "", "不仅有“力度”更有“温度”", "", "救助走失智障男子", "", ...story]).articles[0]!;
    expect(a).toMatchObject({ kicker: "全力落实防疫措施，让这场战疫斗争——", headline: "不仅有“力度”更有“温度”" });
    expect(a.paragraphs[0]).toMatchObject({ text: "救助走失智障男子", role: "subhead" });
  });

  it("puts a kicker and a subtitle printed apart from their headline (the running head between) around it", () => {
    const subtitle = "——希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园";
    const story = ["市疫情防控工作领导小组办公室昨天发布通告，全市住宅小区", "恢复出入，公共交通恢复运营，机动车恢复通行，市民生活逐", "步回到正轨。"];
    const page = parse(["恢复小区出入公交运营机动车通行", "", "2022年6月2日 星期四 第10版 责任编辑 唐乙隽", "", "一手抓防控 一手抓发展——", "", subtitle, "本报记者 朱艳婷", "", ...story]);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: "一手抓防控 一手抓发展——", headline: "恢复小区出入公交运营机动车通行", subheadline: subtitle });
    expect(page.articles[0]!.byline?.reporters).toEqual(["朱艳婷"]);
  });

  it("takes a lone colon kicker printed inside the text for the kicker of the story's headline, not for its headline", () => {
    const part1 = ["本报讯（记者 薛礼伟）今年12月4日是第九个国家宪法日。当日，", "市法学会结合疫情防控，走进马邑花园社区与抗疫志愿者一道开展", "宪法宣传活动，将法"];
    const part2 = ["律和疫情防控知识送到市民身边，进一步营造尊法学法守法用法的", "浓厚氛围，宪法宣传与防疫同行。"];
    const a = parse(["“12·4”宪法宣传与防疫同行", "", ...part1, "", "市法学会：", "", ...part2]).articles;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kicker: "市法学会：", headline: "“12·4”宪法宣传与防疫同行" });
  });

  it("gives a label and headline printed above a photo caption to the next story, with no headline: a photo takes none", () => {
    const caption = ["在市境道口，上海公安按照“逢厢必开、逢人必检”，严格核查离沪车辆驾乘人员核酸、抗原及离沪证明，查处车辆夹带", "无关人员等行为。随着复工复产有序推进，公安交警部门进一步增派警力保障物流通畅，助力恢复正常的生产生活秩序。", "向兰宇 摄"];
    const page = parse(["快讯", "", "用为民情怀，做好“送上门”的群众工作", "", ...caption, "", ...STORY]);
    expect(page.articles.map((a) => [a.kind, a.column, a.headline])).toEqual([
      ["photo", null, null],
      ["brief", "快讯", "用为民情怀，做好“送上门”的群众工作"],
    ]);
  });

  it("closes a story with a bracketed byline set right after its last sentence", () => {
    const a = parse([...SECOND.slice(0, 2), "中参与，共同守护美好家园，让群众更有获得感。（记者 倪佳萱）"]).articles[0]!;
    expect(a.byline?.reporters).toEqual(["倪佳萱"]);
    expect(a.paragraphs.at(-1)?.text.endsWith("获得感。")).toBe(true);
  });

  it("closes a story with a bracketed byline wrapped onto the last line of a narrow column", () => {
    const narrow = ["此例患者的成功救治，在", "我市尚属第二例。（记者 武跃", "林）"];
    const a = parse([...SECOND.slice(0, 2), ...narrow]).articles[0]!;
    expect(a.byline?.reporters).toEqual(["武跃林"]);
    expect(a.paragraphs.at(-1)?.text.endsWith("第二例。")).toBe(true);
    // the bracket opening and closing on the last line: no byline there (an aside), text kept
    const aside = parse([...SECOND.slice(0, 2), "此例患者的成功救治，在我市", "尚属第二例（朔州市）。"]).articles[0]!;
    expect(aside.byline).toBeNull();
  });

  it("gives a byline line between two stories to the next when the one before names its reporters in its dateline", () => {
    const next = ["市委副书记、市长龚正昨天为圆满", "顺利完成阶段性任务的天津市援沪", "医疗队送行，代表市委、市政府，", "向援沪医疗队致以崇高敬意。"];
    const page = parse([...STORY, "", "本报记者 孟群舒", "", ...next]);
    expect(page.articles.map((a) => a.byline?.reporters)).toEqual([["薛礼伟"], ["孟群舒"]]);
    // right under the last line, with no blank line between, it signs the text above all the same
    const under = parse([...STORY, "本报记者 孟群舒", "", ...next]);
    expect(under.articles.map((a) => a.byline?.reporters ?? null)).toEqual([["薛礼伟", "孟群舒"], null]);
  });

  it("leaves another story's headline and subtitle printed over a headed story out of its text, not opening it as subheads", () => {
    const text = [
      "本报讯 昨天举行的市新冠肺炎疫情防控工作新闻发布会传出消息，复工复产人员",
      "可以通过公交通勤。公交线路将逐步恢复运营，复工复产人员凭相关证明乘坐公交",
      "通勤，各区要做好复工复产人员的公交通勤保障工作。",
    ];
    const page = parse(["抓紧上线，第一时间聆听企业声音", "——写在全面恢复正常生产生活秩序之际", "", "复工复产人员可以通过公交通勤", "", ...text]);
    expect(page.articles.map((a) => [a.headline, a.paragraphs.map((p) => p.role)])).toEqual([["复工复产人员可以通过公交通勤", ["body"]]]);
    expect(page.unassigned.map((u) => u.text)).toEqual(["抓紧上线，第一时间聆听企业声音", "——写在全面恢复正常生产生活秩序之际"]);
  });

  it("leaves a heading printed over a story's headline, above its text, out of the text: a subhead is printed under the headline", () => {
    // the top heading shares the words of the second story, which its own headline heads; the
    // heading under it heads the first text, so the top one, printed first on the page, is its banner
    const second = ["本报讯 " + SECOND[0]!, ...SECOND.slice(1)];
    const page = parse(["营造整洁人居环境", "", "市妇联志愿服务展现巾帼力量", "", ...STORY, "", "全市社区广泛发动群众参与环境卫生整治", "", ...second]);
    const a = page.articles[0]!;
    expect(a.headline).toBe("市妇联志愿服务展现巾帼力量");
    expect(a.paragraphs.map((p) => p.role ?? "body")).toEqual(["body"]);
    expect(page.page.banner).toBe("营造整洁人居环境");
    expect(page.unassigned).toEqual([]);
  });

  it("leaves the other of two headlines printed side by side out of the text of the story the first heads", () => {
    const text = [
      "本报讯 昨天举行的市新冠肺炎疫情防控工作新闻发布会传出消息，自6月1日零时",
      "起，进入本市公共场所须持72小时内核酸检测阴性证明，各区要做好核酸检测",
      "阴性证明的查验工作。",
    ];
    const page = parse(["须持72小时内核酸检测阴性证明 真正做到更有效“控”更主动“放”", ...text]);
    expect(page.articles.map((a) => [a.headline, a.paragraphs.map((p) => p.role)])).toEqual([["须持72小时内核酸检测阴性证明", ["body"]]]);
    expect(page.unassigned.map((u) => u.text)).toEqual(["真正做到更有效“控”更主动“放”"]);
  });

  it("reads a dateline wrapped across two lines of a narrow column, with its byline", () => {
    const a = parse(["送抑郁女子回家", "本报北京6月12", "日电（记者 陆宇丽 白", "建军）连日来，各地加快", "复工复产，恢复正常生产", "生活秩序。"]).articles[0]!;
    expect(a.dateline).toBe("本报北京6月12日电");
    expect(a.byline?.reporters).toEqual(["陆宇丽", "白建军"]);
    expect(a.paragraphs[0]?.text.startsWith("连日来")).toBe(true);
  });

  it("reads a headline set in two vertical columns, two characters a row, as the headline", () => {
    const a = parse(["复工", "复产", "人员", "可以", "通过", "公交", "通勤", "", ...STORY]).articles[0]!;
    expect(a.headline).toBe("复工复产人员可以通过公交通勤");
    expect(a.byline?.reporters).toEqual(["薛礼伟"]);
  });

  it("joins a photo credit that begins at the end of the caption's last line to the credit line under it", () => {
    const caption = [
      "面对当前我市疫情多点频发的严峻形势，中国石化山西朔州石油分公司党政主要领导带头，市区50多名在职党员闻令而",
      "行，短短一个小时内全部在系统完成登记注册，积极投身疫情防控志愿服务。 通讯员 李",
      "平军 摄",
    ];
    const a = parse(caption).articles[0]!;
    expect(a.kind).toBe("photo");
    expect(a.byline).toMatchObject({ raw: "通讯员 李平军 摄", photographers: ["李平军"] });
    expect(a.paragraphs.map((p) => p.text.slice(-6))).toEqual(["疫情防控志愿服务。".slice(-6)]);
    // with a story printed right after the credit, the credit still signs the caption
    const page = parse([...caption, "", ...STORY]);
    expect(page.articles.map((x) => x.kind)).toEqual(["photo", "news"]);
    expect(page.articles[0]!.byline?.photographers).toEqual(["李平军"]);
    expect(page.articles[1]!.byline?.photographers).toEqual([]);
  });

  it("joins a photographer's surname printed after the caption's last sentence to the credit line under it", () => {
    const caption = [
      "在昨天举行的市新冠肺炎疫情防控工作新闻发布会上，记者获悉，本轮疫情以来，全市核酸检测能力大幅提",
      "高，目前全市单日最大检测能力达到850万管以上。本市检测能力可以满足全市复工复产后的核酸检测需求。 毛",
      "锦伟 摄",
    ];
    const page = parse([...caption, "", ...STORY]);
    expect(page.articles.map((x) => x.kind)).toEqual(["photo", "news"]);
    expect(page.articles[0]!.byline).toMatchObject({ raw: "毛锦伟 摄", photographers: ["毛锦伟"] });
    expect(page.articles[0]!.paragraphs.map((p) => p.text.slice(-3))).toEqual(["需求。"]);
  });

  it("reads a dateline's bracketed byline cut by a narrow column over several lines as one byline", () => {
    const text = ["本报讯", "（记者 侍佳妮", "通讯员 马红", "佳）在昨天举", "行的市新冠肺", "炎疫情防控工", "作新闻发布会", "上，记者获悉。"];
    const a = parse(text).articles[0]!;
    expect(a.dateline).toBe("本报讯");
    expect(a.byline).toMatchObject({ reporters: ["侍佳妮"], correspondents: ["马红佳"] });
    expect(a.paragraphs.map((p) => p.text)).toEqual(["在昨天举行的市新冠肺炎疫情防控工作新闻发布会上，记者获悉。"]);
  });

  it("takes 本报评论员 for the byline of a commentary that names nobody, not for a column", () => {
    const a = parse(["时评", "", "人人参与 人人受益", "", "本报评论员", "", ...SECOND.slice(0, 2), "中参与，共同守护美好家园，让群众更有获得感和安全感。"]).articles[0]!;
    expect(a).toMatchObject({ kind: "commentary", column: "时评", headline: "人人参与 人人受益" });
    expect(a.byline).toMatchObject({ raw: "本报评论员", reporters: [], authors: [] });
  });

  it.each(["人民日报评论员", "新华社评论员"])("takes %s, another paper's or an agency's commentator, for a commentary's byline", (signature) => {
    const a = parse(["人人参与 人人受益", "", signature, "", ...SECOND.slice(0, 2), "中参与，共同守护美好家园，让群众更有获得感和安全感。"]).articles[0]!;
    expect(a).toMatchObject({ kind: "commentary", headline: "人人参与 人人受益" });
    expect(a.byline).toMatchObject({ raw: signature, reporters: [], authors: [] });
  });

  it("gives a commentary label to the story its commentator signs, not to a later unsigned story", () => {
    const commentary = [...SECOND.slice(0, 2), "中参与，共同守护美好家园，让群众更有获得感和安全感。"];
    const unsigned = ["民警终于在通往朔南大道的南环路", "上找到走失的刘某柱，看着被冻发", "抖的刘某柱，民警立即将其扶上警", "车送回家中。"];
    const page = parse([...STORY, "", "评论员文章", "", "本报评论员", ...commentary, "", "救助走失智障男子", "", ...unsigned]);
    expect(page.articles.map((a) => [a.column, a.byline?.raw ?? null])).toEqual([
      [null, "记者 薛礼伟 通讯员 杨娜"],
      ["评论员文章", "本报评论员"],
      [null, null],
    ]);
  });

  it("fills column, kicker, headline, dateline, byline and paragraphs", () => {
    const lines = ["短 评", "市妇联：", "闻令动 显真情 铸忠诚", ...STORY];
    const page = parse(lines);
    expect(page.articles).toHaveLength(1);
    const a = page.articles[0]!;
    expect(a).toMatchObject({
      kind: "commentary",
      column: "短评",
      kicker: "市妇联：",
      headline: "闻令动 显真情 铸忠诚",
      subheadline: null,
      dateline: "本报讯",
      byline: { raw: "记者 薛礼伟 通讯员 杨娜", reporters: ["薛礼伟"], correspondents: ["杨娜"], photographers: [], editors: [], authors: [] },
      jumps: [],
    });
    expect(a.paragraphs.map((p) => [p.role, p.text])).toEqual([
      ["body", "近日，市妇联组织开展志愿服务活动，广大妇女干部闻令而动，深入社区一线，协助开展核酸检测、信息登记等工作，展现了巾帼力量。连日来，志愿者们坚守岗位，不怕苦不怕累，用实际行动诠释了责任担当。"],
    ]);
    expect(a.spans).toEqual([{ start: 0, end: lines.join("\n").length, line: 1, endLine: 7 }]);
  });

  it("splits a closing byline off the last line, and a jump line off the end of a paragraph", () => {
    const page = parse(["人人参与 人人受益", ...SECOND.slice(0, 2), "中参与，共同守护美好家园，让群众更有获得感。（下转第3版）", "", "记者 武跃林"]);
    const a = page.articles[0]!;
    expect(a.headline).toBe("人人参与 人人受益");
    expect(a.jumps).toEqual([{ direction: "continuedOn", page: 3, raw: "（下转第3版）", spans: [expect.objectContaining({ line: 4, endLine: 4 })] }]);
    expect(a.paragraphs.at(-1)!.text.endsWith("获得感。")).toBe(true);
    expect(a.byline).toMatchObject({ raw: "记者 武跃林", reporters: ["武跃林"] });

    const signed = parse(["人人参与 人人受益", ...SECOND]).articles[0]!;
    expect(signed.byline).toMatchObject({ raw: "何永航", authors: ["何永航"] });
    expect(signed.paragraphs.at(-1)!.text.endsWith("安全感。")).toBe(true);
  });

  it("reads a jump line printed on its own line before the text", () => {
    const a = parse(["（上接第一版）", ...SECOND]).articles[0]!;
    expect(a.jumps).toMatchObject([{ direction: "continuedFrom", page: 1, raw: "（上接第一版）" }]);
  });

  it("makes a vertical headline the article's headline", () => {
    const page = parse(["我", "市", "第", "二", "例", "", ...STORY]);
    expect(page.articles[0]!.headline).toBe("我市第二例");
  });

  it("makes a photo caption closed by a credit a photo article", () => {
    const page = parse(["市妇联志愿者在社区协助开展核酸检测信息登记工作，展现巾帼力量。", "记者 顾泳 摄"]);
    expect(page.articles[0]).toMatchObject({ kind: "photo", headline: null, byline: { photographers: ["顾泳"] } });
  });

  // Regression: a story whose last line ends with an inline jump (`…责任担当。（下转第3版）`) goes on
  // on another page; it used to count as open and swallow the next story.
  it("closes a story whose last line ends with an inline jump", () => {
    const page = parse(["闻令动 显真情 铸忠诚", ...STORY.slice(0, 3), STORY[3] + "（下转第3版）", "", "人人参与 人人受益", ...SECOND]);
    expect(page.articles.map((a) => a.headline)).toEqual(["闻令动 显真情 铸忠诚", "人人参与 人人受益"]);
  });

  it("keeps the two stories apart when the jump is on a line of its own", () => {
    const page = parse(["闻令动 显真情 铸忠诚", ...STORY, "（下转第3版）", "", "人人参与 人人受益", ...SECOND]);
    expect(page.articles.map((a) => a.headline)).toEqual(["闻令动 显真情 铸忠诚", "人人参与 人人受益"]);
    expect(page.articles[0]!.jumps.map((j) => j.page)).toEqual([3]);
  });
});

describe("spansOf", () => {
  it("merges consecutive lines into one span, in line order", () => {
    const lines = linesOf("甲\n乙\n丙\n丁");
    expect(spansOf([lines[3]!, lines[0]!, lines[1]!])).toEqual([
      { start: 0, end: 3, line: 1, endLine: 2 },
      { start: 6, end: 7, line: 4, endLine: 4 },
    ]);
    expect(spansOf([])).toEqual([]);
  });

  it("reads a long comma-separated heading right under the headline as its subtitle", () => {
    const page = parse(["闻令动 显真情 铸忠诚", "", "广泛发动妇女干部深入社区一线，协助开展核酸检测，", "用实际行动诠释责任担当", "", ...STORY]);
    expect(page.articles[0]).toMatchObject({ headline: "闻令动 显真情 铸忠诚", subheadline: "广泛发动妇女干部深入社区一线，协助开展核酸检测，用实际行动诠释责任担当" });
  });

  it("makes a caption printed right after a story, closed by a credit, a photo article of its own", () => {
    const page = parse([
      ...STORY,
      "",
      "市民在社区核酸采样点有序排队，志愿者维持秩序并提醒大家保持一米间距，现场秩序井然。",
      "资料图片",
    ]);
    expect(page.articles).toHaveLength(2);
    expect(page.articles[1]).toMatchObject({ kind: "photo", headline: null, byline: { raw: "资料图片" } });
    expect(page.articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("排队");
  });

  it("keeps a deck printed above a dateline story as its first paragraph, not its headline", () => {
    const page = parse([
      "广泛发动妇女干部深入社区一线，协助开展核酸检测，",
      "用实际行动诠释责任担当",
      "",
      ...STORY,
    ]);
    expect(page.articles).toHaveLength(1);
    const a = page.articles[0]!;
    expect(a.headline).toBeNull();
    expect(a.dateline).toBe("本报讯");
    expect(a.paragraphs[0]!.text).toBe("广泛发动妇女干部深入社区一线，协助开展核酸检测，用实际行动诠释责任担当");
  });

  it("keeps a wide deck, the byline under it and the narrower text as one story", () => {
    const page = parse([
      "闻令动 显真情 铸忠诚",
      "",
      "坚持把群众安全放在第一位，广泛发动妇女干部深入社区一线。推进志愿服务常态化，就是要",
      "让群众感受到身边的温暖",
      "记者 薛礼伟",
      "近日，市妇联组织开展志愿服务活动，",
      "广大妇女干部闻令而动，深入社区一",
      "线，协助开展核酸检测、信息登记等",
      "工作，展现了巾帼力量。",
    ]);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ headline: "闻令动 显真情 铸忠诚", byline: { reporters: ["薛礼伟"] } });
    expect(page.articles[0]!.paragraphs[0]!.text).toContain("坚持把群众安全放在第一位");
  });
});
