import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

/** Two reports without headlines, one after the other: each opens with another paper's dateline. */
const page = (first: string, second: string) =>
  [
    "国务院常务会议部署稳经济措施",
    "",
    `${first}（记者 王小明）国务院总理主持召开国务院常务会`,
    "议，部署进一步稳经济的一揽子措施，要求各地区各部",
    "门抓好落实，推动经济运行尽快回归正常轨道。",
    "会议指出，当前经济恢复基础尚不牢固，要加大助企纾",
    "困力度，稳住市场主体，保障就业和民生。",
    `${second}（记者 李华 通讯员 张强）近日，广州市举行`,
    "重点项目集中签约仪式，共签约项目二十八个，总投资",
    "超过一千亿元，涵盖先进制造、数字经济等领域。",
  ].join("\n");

/** dev cnki_112 as pdf.js prints it: a story's end, the next headline, a deck of two points, the next dateline. */
const CNKI_112_PDFJS = [
  "本报讯 市委书记李强昨天在崇明区检查疫情防控和复工复产情",
  "况，要求及时跟进排摸，认真梳理农业生产单位反映集中的突",
  "出问题，确保人员和机具畅通无阻、农资运输配送高效有序，",
  "产，为市民餐桌提供高品质的绿色农副产品，以产业兴旺带动",
  "农民增收、实现生活富裕。",
  "助企纾困，加快恢复经济社会发展活力",
  "以政策的确定性应对不确定性，精准帮扶企业达产，全",
  "力支持企业发展，更好帮助企业稳信心、稳预期",
  "加大走访力度，优化企业服务，简化操作流程，加快解",
  "决反映集中突出问题，更好满足各类企业不同发展需求",
  "本报讯 市委书记李强昨天在上海自贸试验区临港新片区",
  "检查疫情防控和复工复产情况，要求助企纾困，加快恢复经济社",
  "会发展活力，以政策的确定性应对不确定性。",
];

describe("bylines of other papers", () => {
  it.each(["本报全媒体记者 王小明", "■本报融媒体记者 王小明", "人民日报记者 王小明", "文/王小明"])("signs a report with %s on its own line", (byline) => {
    const lines = [
      "国务院常务会议部署稳经济措施",
      "",
      "国务院总理主持召开国务院常务会议，部署进一步稳经",
      "济的一揽子措施，要求各地区各部门抓好落实，推动经",
      "济运行尽快回归正常轨道。",
      byline,
      "",
      "广州举行重点项目集中签约仪式",
      "",
      "近日，广州市举行重点项目集中签约仪式，共签约项目",
      "二十八个，总投资超过一千亿元。",
    ];
    const { articles, unassigned } = parseText(lines.join("\n"));
    expect(articles).toHaveLength(2);
    const names = articles[0]!.byline;
    expect([...(names?.reporters ?? []), ...(names?.authors ?? [])]).toEqual(["王小明"]);
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("王小明");
    expect(articles[1]!.byline).toBeNull();
    expect(unassigned).toEqual([]);
  });
});

describe("photo credits of other papers", () => {
  it.each(["受访者供图", "本报记者 王小明 摄影报道"])("closes a caption with %s after its text", (credit) => {
    const lines = ["国务院常务会议部署稳经济措施", "", "国务院总理主持召开国务院常务会议，部署进一步稳经", "济的一揽子措施，推动经济运行尽快回归正常轨道。", "", `市民在新建成的口袋公园里休闲健身。 ${credit}`];
    const { articles } = parseText(lines.join("\n"));
    const caption = articles.find((a) => a.kind === "photo");
    expect(caption?.paragraphs.map((p) => p.text)).toEqual(["市民在新建成的口袋公园里休闲健身。"]);
    expect(caption?.byline?.raw).toBe(credit);
  });
});

describe("datelines of other papers and agencies", () => {
  it.each([
    ["经济日报北京12月1日讯", "南方日报讯"],
    ["本报北京12月1日讯", "羊城晚报讯"],
    ["人民网北京12月1日电", "【本报讯】"],
  ])("starts a report at %s and at %s, with its dateline and byline", (first, second) => {
    const { articles } = parseText(page(first, second));
    expect(articles).toHaveLength(2);
    const [a, b] = articles;
    expect(a!.dateline).toBe(first);
    expect(a!.byline?.reporters).toEqual(["王小明"]);
    expect(a!.paragraphs[0]!.text.startsWith("国务院总理")).toBe(true);
    expect(b!.dateline).toBe(second.replace(/[【】]/gu, ""));
    expect(b!.byline?.reporters).toEqual(["李华"]);
    expect(b!.byline?.correspondents).toEqual(["张强"]);
    expect(b!.paragraphs[0]!.text.startsWith("近日，广州市")).toBe(true);
  });
});

