import { describe, expect, it } from "vitest";
import { unitHeadingText } from "../src/pipeline/unit-text.js";
import { columnLabelName, isColumnLabel, isRunningHead, liftTextKickers, rejoinWrappedKickers, splitHeadlinesUnderKickers } from "../src/pipeline/units.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { unitsOf } from "./helpers.js";
import { parseText } from "../src/index.js";

const shape = (text: string) => unitsOf(text).map((u) => [u.kind, u.lines.map((l) => l.text)]);

describe("buildUnits", () => {
  it("makes one vertical unit of a headline printed one character per line", () => {
    expect(shape("我\n市\n第\n二\n例")).toEqual([["vertical", ["我", "市", "第", "二", "例"]]]);
  });

  it("makes one vertical unit of a headline set in two vertical columns, two characters a row", () => {
    const rows = ["复工", "复产", "人员", "可以", "通过", "公交", "通勤"];
    expect(shape(rows.join("\n"))).toEqual([["vertical", rows]]);
    // three rows, or a row with punctuation, are not enough
    expect(shape(["复工", "复产", "人员"].join("\n"))[0]![0]).not.toBe("vertical");
    expect(shape(["复工", "复产", "人员", "可，"].join("\n"))[0]![0]).not.toBe("vertical");
  });

  it("takes a line printed across a two-column vertical headline out of it, leaving its last glyph in the headline", () => {
    const units = unitsOf(["复工", "复产", "人员", "可以", "（紧转第16版） 通", "过公", "交通", "勤"].join("\n"));
    expect(units.map((u) => [u.kind, unitHeadingText(u)])).toEqual([
      ["vertical", "复工复产人员可以通过公交通勤"],
      ["jump", "（紧转第16版）"],
    ]);
  });

  it("cuts a dateline's line printed together with the next column's line, and makes each half the first line of its own column", () => {
    const merged = "本报讯（记者 王闲乐）前 费；薛某某在社区微信群等处发";
    const dump = ["谎称招方舱志愿者骗中介费", merged, "", "天，上海检察机关对在疫情防控", "期间假借社区团购、招募方舱志", "愿者等名目实施诈骗的7起案件", "", "布售卖香烟等物资的虚假信息，", "骗取十余名被害人钱款。前天，", "连某某使用租赁的账号在网络平"].join("\n");
    const units = unitsOf(dump);
    // each half is the first line of its column's text
    expect(units.map((u) => u.lines.slice(0, 2).map((l) => l.text))).toEqual([["谎称招方舱志愿者骗中介费"], ["本报讯（记者王闲乐）前", "天，上海检察机关对在疫情防控"], ["费；薛某某在社区微信群等处发", "布售卖香烟等物资的虚假信息，"]]);
    // each half points back to its own range of the one input line
    const [left, right] = [units[1]!.lines[0]!, units[2]!.lines[0]!];
    expect(dump.slice(left.start, left.end)).toBe("本报讯（记者 王闲乐）前");
    expect(dump.slice(right.start, right.end)).toBe("费；薛某某在社区微信群等处发");
    expect(left.lineNo).toBe(right.lineNo);
  });

  it("cuts a dateline's line printed with the lines of two more columns into three, each opening the column its text runs on into", () => {
    const merged = "本报讯（记者 王闲乐）市委书 防控一线，或主动请缨担当志愿 对1起哄抬物价的非法经";
    const dump = [merged, "", "记昨天来到朔州经济开发区，", "工委聚焦疫情防控监督重点，", "督促党员干部冲锋在前投身到", "", "者，协助疫情防控工作人员扫", "码测温、维持秩序、搬运物资", "等，共同守护群众生命安全。", "", "营案件依法提起公诉。宝山检", "察院对4起涉嫌诈骗罪案件提", "起公诉，案件正在审理之中。"].join("\n");
    const units = unitsOf(dump);
    expect(units.map((u) => u.lines.slice(0, 2).map((l) => l.text))).toEqual([
      ["本报讯（记者王闲乐）市委书", "记昨天来到朔州经济开发区，"],
      ["防控一线，或主动请缨担当志愿", "者，协助疫情防控工作人员扫"],
      ["对1起哄抬物价的非法经", "营案件依法提起公诉。宝山检"],
    ]);
    expect(units.map((u) => dump.slice(u.lines[0]!.start, u.lines[0]!.end))).toEqual(["本报讯（记者 王闲乐）市委书", "防控一线，或主动请缨担当志愿", "对1起哄抬物价的非法经"]);
  });

  it("keeps a dateline's line whole when the column under it is as wide (a story set in one wide column)", () => {
    const line = "本报讯（记者 王闲乐）前天，上海检察机关对在 疫情防控期间假借社区团购";
    const dump = [line, "招募方舱志愿者等名目实施诈骗的7起案件和1起哄抬物价", "非法经营案件依法提起公诉。宝山检察院对4起涉嫌诈骗罪", "案件提起公诉。今年4月至5月间，陆某某在微信群内谎称"].join("\n");
    expect(unitsOf(dump)[0]!.lines[0]!.raw).toBe(line);
  });

  it("needs at least three one-character lines for a vertical headline", () => {
    expect(unitsOf("我\n市").map((u) => u.kind)).not.toContain("vertical");
  });

  it("takes a vertical headline out of the text it is printed beside", () => {
    const units = unitsOf("我\n市民警终于在通往朔南大道的南环路上找到走失\n第\n的刘某柱。看着被冻发抖的刘某柱，民警立即将\n二\n其扶上警车，将面包和热水递到他手中送去。");
    expect(units.map((u) => u.kind)).toEqual(["vertical", "body"]);
    expect(units[0]!.lines.map((l) => l.text).join("")).toBe("我第二");
    expect(units[1]!.lines).toHaveLength(3);
  });

  it("makes two vertical units of two vertical headlines with a story's text between them, in a dump that marks no text boxes", () => {
    const story = ["前天，上海检察机关对在疫情防控期间假借社区", "团购、招募方舱志愿者等名义实施诈骗的案件", "依法提起公诉。某某在担任某保供超市主管期间，", "利用其负责备货的工作便利加价销售保供物资。"];
    const units = unitsOf(["展", "现", "积", "极", "姿", "态", ...story, "谎", "称", "招", "方", "舱"].join("\n"));
    expect(units.map((u) => [u.kind, unitHeadingText(u)])).toEqual([
      ["vertical", "展现积极姿态"],
      ["body", story.join("")],
      ["vertical", "谎称招方舱"],
    ]);
  });

  it("cuts a headline printed on one line with the dateline or byline opening its story off that line, in a dump that marks no text boxes", () => {
    const text = ["长三角一家人 本报讯 本轮疫情中，有杭州的", "企业主动对接上海的社区，送来了蔬菜和", "米面，解了居民的燃眉之急。"];
    const units = unitsOf(text.join("\n"));
    expect(units.map((u) => [u.kind, u.lines.map((l) => l.text)])).toEqual([
      ["heading", ["长三角一家人"]],
      ["body", ["本报讯本轮疫情中，有杭州的", ...text.slice(1)]],
    ]);
    const input = ["长三角一家人 记者 唐乙隽 通讯员 洪敏帆", ...text.slice(1)].join("\n");
    const [heading, byline] = unitsOf(input);
    expect([heading!.kind, byline!.kind]).toEqual(["heading", "byline"]);
    // the parts keep exact offsets into the input
    expect(input.slice(byline!.lines[0]!.start, byline!.lines[0]!.end)).toBe("记者 唐乙隽 通讯员 洪敏帆");
    // a byline's roles and names, and a line spaced out character by character, are no headline
    expect(unitsOf(["记者 唐乙隽 通讯员 郝帆浩 杨娜", ...text.slice(1)].join("\n"))[0]!.kind).toBe("byline");
    expect(unitsOf(["本 报 讯 （ 记 者 颜 睿", "鹏）12月1日15时许，一", ...text.slice(1)].join("\n"))[0]!.lines[0]!.text).toBe("本报讯（记者颜睿");
  });

  it("makes a line of a parallel headline's phrases a heading of its own, in a dump that marks no text boxes", () => {
    const text = ["市妇联：", "闻令动 显真情 铸忠诚", "当战“疫”号角", "再次吹响，市妇联党", "员干部职工闻令而", "动、依令而行，全力", "投入疫情防控第一", "线，用真心真情守护", "群众安全健康。"];
    expect(shape(text.join("\n"))).toEqual([
      ["heading", ["市妇联："]],
      ["heading", ["闻令动显真情铸忠诚"]],
      ["body", text.slice(2)],
    ]);
    // two names are a byline, not a parallel headline
    expect(shape(["顾春静 孟群舒", ...text.slice(2)].join("\n"))[0]![0]).toBe("byline");
    // it opens a story as a dateline does: the headline and subtitle between the last sentence and it head a story
    const page = ["情防控的坚固屏障，共同守护好我们", "的城市家园。", "恢复小区出入公交运营机动车通行", "希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园", "展现积极姿态 迅速扭转预期", "本报讯（记者 孟群舒）市委副书", "记、市长龚正昨天主持召开市政府常", "务会议，要求深入贯彻习近平总书记。"];
    expect(shape(page.join("\n")).map(([kind]) => kind)).toEqual(["body", "heading", "heading", "heading", "body"]);
  });

  it("makes the lines between a jump line and a paragraph's indented first line a heading, in a dump that marks no text boxes", () => {
    const before = ["众志成城，我们一定能", "战胜这次疫情。", "（转第21版）"];
    const headline = ["打通物流堵点，政", "策扶持要明确细则"];
    const text = ["“现在我们的", "客户还是比较着急", "的。”市政协常委、", "上海明佳集团总裁赵", "丽佳告诉记者。"];
    expect(shape([...before, ...headline, ...text].join("\n"))).toEqual([
      ["body", before.slice(0, 2)],
      ["jump", before.slice(2)],
      ["heading", headline],
      ["body", text],
    ]);
    // a dateline under a wrapped headline's short last line opens the text: the headline stays whole
    const dated = ["“12·4”宪法宣传与", "防疫同行", "本报讯 今年12月4", "日是第九个国家宪法", "日。当日，市法学会结"];
    expect(shape([...before, ...dated].join("\n"))[2]).toEqual(["heading", dated.slice(0, 2)]);
  });

  it("cuts a subhead wrapped in its column between two paragraphs off the text, in a dump that marks no text boxes", () => {
    const before = ["民营企业捐款捐物超过", "两亿元，用实际行动形", "成抗击疫情、共克时艰", "的强大合力。"];
    const subhead = ["迅速释放潜能提升保", "供能力"];
    const after = ["抗击疫情是一场物", "质角力，更是一场精神", "较量。当城市运行速度", "慢下来，人民群众的日", "常生活所需不能停滞。"];
    expect(shape([...before, ...subhead, ...after].join("\n"))).toEqual([
      ["body", before],
      ["heading", subhead],
      ["body", after],
    ]);
    // a paragraph's text going on under a full line is no subhead: its short line ends a sentence
    const text = ["迅速释放潜能提升保", "供能力。"];
    expect(shape([...before, ...text, ...after].join("\n")).map(([kind]) => kind)).toEqual(["body"]);
  });

  it("cuts a subhead as wide as a paragraph's first line off the text when an indented first line is under it, in a dump that marks no text boxes", () => {
    const before = ["民营企业捐款捐物超过两亿", "元，用实际行动形成抗击疫", "情、共克时艰的强大合力。"];
    const subhead = "迅速释放潜能提升保供";
    const after = ["抗击疫情，是一场物", "质角力，更是一场精神较量", "。当城市运行速度慢下来，", "人民群众的日常生活所需却", "一刻不能停滞，保供要跟上。"];
    expect(shape([...before, subhead, ...after].join("\n"))).toEqual([
      ["body", before],
      ["heading", [subhead]],
      ["body", after],
    ]);
    // a paragraph's first line whose text runs on across the break (a word across it: 企 / 业) stays text
    const first = "希望广大市民继续支持企";
    const runsOn = ["业复工，牢记三件套", "还要，合力筑牢疫情防控的", "坚固屏障，守护好我们的城", "市家园，迎接新的生活。"];
    expect(shape([...before, first, ...runsOn].join("\n")).map(([kind]) => kind)).toEqual(["body"]);
    // nor over a line spaced out character by character: justified to the column's width, it only measures an indent short
    const spaced = ["的 要 求 ， 更 是 在 此 次", "战“疫”中发出的冲锋号。三", "个小区，属东兴街南平房区，", "居民多为老人，物资要送上门。"];
    expect(shape([...before, subhead, ...spaced].join("\n")).map(([kind]) => kind)).toEqual(["body"]);
  });

  it("cuts a vertical glyph printed on one line with another heading out of that line", () => {
    const input = "共\n同\n努\n家 单日核酸检测能力850万管以上\n园";
    const units = unitsOf(input);
    const vertical = units.find((u) => u.kind === "vertical")!;
    expect(vertical.lines.map((l) => l.text).join("")).toBe("共同努家园");
    const heading = units.find((u) => u.kind === "heading")!;
    expect(heading.lines.map((l) => l.text)).toEqual(["单日核酸检测能力850万管以上"]);
    // the parts keep exact offsets into the input
    const glyph = vertical.lines[3]!;
    expect(input.slice(glyph.start, glyph.end)).toBe("家");
    expect(input.slice(heading.lines[0]!.start, heading.lines[0]!.end)).toBe("单日核酸检测能力850万管以上");
  });

  it("keeps a short last line under heading lines in the heading, even when it could be a name", () => {
    expect(shape("推动惠企政策落\n地落实增强企业\n信心")).toEqual([["heading", ["推动惠企政策落", "地落实增强企业", "信心"]]]);
  });

  it("cuts a heading printed as kicker, headline and subtitle on consecutive lines into its parts", () => {
    expect(shape(["市商务委：", "在“控得住”前提下加快经济恢复重振", "——各区加快推动经济恢复重振"].join("\n"))).toEqual([
      ["heading", ["市商务委："]],
      ["heading", ["在“控得住”前提下加快经济恢复重振"]],
      ["heading", ["——各区加快推动经济恢复重振"]],
    ]);
    // a wrapped headline stays one heading
    expect(shape(["推动惠企政策落", "地落实增强企业"].join("\n"))).toEqual([["heading", ["推动惠企政策落", "地落实增强企业"]]]);
  });

  it("makes a lead-in kicker set as wide as the text a heading when a heading follows it", () => {
    const lead = ["连日来，我市公安全体民辅警始终坚", "持“人民至上、生命至上”工作理念，", "用责任和担当始终奋战在防疫一线，", "全力落实防疫措施，用心解决群众困", "难，让这场战疫斗争——"];
    const kinds = (lines: string[]) => liftTextKickers(unitsOf(lines.join("\n"))).map((u) => u.kind);
    expect(kinds([...lead, "", "不仅有“力度”更有“温度”"])).toEqual(["heading", "heading"]);
    // not without a heading after it, nor text that opens with a dateline
    expect(kinds([...lead, "", ...lead.slice(0, 4), "用心解决群众困难。"])).toEqual(["body", "body"]);
    expect(kinds(["本报讯 " + lead[0]!, ...lead.slice(1), "", "不仅有“力度”更有“温度”"])[0]).toBe("body");
  });

  it("cuts two headlines printed side by side on one line apart, but keeps a headline of spaced phrases whole", () => {
    const input = ["打通物流堵点，政策扶持要明确细则 推动惠企政策落地落实增强企业信心", "市商务委："].join("\n");
    const units = unitsOf(input);
    expect(units.map((u) => u.lines.map((l) => l.text))).toEqual([["打通物流堵点，政策扶持要明确细则"], ["推动惠企政策落地落实增强企业信心"], ["市商务委："]]);
    const right = units[1]!.lines[0]!;
    expect(input.slice(right.start, right.end)).toBe("推动惠企政策落地落实增强企业信心");
    expect(shape("展现积极姿态 迅速扭转预期")).toEqual([["heading", ["展现积极姿态迅速扭转预期"]]]);
    // a long headline beside one less than half as long: two headlines; parallel halves: one
    expect(unitsOf(["全力创建“无疫小区”提升基层治理能力 长三角一家人", "朔城区："].join("\n")).map((u) => u.lines.map((l) => l.text))).toEqual([
      ["全力创建“无疫小区”提升基层治理能力"],
      ["长三角一家人"],
      ["朔城区："],
    ]);
    expect(shape("上海民营企业 结对社区保供显身手")).toHaveLength(1);
    expect(shape("一手抓防控 一手抓发展——")).toHaveLength(1);
  });

  it("gives two headlines side by side the ends they wrapped onto lines of their own, the left one's first", () => {
    // synth_s19_17
    const pair = "助企纾困，加快恢复经济社会发展 上海民营企业结对社区保供显身";
    expect(shape([pair, "活力", "手"].join("\n"))).toEqual([
      ["heading", ["助企纾困，加快恢复经济社会发展", "活力"]],
      ["heading", ["上海民营企业结对社区保供显身", "手"]],
    ]);
    // one end alone may be either headline's: it is left as printed
    expect(shape([pair, "活力"].join("\n")).map(([, lines]) => lines)).toEqual([["助企纾困，加快恢复经济社会发展"], ["上海民营企业结对社区保供显身"], ["活力"]]);
  });

  it("cuts two headlines side by side printed right above a dateline apart, but keeps a subhead run into its text whole", () => {
    const pair = "保障供应，大型商超拿起数字化工具 助企纾困，加快恢复经济社会发展活力";
    const text = ["本报讯（记者 郭霞宇）家乐福古北店店长张瑞卿，", "已经在店里住了两个多月。这段时间，他的手机几乎", "24小时不离手，处理订单、回复信息。"];
    const units = unitsOf([pair, ...text].join("\n"));
    expect(units.slice(0, 2).map((u) => [u.kind, u.lines.map((l) => l.text)])).toEqual([
      ["heading", ["保障供应，大型商超拿起数字化工具"]],
      ["heading", ["助企纾困，加快恢复经济社会发展活力"]],
    ]);
    expect(units[2]!.lines[0]!.text.startsWith("本报讯")).toBe(true);
    // a subhead run into the first line of its paragraph: the line's right run goes on below
    const runIn = ["加快恢复正常秩序是重中之重 当前疫情防控形势持续", "向好，正向常态化防控阶段转换，加快恢复正常生产生", "活秩序是重中之重。要进一步深化细化走访企业机制，"];
    expect(unitsOf(runIn.join("\n")).some((u) => u.lines.some((l) => l.text === "当前疫情防控形势持续"))).toBe(false);
  });

  it("cuts a headline printed beside a headline of spaced parallel phrases apart, the phrases kept together", () => {
    const input = ["全力以赴稳住经济大盘", "加大为企服务加快经济恢复重振 闻令动 显真情 铸忠诚", "市妇联："].join("\n");
    const units = unitsOf(input);
    const texts = units.map((u) => u.lines.map((l) => l.text));
    expect(texts).toContainEqual(["加大为企服务加快经济恢复重振"]);
    const phrases = units.find((u) => u.lines.some((l) => l.raw === "闻令动 显真情 铸忠诚"));
    expect(phrases?.lines.map((l) => l.raw)).toEqual(["闻令动 显真情 铸忠诚"]);
    // the other way round, and phrases of unequal length are no parallel headline
    expect(unitsOf(["闻令动 显真情 铸忠诚 加大为企服务加快经济恢复重振", "市妇联："].join("\n")).map((u) => u.lines.map((l) => l.text))[0]).toEqual(["闻令动显真情铸忠诚"]);
    expect(unitsOf(["加大为企服务加快经济恢复重振 闻令动 显真情铸 忠诚", "市妇联："].join("\n")).some((u) => u.lines.some((l) => l.text === "加大为企服务加快经济恢复重振"))).toBe(false);
  });

  it("puts a short colon kicker the extractor printed under its headline back above it", () => {
    expect(shape(["单日核酸检测能力850万管以上", "市卫健委："].join("\n"))).toEqual([
      ["heading", ["市卫健委："]],
      ["heading", ["单日核酸检测能力850万管以上"]],
    ]);
    // the end of a wrapped kicker, or a long colon line, is not moved
    expect(shape(["连日来，全市广大干部群众，", "全力以赴："].join("\n"))).toEqual([["heading", ["连日来，全市广大干部群众，", "全力以赴："]]]);
    expect(shape(["单日核酸检测能力850万管以上", "朔州经济开发区纪检监察工委："].join("\n"))).toHaveLength(1);
    // a short dash kicker too; not the last line of a long lead-in ending so
    expect(shape(["彰显一方有难八方支援制度优势", "聚焦复工复产复市——"].join("\n"))).toEqual([
      ["heading", ["聚焦复工复产复市——"]],
      ["heading", ["彰显一方有难八方支援制度优势"]],
    ]);
    expect(shape(["全力落实防疫措施，用心解决群众困", "难，让这场战疫斗争——"].join("\n"))).toHaveLength(1);
    // the dashes of a kicker wrapped onto a line of their own stay with it
    expect(unitsOf(["众志成城 共克时艰", "——", "", "单日核酸检测能", "力850万管以上"].join("\n")).map((u) => unitHeadingText(u))).toEqual([
      "众志成城 共克时艰——",
      "单日核酸检测能力850万管以上",
    ]);
  });

  it("puts a kicker wrapped onto a second line together again when the page prints the pair across the break elsewhere", () => {
    const page = ["朔州经济开发区纪", "检监察工委：", "站出来 沉下去 奔一线", "", "连日来，朔州经济开发区纪检监察工委干部闻令而动。"].join("\n");
    const lexicon = new PageLexicon(page.split("\n"));
    const rejoined = rejoinWrappedKickers(unitsOf(page), (a, b) => lexicon.junctionCount(a, b));
    expect(rejoined.filter((u) => u.kind === "heading").map(unitHeadingText)).toEqual(["朔州经济开发区纪检监察工委：", "站出来 沉下去 奔一线"]);
    // a kicker printed under its headline stays above it: the page prints 以上市 nowhere in a line
    const under = ["单日核酸检测能力850万管以上", "市卫健委：", "", "昨天举行的新闻发布会传出消息，全市检测能力持续提升。"].join("\n");
    const underLexicon = new PageLexicon(under.split("\n"));
    expect(rejoinWrappedKickers(unitsOf(under), (a, b) => underLexicon.junctionCount(a, b)).filter((u) => u.kind === "heading").map(unitHeadingText)).toEqual(["市卫健委：", "单日核酸检测能力850万管以上"]);
  });

  it("joins the phrases of a parallel headline printed one to a line with a space, and a headline wrapped in equal lines without", () => {
    const heading = (lines: string[]) => unitsOf(["", ...lines, ""].join("\n")).map((u) => unitHeadingText(u));
    expect(heading(["闻令动", "显真情", "铸忠诚"])).toEqual(["闻令动 显真情 铸忠诚"]);
    expect(heading(["展现积极姿态", "迅速扭转预期"])).toEqual(["展现积极姿态 迅速扭转预期"]);
    // a common word across the break (出入), lines longer than a phrase, punctuation: wrapped lines
    expect(heading(["恢复小区出", "入公交运营", "机动车通行"])).toEqual(["恢复小区出入公交运营机动车通行"]);
    expect(heading(["彰显一方有难八", "方支援制度优势"])).toEqual(["彰显一方有难八方支援制度优势"]);
    expect(heading(["发扬英模精神，", "助力打赢大上海"])).toEqual(["发扬英模精神，助力打赢大上海"]);
  });

  it("cuts the headline off the text under a dash kicker when it is printed as wide as the text, without a blank line", () => {
    const text = ["聚焦复工复产复市——", "", "推动惠企政策落地落实增强企业信心", "本报讯 当前疫情防控形势持续向好，正向常态化防", "控阶段转换，加快恢复正常生产生活秩序是重中之重。"].join("\n");
    expect(splitHeadlinesUnderKickers(unitsOf(text)).map((u) => [u.kind, u.lines.map((l) => l.lineNo)])).toEqual([
      ["heading", [1]],
      ["heading", [3]],
      ["body", [4, 5]],
    ]);
    // after a colon (a letter's salutation ends so too) the text is left whole
    const letter = ["亲爱的市民朋友们：", "", "在这场大上海保卫战中", "全市人民众志成城，共克时艰。"].join("\n");
    expect(splitHeadlinesUnderKickers(unitsOf(letter)).map((u) => u.kind)).toEqual(unitsOf(letter).map((u) => u.kind));
  });

  it("cuts a headline set wider than the text's column off the text under a colon kicker, but leaves a letter under its salutation whole", () => {
    // the headline joins the box of its text (a fragment's shape there): the kicker over it tells
    const page = ["朔城区：", "", "全力创建“无疫小区”提升基层治理能力", "近日，朔城区连续公布了三批", "“无疫小区”创建名单，充分发挥", "居民在疫情防控中的重要作用，努", "力营造“联防联控、群防群控”的", "良好氛围，全力打赢疫情防控歼灭", "战。"].join("\n");
    const [article] = parseText(page).articles;
    expect([article?.kicker, article?.headline]).toEqual(["朔城区：", "全力创建“无疫小区”提升基层治理能力"]);
    const letter = ["亲爱的市民朋友们：", "", "在这场大上海保卫战中，全", "市人民众志成城，共克时艰，", "守护好我们的城市家园。"].join("\n");
    expect(splitHeadlinesUnderKickers(unitsOf(letter)).map((u) => u.kind)).toEqual(unitsOf(letter).map((u) => u.kind));
  });

  it("splits a headline of spaced phrases off the text printed right under it, but not a wrapped headline's first line", () => {
    const text = ["人人参与 人人受益", "连日来，朔城区在临", "时静态管理区内，符合相", "关创建条件的居民小区。"].join("\n");
    expect(shape(text).map(([kind, lines]) => [kind, (lines as string[]).length])).toEqual([
      ["heading", 1],
      ["body", 3],
    ]);
    expect(shape(["展现积极姿态 迅速扭", "转预期"].join("\n"))).toEqual([["heading", ["展现积极姿态迅速扭", "转预期"]]]);
  });

  it("cuts a headline and its subtitle printed right on top of the story's first paragraph off it, but not off text going on", () => {
    const text = ["昨天举行的市新冠肺炎疫情防控", "工作新闻发布会传出消息，综合考虑", "全市疫情防控形势，有序恢复通勤。"];
    expect(shape(["复工复产人员可以通过公交通勤", "——各区加快推动经济恢复重振", ...text, ""].join("\n"))).toEqual([
      ["heading", ["复工复产人员可以通过公交通勤"]],
      ["heading", ["——各区加快推动经济恢复重振"]],
      ["body", text],
    ]);
    // the line under them as wide as the next: a column's text going on (from a story cut elsewhere), not a story's start
    const goingOn = ["元，用实际行动形成抗击疫情", "、共克时艰的强大合力。全市", "各级企业积极参与保供工作。"];
    const kinds = shape(["上海民营企业结对社区保供显身手", "——来自基层防控一线的报道", ...goingOn, ""].join("\n")).map(([kind]) => kind);
    expect(kinds).toEqual(["heading", "body"]);
  });

  it("reads lines of a paragraph's shape as text, not a heading: indented first line, then full lines of one width", () => {
    const cut = ["对不少企业来说，物流", "畅通是开展生产经营的必备", "前提之一，作为园区运营方", "负责人，赵丽佳的感受更深"];
    expect(shape(["恢复跨省运力", ...cut, ""].join("\n"))).toEqual([
      ["heading", ["恢复跨省运力"]],
      ["body", cut],
    ]);
    // a headline wrapped onto lines of one width, its first line full, stays a heading
    const wrapped = ["全市春耕生产农机检修", "工作全面完成保障春耕", "顺利进行"];
    expect(shape([...wrapped, ""].join("\n"))).toEqual([["heading", wrapped]]);
  });

  it("splits a heading off the wider body text under it", () => {
    expect(shape("送抑郁女子回家\n11月30日16时许，应县公安局金城派出所民警\n日常疫情巡逻至北四环附近，看见一女子孤身\n一人行走在路边野地里。")).toEqual([
      ["heading", ["送抑郁女子回家"]],
      ["body", ["11月30日16时许，应县公安局金城派出所民警", "日常疫情巡逻至北四环附近，看见一女子孤身", "一人行走在路边野地里。"]],
    ]);
  });

  it("splits off a headline as wide as the text under it when it wraps onto one character", () => {
    const text = ["用为民情怀，做好“送上门”的群众工", "作", "展、支持上海抗疫、推进复工复产情况，", "询问企业所需。企业负责人表示，杜邦坚", "信“投资上海，就是投资未来”。"].join("\n");
    expect(shape(text).map(([kind, lines]) => [kind, (lines as string[]).length])).toEqual([
      ["heading", 2],
      ["body", 3],
    ]);
  });

  it("keeps a story's first lines, opening with a dateline, as text though they end on one character", () => {
    const text = ["本报讯（记者 龚勇 齐婷勇 通讯", "员 周楠）最坚固的防线最坚实的依", "靠", "在疫情袭来时，大家毅然扛起重担，", "千方百计守护城市的生命线。"].join("\n");
    expect(shape(text).map(([kind]) => kind)).toEqual(["body"]);
  });

  it("keeps a one-character line under text with a sentence in it as text", () => {
    const text = ["询问企业所需。企业负责人表示，杜邦坚", "信", "展、支持上海抗疫、推进复工复产情况，", "询问企业所需。企业负责人表示，杜邦坚", "信“投资上海，就是投资未来”。"].join("\n");
    expect(shape(text).map(([kind]) => kind)).not.toContain("heading");
  });

  it("reads a line alone between blank lines as a heading however wide, unless it holds a sentence or closes with a photo credit", () => {
    const wide = "希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园";
    expect(shape(`${wide}\n\n`).map(([kind]) => kind)).toEqual(["heading"]);
    expect(shape(`${wide}。\n\n`).map(([kind]) => kind)).toEqual(["body"]);
    // a caption of one line, its credit after it: 加大走访力度，优化企业服务…需求 通讯员 陈华 摄
    expect(shape(`\n${wide} 通讯员 陈华 摄\n\n`).map(([kind]) => kind)).toEqual(["body"]);
    // nor is a caption of two short lines closed so
    const caption = ["上海人民的素质、对防控措施的理解、高度的责任感让人充分", "赞赏相信解封时刻会在不久后到来 本报记者 栗思 摄"];
    expect(shape(`\n${caption.join("\n")}\n\n`).map(([kind]) => kind)).toEqual(["body"]);
    // nor short lines printed right over a credit line
    const over = ["强化责任意识、自律意识，人人当好个人防护第一责任人，切实做到", "从“要我防”到“我要防”，把防控网织得更密更牢", "聂璐 摄"];
    expect(shape(`\n${over.join("\n")}\n\n`).map(([kind]) => kind)).toEqual(["body", "credit"]);
  });

  it("makes labels, bylines, jump lines, credits and running heads units of their own", () => {
    expect(unitsOf("短 评\n记者 武跃林\n（下转第3版）\n记者 顾泳 摄\n2022年6月1日 星期三 第2版 责任编辑 崔怡").map((u) => u.kind)).toEqual([
      "label",
      "byline",
      "jump",
      "credit",
      "furniture",
    ]);
  });

  it("starts a new unit at a dateline and after a line closed by a byline", () => {
    const text = "全市各社区广泛发动群众参与环境卫生整治，清理\n卫生死角，让群众更有获得感和安全感。 何永航\n本报讯（记者 武跃林）近日，市公安局组织开展\n冬季治安巡逻，全力守护群众平安。";
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["body", 2],
      ["body", 2],
    ]);
  });

  it("keeps a short line opening a dateline with the wider text under it: the story's first line, not a heading", () => {
    const text = "打通物流堵点，政策扶持要明确细则\n本报讯 “现在我们\n的客户还是比较着急的。”市政\n协常委、上海明佳集团总裁\n赵丽佳告诉记者，其集团旗下";
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["heading", 1],
      ["body", 4],
    ]);
  });

  it("cuts a headline printed right on top of a narrower column off that column, keeping the column whole", () => {
    const text = "上海民营企业结对社区保供显身手\n和2934个封控小区，\n建立了民营企业突击\n队724支1.72万人，组\n织发动志愿者11.08万\n人，协调解决突出问\n题600多个。";
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["heading", 1],
      ["body", 6],
    ]);
  });

  it("cuts a headline as wide as its column off the indented paragraph right under it", () => {
    const text = "集中隔离在当前形势下是必要的\n梁万年表示，坚持无症状感\n染者、轻症患者集中隔离，这是\n由我国“外防输入、内防反弹”\n的总策略决定的。";
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["heading", 1],
      ["body", 4],
    ]);
    // a short line closing a sentence under it ends a paragraph: the line over it is the same paragraph's
    expect(unitsOf("年级学生从6月13日起\n返校复学。\n中小学其他各年级\n学生继续居家在线学习").map((u) => u.kind)).toEqual(["body"]);
    // the line under it is a wrapped kicker's end, not text: no paragraph starts there
    expect(unitsOf("朔州经济开发区纪\n检监察工委：\n站出来 沉下去 奔一线").some((u) => u.kind === "body" && u.lines.length === 2)).toBe(false);
  });

  it("keeps a wrapped headline whole above its text: its short last line is no column", () => {
    const text = "推动惠企政策落地落实增强企业\n信心\n本报讯 加快\n恢复正常秩序是重\n中之重，全市各区\n要帮助企业解决实\n际困难。";
    expect(unitsOf(text).map((u) => [u.kind, u.lines.length])).toEqual([
      ["heading", 2],
      ["body", 5],
    ]);
  });

  it("separates blocks at blank lines and records the blanks around units", () => {
    const units = unitsOf("标题一\n\n记者 武跃林\n正文第一句，还没有结束的句子在这里继续写下去\n");
    expect(units.map((u) => [u.kind, u.blankBefore, u.blankAfter])).toEqual([
      ["heading", true, true],
      ["byline", true, false],
      ["heading", false, true],
    ]);
  });

  it("reads long or sentence-ending text as body", () => {
    expect(unitsOf("这是一个句子。").map((u) => u.kind)).toEqual(["body"]);
    // wider than any heading, even alone between blank lines
    expect(unitsOf("这是一行很长的文字".repeat(7)).map((u) => u.kind)).toEqual(["body"]);
    expect(unitsOf("本报讯 今天").map((u) => u.kind)).toEqual(["body"]);
  });

  it("gives no unit for blank input", () => {
    expect(unitsOf("")).toEqual([]);
    expect(unitsOf("\n \n\u3000\n")).toEqual([]);
  });
});