describe("a dateline on a line of its own, justified character by character", () => {
  it("reads the dateline and the byline after it from a line whose every character is set apart", () => {
    const dump = ["更高效统筹疫情防控和经济社会发展", "", "本 报 南 京 6 月 10 日 电", "（记者 冯悦阳）要坚决克", "服侥幸松劲，保持高度警醒", "警惕，市区两级应急指挥体", "系要保持战时状态。"].join("\n");
    const [article] = parseText(dump).articles;
    expect(article).toMatchObject({ headline: "更高效统筹疫情防控和经济社会发展", dateline: "本报南京6月10日电", byline: { reporters: ["冯悦阳"] } });
    expect(article!.paragraphs.map((p) => p.text)).toEqual(["要坚决克服侥幸松劲，保持高度警醒警惕，市区两级应急指挥体系要保持战时状态。"]);
  });
});

describe("paragraph indents the extractor kept", () => {
  const paragraphs = (lines: string[]) => parseText(["国务院常务会议部署稳经济措施", "", ...lines].join("\n")).articles.map((a) => a.paragraphs.map((p) => p.text));

  it("opens a paragraph at each line indented by two ideographic spaces, one paragraph a line", () => {
    expect(
      paragraphs([
        "　　本报讯（记者 王小明）国务院总理主持召开国务院常务会议，部署进一步稳经济的一揽子措施，要求各地区各部门抓好落实。",
        "　　会议指出，当前经济恢复基础尚不牢固，要加大助企纾困力度，稳住市场主体，保障就业和民生。",
        "　　会议要求，各地要切实扛起责任，推动政策落地见效。",
      ]),
    ).toEqual([["国务院总理主持召开国务院常务会议，部署进一步稳经济的一揽子措施，要求各地区各部门抓好落实。", "会议指出，当前经济恢复基础尚不牢固，要加大助企纾困力度，稳住市场主体，保障就业和民生。", "会议要求，各地要切实扛起责任，推动政策落地见效。"]]);
  });

  it("opens a paragraph at an indented line of wrapped text, where the indents make the column look narrower", () => {
    expect(
      paragraphs([
        "　　本报讯（记者 王小明）国务院总理主持召开国务",
        "院常务会议，部署进一步稳经济的一揽子措施，要求各",
        "地区各部门抓好落实。",
        "　　会议指出，当前经济恢复基础尚不牢固，要加大助",
        "企纾困力度，稳住市场主体，保障就业和民生。",
        "  会议要求，各地要切实扛起责任，推动政策落地见",
        "效，确保各项措施落到实处，取得实效。",
      ]),
    ).toEqual([["国务院总理主持召开国务院常务会议，部署进一步稳经济的一揽子措施，要求各地区各部门抓好落实。", "会议指出，当前经济恢复基础尚不牢固，要加大助企纾困力度，稳住市场主体，保障就业和民生。", "会议要求，各地要切实扛起责任，推动政策落地见效，确保各项措施落到实处，取得实效。"]]);
  });
});

describe("a headline printed with no blank line around it", () => {
  it("heads the story whose dateline follows it, not the paragraph before it", () => {
    const lines = [
      "国务院常务会议部署稳经济措施",
      "本报讯（记者 王小明）国务院总理主持召开国务",
      "院常务会议，部署进一步稳经济的一揽子措施，要求各",
      "地区各部门抓好落实，推动经济运行尽快回归正常轨道。",
      "会议指出，当前经济恢复基础尚不牢固，要加大助",
      "企纾困力度，稳住市场主体，保障就业和民生。",
      "广州举行重点项目集中签约仪式",
      "本报讯（记者 李华）近日，广州市举行重点项目集中",
      "签约仪式，共签约项目二十八个，总投资超过一千亿",
      "元，涵盖先进制造、数字经济等领域。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual(["国务院常务会议部署稳经济措施", "广州举行重点项目集中签约仪式"]);
    expect(articles[0]!.paragraphs.at(-1)!.text).toBe("会议指出，当前经济恢复基础尚不牢固，要加大助企纾困力度，稳住市场主体，保障就业和民生。");
  });

  it("splits the headings printed between a story's end and the next dateline, as pdf.js prints a page (no blank lines anywhere)", () => {
    const lines = [
      "本报讯（记者 王小明）国务院总理主持召开国务",
      "院常务会议，部署进一步稳经济的一揽子措施，要求各",
      "地区各部门抓好落实，推动经济运行尽快回归正常轨道。",
      "广州举行重点项目集中签约仪式",
      "希望各方继续携手合作，共同推动重大项目早落地、早投产、早见效，为经济恢复注入动力",
      "本报讯（记者 李华）近日，广州市举行重点项目集中",
      "签约仪式，共签约项目二十八个，总投资超过一千亿",
      "元，涵盖先进制造、数字经济等领域。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles).toHaveLength(2);
    expect(articles[0]!.paragraphs.at(-1)!.text).toBe("国务院总理主持召开国务院常务会议，部署进一步稳经济的一揽子措施，要求各地区各部门抓好落实，推动经济运行尽快回归正常轨道。");
    expect(articles[1]!.headline).toBe("广州举行重点项目集中签约仪式");
    expect(articles[1]!.subheadline).toBe("希望各方继续携手合作，共同推动重大项目早落地、早投产、早见效，为经济恢复注入动力");
  });

  it("splits a headline printed between a story's last sentence and a wider deck above the next dateline", () => {
    // the shape of dev cnki_111 as pdf.js prints it: a narrow column, the headline, a deck across the page
    const lines = [
      "本报讯（记者 王小明）国务院总理",
      "主持召开国务院常务会议，部署稳",
      "经济措施，要求各地抓好落实。",
      "广州举行重点项目集中签约仪式",
      "要坚决克服侥幸松劲，保持高度警醒警惕，市区两级应急指挥体系要随时保持激活状态",
      "层层压实责任、层层传导压力，各区、各街镇、各居村要不折不扣把明确的要求措施执",
      "提高个人防护意识和能力，让打疫苗、做核酸、戴口罩、常洗手成为自觉行动",
      "本报讯（记者 李华）近日，广州市举行",
      "重点项目集中签约仪式，共签约项目二",
      "十八个。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual([null, "广州举行重点项目集中签约仪式"]);
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("广州");
  });

  it("where no blank line marks a box, cuts a headline and its byline off the text under it that opens with an indented line", () => {
    // dev cnki_101 as pdf.js prints it: the story before ends, a two-line headline, a bare name, a narrower column
    const before = ["本报讯（记者 孟群舒）市委副书记、市长", "龚正昨天调研外资外贸企业时指出，要深", "入贯彻落实重要讲话精神，推动经济社会", "尽早重回正常轨道。"];
    const story = ["保障供应，大型商超", "拿起数字化工具", "俱鹤飞", "家乐福古北店店长张瑞卿，", "已经在店里住了两个多月。这段", "时间，他的手机几乎不离手，处", "理订单、回复信息，还有接不完", "的电话。"];
    const page = parseText([...before, ...story].join("\n"));
    expect(page.articles.map((a) => a.headline)).toEqual([null, "保障供应，大型商超拿起数字化工具"]);
    expect(page.articles[1]!.byline?.authors).toEqual(["俱鹤飞"]);
    // with blank lines around its boxes (pdftotext), the same lines right under a heading are one box: not cut
    const marked = parseText([...before, "", "某区召开会议部署工作", "", ...before, "", ...story].join("\n"));
    expect(marked.articles.some((a) => a.headline === "保障供应，大型商超拿起数字化工具")).toBe(false);
  });

  it("where no blank line marks a box, reads a line with no sentence end between a story's last sentence and a byline as the next story's headline", () => {
    // dev cnki_106 as pdf.js prints it: a story ends, a headline with a comma, its reporter, its text
    const lines = [
      "本报讯（记者 孟群舒）市委副书记、市长",
      "结合中长期战略规划，切实发挥好政策对推",
      "动产业结构转型升级的引导作用，增强产业",
      "链供应链的竞争力和韧性。",
      "发扬英模精神，助力打赢大上海保卫战",
      "记者 邬林桦",
      "奋战抗疫一线，筑牢防控屏障；剑指违法",
      "犯罪，守护一方平安；深化“放管服”，用心为",
      "民解忧……党的十九大以来，上海公安机关深",
      "入贯彻习近平总书记系列重要讲话精神。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual([null, "发扬英模精神，助力打赢大上海保卫战"]);
    expect(articles[1]!.byline?.reporters).toEqual(["邬林桦"]);
  });

  it("where no blank line marks a box, starts a narrower heading at a narrow line with another as narrow under it", () => {
    // dev cnki_110 as pdf.js prints it: one story's headline, then the next one's set three lines of five
    const lines = [
      "本报讯 市委常委会昨晚举行会议，研究部署",
      "我市复工复产工作，把握好“控”和“放”的平",
      "衡，在“控得住”前提下有序放开社会流动。",
      "（紧转第5版）",
      "在“控得住”前提下加快经济恢复重振",
      "加快经济恢",
      "复全力稳住",
      "经济大盘",
      "本报讯（记者 孟群舒）市委副书记、市",
      "长龚正昨天走访先进制造业企业，实地调研",
      "复工复产情况，要求全力稳住经济大盘。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.at(-1)!.headline).toBe("加快经济恢复全力稳住经济大盘");
  });

  it("where no blank line marks a box, takes a headline printed inside a sentence of its story's column out of the text", () => {
    // dev cnki_110 as pdf.js prints it: a line stops short in mid-word, the headline, the sentence goes on at full width
    const lines = [
      "本报讯 市委书记李强昨天在上海自贸试验区临港新片区检",
      "查疫情防控和复工复产情况时指出，要加快恢复经济社会发",
      "展活力，奋力夺取大上海保卫战的胜利。李强来到企业检",
      "查，在国内最大的船用大功率低速发动",
      "助企纾困，加快恢复经济社会发展活力",
      "机生产车间听取企业复工复产和自主研发情况介绍，详细了",
      "解员工个人防护、封闭生产管理以及产业链供应链恢复进展，",
      "对坚守岗位的一线干部职工表示慰问和感谢。",
    ];
    const [story] = parseText(lines.join("\n")).articles;
    expect(story!.headline).toBe("助企纾困，加快恢复经济社会发展活力");
    expect(story!.paragraphs.map((p) => p.text).join("")).toContain("低速发动机生产车间");
  });

  it("where no blank line marks a box, cuts a headline off the short last line of the story before it, over a wider column", () => {
    // dev cnki_109 as pdf.js prints it: a story's last line, cut off its column as it is short, the next headline, a wider column
    const lines = [
      "本报讯 市委书记李强昨天在闵行区",
      "检查企业疫情防控和复工复产情况时指",
      "出，要提升复工复产整体效应，加快推",
      "动复工达产。",
      "市领导诸葛宇杰参加检查。",
      "最坚固的防线 最坚实的依靠",
      "在疫情袭来时，大家毅然扛起重担，千方百",
      "计守护城市的生命线、守护人民的生活线。党",
      "员、团员行动起来，能人、达人站了出来，志愿",
      "者超过了百万。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles[0]!.paragraphs.at(-1)!.text).toBe("市领导诸葛宇杰参加检查。");
    expect(articles[1]!.headline).toBe("最坚固的防线 最坚实的依靠");
  });

  it("takes a headline wrapped once, right above a dateline with no blank line around it, off the story before it", () => {
    // dev cnki_108 as pdf.js prints it: a story's short last line, a two-line headline whose second line is short, the dateline
    const lines = [
      "本报讯（记者 孟群舒）市委",
      "副书记、市长龚正昨天为圆满顺",
      "利完成阶段性任务的医疗队送行。",
      "副市长宗明参加活动。",
      "单日核酸检测能力850",
      "万管以上",
      "本报讯（记者 侍佳妮）在昨",
      "天举行的新闻发布会上，记者获悉，",
      "全市单日核酸检测能力大幅提高。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual([null, "单日核酸检测能力850万管以上"]);
    expect(articles[0]!.paragraphs.at(-1)!.text.endsWith("副市长宗明参加活动。")).toBe(true);
  });

  it("where no blank line marks a box, cuts two heading lines between a story's last sentence and a wider deck off that story", () => {
    // dev cnki_104 as pdf.js prints it: a story ends, the next one's headline, the deck's title, the deck, the dateline
    const lines = [
      "本报讯（记者 王闲乐）前天，",
      "上海检察机关对在疫情防控期间假借",
      "社区团购名目实施诈骗的案件依法提",
      "起公诉，加价向居民销售保供物资。",
      "在“控得住”前提下加快经济恢复重振",
      "发扬“店小二”精神",
      "各层各级领导干部要主动关心企业、服务企业，发扬“店小二”精神，",
      "深入基层一线，倾听企业呼声，帮助企业排忧解难。要支持企业加快复",
      "工复产，要送政策上门，要加大联系走访企业力度",
      "本报讯 市委常委会昨晚举行会",
      "议，研究部署我市复工复产和加快",
      "经济恢复有关工作，在“控得住”前",
      "提下有序放开社会流动。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("控得住");
    expect(articles.at(-1)!.headline).toBe("在“控得住”前提下加快经济恢复重振");
  });

  it("where no blank line marks a box, cuts heading lines alone over a dateline where one printed box ends: headline, subtitle", () => {
    // dev cnki_109 as pdf.js prints it: a label, a headline in narrow lines, its subtitle in wider ones, the dateline
    const lines = [
      "本报讯（记者 侍佳妮）全市核酸检测能力",
      "大幅提高，单日最大检测能力达850万管。",
      "简 讯",
      "恢复小区出入公",
      "交运营机动车通",
      "希望广大市民继续做",
      "好个人防护，合力筑",
      "牢疫情防控坚固屏障",
      "本报讯 市新冠肺炎",
      "疫情防控工作领导小组办",
      "公室昨天发布通告，全市住",
      "宅小区恢复出入。",
    ];
    const story = parseText(lines.join("\n")).articles.at(-1)!;
    expect(story.headline).toBe("恢复小区出入公交运营机动车通");
    expect(story.subheadline).toBe("希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障");
  });

  it("where no blank line marks a box, keeps the points of a deck printed as boxes of their own in order", () => {
    // dev cnki_110 as pdf.js prints it: two points of a deck, each wrapped, over the dateline
    const lines = [
      "以政策的确定性应对不确定性，精准帮扶企业达产，全力支",
      "持企业发展，更好帮助企业稳信心、稳预期",
      "加大走访力度，优化企业服务，简化操作流程，加快解决反",
      "映集中突出问题，更好满足各类企业不同发展需求",
      "本报讯 市委书记李强昨天在上海自贸试验区临港新片区检",
      "查疫情防控和复工复产情况时指出，要精准帮扶企业达产，全力",
      "导、清单管理，以政策的确定性应对不确定性，精准帮扶企业达",
      "产，全力支持企业发展，更好帮助企业稳信心、稳预期。",
    ];
    const [story] = parseText(lines.join("\n")).articles;
    expect(story!.paragraphs.map((p) => p.text.slice(0, 4))).toEqual(["以政策的", "加大走访", "市委书记"]);
  });

  it("where no blank line marks a box, takes only one-character lines in a run into a vertical headline, not a wrapped headline's last glyph", () => {
    // dev cnki_109 as pdf.js prints it: a vertical headline, later a headline whose last line is one glyph
    const lines = [
      "本报讯 市委书记李强昨天主持召开会议，",
      "要求共同努力守护好建设好城市家园。",
      ...Array.from("共同努力守护好建设好城市家园"),
      "家乐福古北店店长张瑞卿，已经在店里",
      "住了两个多月，为城市家园保供。",
      "简 讯",
      "恢复小区出入公",
      "交运营机动车通",
      "行",
      "希望广大市民继续做",
      "好个人防护，合力筑",
      "牢疫情防控坚固屏障",
      "本报讯 市新冠肺炎",
      "疫情防控工作领导小组办",
      "公室昨天发布通告，全市住",
      "宅小区恢复出入，公交恢复运营。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).not.toContain("共同努力守护好建设好城市家园行");
    expect(articles.at(-1)!.headline).toBe("恢复小区出入公交运营机动车通行");
  });

  it("takes a headline with a comma, narrower than the deck under it, between a sentence's end and a dateline off the story before", () => {
    // dev cnki_112 as pdf.js prints it: a story ends, the next headline, a deck of two points, the dateline
    const lines = CNKI_112_PDFJS;
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual([null, "助企纾困，加快恢复经济社会发展活力"]);
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("助企纾困，加快");
  });

  it("where no blank line marks a box, cuts a column label printed on one line with a headline off it: the label heads the next story", () => {
    // dev cnki_102 as pdf.js prints it: a headline and the next story's label on one line, that story's headline, its dateline
    const lines = [
      "本报讯 市委书记李强昨天在闵行区检查企业复工复产情况，推动惠企政策",
      "落地落实，增强企业信心，对产业链、供应链相配套企业统筹考虑。",
      "推动惠企政策落地落实增强企业信心 简 讯",
      "彰显一方有难八方支援",
      "制度优势",
      "本报讯（记者 孟群舒）市委副",
      "书记、市长龚正昨天为圆满顺利完",
      "成阶段性任务的天津市援沪医疗队",
      "送行，彰显一方有难八方支援的制度优势。",
    ];
    const { articles } = parseText(lines.join("\n"));
    const last = articles.at(-1)!;
    expect(last.column).toBe("简讯");
    expect(last.headline).toBe("彰显一方有难八方支援制度优势");
  });

  it("where no blank line marks a box, cuts a headline with a comma between a story's last sentence and a wider deck off that story", () => {
    // dev cnki_111 as pdf.js prints it: a story's short last line, the next headline, a deck across the page, a byline
    const lines = [
      "本报讯 连日来，市委、市政府每天晚上召",
      "开市新冠肺炎疫情防控工作例会，要以无疫",
      "小区创建为抓手，发动群众守护家园，形成责",
      "任共同体。",
      "相关市领导出席会议。",
      "保持不动摇不放松，就一定能战胜疫情",
      "坚持无症状感染者、轻症患者集中隔离。推进“动态清零”，就是要把社区的感染者全部找出来",
      "上海人民的素质、对防控措施的理解、高度的责任感让人充分赞赏 相信解封时刻会在不久后到来",
      "记者 陈华",
      "昨天下午，国家卫生健康委专家组组长梁万年",
      "在上海就现阶段防疫抗疫形势接受采访，表示",
      "保持不动摇不放松，就一定能战胜疫情。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("保持不动摇");
    expect(articles.at(-1)!.headline).toBe("保持不动摇不放松，就一定能战胜疫情");
  });

  it("where no blank line marks a box, reads a line with no sentence or clause mark between two paragraphs of a column as a subhead", () => {
    // dev cnki_111 as pdf.js prints it: a paragraph ends, the subhead, the next paragraph in the same column
    const lines = [
      "保持不动摇不放松，就一定能战胜疫情",
      "记者 陈华",
      "本报讯 昨天下午，国家卫生健康委专家组组长梁",
      "万年在上海就现阶段防疫抗疫形势接受采访。他",
      "表示，上海每日报告的感染者数量仍在高位，疫",
      "情形势仍然是严峻复杂的，绝不可掉以轻心。",
      "集中隔离在当前形势下是必要的",
      "梁万年表示，坚持无症状感染者、轻症患者",
      "集中隔离，这是由我国“外防输入、内防反弹”",
      "总策略和“动态清零”总方针决定的。",
    ];
    const [story] = parseText(lines.join("\n")).articles;
    expect(story!.paragraphs.map((p) => p.role ?? "text")).toContain("subhead");
    expect(story!.paragraphs.find((p) => p.role === "subhead")!.text).toBe("集中隔离在当前形势下是必要的");
  });

  it("where no blank line marks a box, reads a deck of two points under a headline as the story's first paragraphs, not a subtitle", () => {
    // dev cnki_112 as pdf.js prints it: a story's end, the next headline, a deck of two points, the dateline
    const lines = CNKI_112_PDFJS;
    const story = parseText(lines.join("\n")).articles.at(-1)!;
    expect(story.subheadline).toBeNull();
    expect(story.paragraphs[0]!.text.startsWith("以政策的确定性")).toBe(true);
  });

  it("where no blank line marks a box, ends a letter at the date of its sign-off, not in the narrow column after it", () => {
    // dev cnki_108 as pdf.js prints it: a letter's last sentence, its signers and date, then a story in a narrow column
    const lines = [
      "亲爱的市民朋友们：",
      "在以习近平同志为核心的党中央坚强领导下，全",
      "市上下心往一处想、劲往一处使，我们必将迎来",
      "大上海保卫战的全面胜利，迈向更加美好的未来!",
      "中共上海市委",
      "上海市人民政府",
      "2022年6月1日",
      "苦战梦花街 茅冠隽 唐烨",
      "浦东看北蔡镇，浦西看梦",
      "花街”，这是上海疫情防控两块",
      "“硬骨头”。最严重时，梦花街",
      "区域阳性病例数占区域总人数",
      "的近五成。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.length).toBeGreaterThanOrEqual(2);
    expect(articles[0]!.paragraphs.at(-1)!.text).toContain("2022年6月1日");
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).not.toContain("梦花街");
  });

  it("where no blank line marks a box, cuts the writers' names printed on one line with a headline off it as the byline", () => {
    // dev cnki_108 as pdf.js prints it: a headline and its two writers on one line over a narrow column
    const lines = [
      "苦战梦花街 茅冠隽 唐烨",
      "浦东看北蔡镇，浦西看梦",
      "花街”，这是上海疫情防控两块",
      "“硬骨头”。最严重时，梦花街",
      "区域阳性病例数占区域总人数",
      "的近五成。",
    ];
    const [story] = parseText(lines.join("\n")).articles;
    expect(story!.headline).toBe("苦战梦花街");
    expect(story!.byline?.authors).toEqual(["茅冠隽", "唐烨"]);
  });

  it("where no blank line marks a box, takes the one subhead of a story with no headline as its headline", () => {
    // dev cnki_106 as pdf.js prints it: a byline, a story's text, its headline printed between two paragraphs, more text
    const lines = [
      "本报讯（记者 孟群舒）市委副书记、市长龚正昨天调研",
      "外资外贸企业，推动经济社会尽早重回正常轨道。",
      "俱鹤飞",
      "家乐福古北店店长张瑞卿，已经在店里住",
      "了两个多月，找到了实用的数字化工具。",
      "保障供应，大型商超拿起数字",
      "化工具",
      "疫情期间一直对接浦东三林等区域保供",
      "的联华超市，也尝到了数字化工具带来",
      "的甜头，大型商超保障供应更加便利。",
    ];
    const { articles } = parseText(lines.join("\n"));
    const story = articles.find((a) => a.paragraphs.some((p) => p.text.startsWith("家乐福")))!;
    expect(story.headline).toBe("保障供应，大型商超拿起数字化工具");
    expect(story.paragraphs.some((p) => p.role === "subhead")).toBe(false);
  });

  it("where no blank line marks a box, opens a story cut by a jump line with the deck printed after it", () => {
    // dev cnki_110 as pdf.js prints it: a story, its jump line, its deck's title and deck, its headline, the next story
    const lines = [
      "本报讯 市委常委会昨晚举行会议，研究部署",
      "我市复工复产和加快经济恢复有关工作，把握",
      "好“控”和“放”的平衡，在“控得住”前提下",
      "有序放开社会流动，加快经济恢复和重振。",
      "（紧转第5版）",
      "发扬“店小二”精神",
      "各层各级领导干部要主动关心企业、服务企业，发扬“店小二”精神，深入基层一线，倾听企业呼声，帮助企业排忧解难。要",
      "支持企业加快复工复产，要送政策上门，要加大联系走访企业力度",
      "在“控得住”前提下加快经济恢复重振",
      "加快经济恢",
      "复全力稳住",
      "经济大盘",
      "本报讯（记者 孟群舒）市委副书记、市",
      "长龚正昨天走访先进制造业企业，实地调研",
      "复工复产情况，要求全力稳住经济大盘。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles).toHaveLength(2);
    expect(articles[0]!.paragraphs.map((p) => p.text).join("")).toContain("各层各级领导干部要主动关心企业");
  });

  it("keeps lines with no sentence in them, however wide, between a sentence's end and a dateline out of the text", () => {
    // dev cnki_105 as pdf.js prints it: a story ends, its headline, its subtitle across the page, the next headline, the dateline
    const lines = [
      "本报讯 市新冠肺炎疫情防控工作领导小组办公",
      "室昨天发布通告，希望广大市民继续做好个人防",
      "护，合力筑牢疫情防控坚固屏障，共同守护好我们",
      "的城市家园。",
      "恢复小区出入公交运营机动车通行",
      "希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园",
      "展现积极姿态 迅速扭转预期",
      "本报讯（记者 孟群舒）市委副书",
      "记、市长龚正昨天主持召开市政府常",
      "务会议，要求展现积极姿态，迅速扭转",
      "预期。",
    ];
    const { articles } = parseText(lines.join("\n"));
    const body = articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join("");
    expect(body).not.toContain("希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园展现");
  });

  it("where no blank line marks a box, reads a letter's salutation under its headline as the letter's opening, not the headline's end", () => {
    // dev cnki_103 as pdf.js prints it
    const lines = [
      "致全市人民的感谢信",
      "亲爱的市民朋友们：",
      "在以习近平同志为核心的党中央坚强领导下，经过两个",
      "多月的持续奋战，艰苦卓绝的大上海保卫战取得了重大阶段",
      "性成果，今天起上海进入全面恢复正常生产生活秩序阶段。",
    ];
    const [letter] = parseText(lines.join("\n")).articles;
    expect(letter!.headline).toBe("致全市人民的感谢信");
    expect(letter!.paragraphs[0]!.text).toBe("亲爱的市民朋友们：");
  });

  it("where no blank line marks a box, reads a salutation as the letter's opening when the letter's first line is indented in a narrow column", () => {
    // the salutation as wide as the indented first line: the column's width is the line after that
    const lines = ["致全市人民的感谢信", "亲爱的市民朋友们：", "在以习近平同志为核心的", "党中央坚强领导下，经过两个", "多月的持续奋战，艰苦卓绝的", "大上海保卫战取得了重大阶段", "性成果，今天起上海进入全面", "恢复正常生产生活秩序阶段。"];
    const [letter] = parseText(lines.join("\n")).articles;
    expect(letter!.headline).toBe("致全市人民的感谢信");
    expect(letter!.paragraphs[0]!.text).toBe("亲爱的市民朋友们：");
  });

  it("where blank lines mark the boxes, still reads a salutation printed right under its headline, no blank line between, as the letter's opening", () => {
    const before = ["本报讯 复工复产企业的人员管理要实施闭环管理，复工复产", "人员可以通过公交等公共交通方式通勤，乘坐公交通勤时要", "做好个人防护，复工复产人员上下班通勤要扫码。"];
    // synth_s21_10: the letter set in a narrower column than the story before it
    const letter = ["致全市人民的感谢信", "亲爱的市民朋友们：", "在以习近平同志为核心的党中", "央坚强领导下，经过两个多月的持", "续奋战，艰苦卓绝的大上海保卫战", "取得了重大阶段性成果。"];
    const { articles } = parseText(["复工复产人员可以通过公交通勤", "", ...before, "", ...letter].join("\n"));
    const read = articles.find((a) => a.headline?.startsWith("致全市人民的感谢信"));
    expect(read?.headline).toBe("致全市人民的感谢信");
    expect(read?.paragraphs[0]!.text).toBe("亲爱的市民朋友们：");
  });

  it("where no blank line marks a box, tells two headlines printed one over the other apart by the words of the stories around them", () => {
    // dev cnki_104 as pdf.js prints it: a story, its headline printed after it, the next story's headline, its dateline
    const lines = [
      "本报讯 复工复产企业的人员管理要实施闭环管理，复工复产",
      "人员可以通过公交等公共交通方式通勤，乘坐公交通勤时要",
      "做好个人防护，复工复产人员上下班通勤要扫码。",
      "复工复产人员可以通过公交通勤",
      "谎称招方舱志愿者骗中介费",
      "本报讯（记者 王闲乐）检察机关对谎称招募方舱志愿者、",
      "收取中介费的诈骗案件提起公诉。嫌疑人谎称可以介绍方舱",
      "志愿者岗位，向多人收取中介费共计两万余元。",
    ];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual(["复工复产人员可以通过公交通勤", "谎称招方舱志愿者骗中介费"]);
  });

  it("keeps text of the column between a sentence end and a dateline with that text: a wrapped sentence, an indented paragraph", () => {
    // a column nine characters wide, as on the dev pages (cnki_107)
    const story = ["本报讯 国务院总理主", "持召开国务院常务会", "议，部署稳经济措", "施，要求各地抓好落", "实，尽快见效。"];
    const next = ["本报讯（记者 李华）", "近日，广州市举行重", "点项目集中签约仪", "式，共签约项目二十", "八个，总投资超过一", "千亿元。"];
    for (const cut of [
      ["要支持企业加快复工", "复产，要送政策上", "门，要加大联系走访"],
      ["会议指出，当", "前经济恢复基础尚不", "牢固，要加大助企纾"],
    ]) {
      const { articles } = parseText([...story, ...cut, ...next].join("\n"));
      expect(articles.map((a) => a.headline)).toEqual([null, null]);
      expect(articles[0]!.paragraphs.map((p) => p.text).join("")).toContain(cut.join(""));
    }
  });

  it("leaves a bracketed closing mark (（完）) with the text above it", () => {
    const lines = ["国务院常务会议部署稳经济措施", "本报讯（记者 王小明）国务院总理主持召开国务", "院常务会议，部署进一步稳经济的一揽子措施。", "（完）", "本报讯（记者 李华）近日，广州市举行重点项目集中", "签约仪式，共签约项目二十八个。"];
    const { articles } = parseText(lines.join("\n"));
    expect(articles.map((a) => a.headline)).toEqual(["国务院常务会议部署稳经济措施", null]);
  });
});

describe("dashes as other extractors print them", () => {
  it.each(["——", "――", "──"])("reads a kicker ending and a subtitle opening with %s", (dash) => {
    const lines = [
      `聚焦复工复产复市${dash}`,
      "上海加快经济恢复重振",
      `${dash}访社区工作者和志愿者`,
      "",
      "本报讯（记者 王小明）国务院总理主持召开国务",
      "院常务会议，部署进一步稳经济的一揽子措施，要求各",
      "地区各部门抓好落实，推动经济运行尽快回归正常轨道。",
    ];
    const [article] = parseText(lines.join("\n")).articles;
    // the horizontal bar (―, U+2015) is the Chinese dash as a PDF font may map it: read as pdftotext prints it (—)
    const printed = dash === "――" ? "——" : dash;
    expect(article).toMatchObject({ kicker: `聚焦复工复产复市${printed}`, headline: "上海加快经济恢复重振", subheadline: `${printed}访社区工作者和志愿者` });
  });
});