describe("isRunningHead / isColumnLabel", () => {
  it("wants two of date, page number and editor", () => {
    expect(isRunningHead("2022年6月1日 星期三 第2版")).toBe(true);
    expect(isRunningHead("第2版 责任编辑 崔怡")).toBe(true);
    expect(isRunningHead("2022年6月1日 星期三")).toBe(false);
    expect(isRunningHead("下转第2版")).toBe(false);
  });

  it("knows column labels, spaced out or in brackets", () => {
    expect(isColumnLabel("短 评")).toBe(true);
    expect(isColumnLabel("【简讯】")).toBe(true);
    expect(isColumnLabel("短评一则")).toBe(false);
    // a label that reads like a byline (记者 + two characters) is the column it names
    expect(isColumnLabel("记者观察")).toBe(true);
    // any short name in lenticular brackets is a label; a bracketed sentence is not
    expect(isColumnLabel("【今日谈】")).toBe(true);
    expect(isColumnLabel("【 记者观察 】")).toBe(true);
    expect(isColumnLabel("【市委召开会议，部署工作】")).toBe(false);
    expect(columnLabelName("【 短 评 】")).toBe("短评");
  });

  it("knows labels other papers set in other brackets or after a bullet", () => {
    for (const label of ["■短评", "◆ 时评", "〔短评〕", "［简讯］", "●新闻链接"]) expect(isColumnLabel(label), label).toBe(true);
    expect(columnLabelName("◆ 时评")).toBe("时评");
    expect(columnLabelName("〔短评〕")).toBe("短评");
    expect(isColumnLabel("■市委召开常委会议")).toBe(false);
  });

  it("compares the longest labels however much spacing surrounds them, and nothing longer", () => {
    expect(isColumnLabel("【 评 论 员 文 章 】")).toBe(true);
    expect(isColumnLabel("[延伸阅读]\u3000")).toBe(true);
    // the paper's commentator signs a commentary: a byline, not a column
    expect(isColumnLabel("本报评论员")).toBe(false);
    expect(isColumnLabel("评论员文章们")).toBe(false);
  });
});
