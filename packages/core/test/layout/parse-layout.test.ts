import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PageSchema, type Page } from "../../src/index.js";
import { readAlto } from "../../src/layout/alto.js";
import { readHocr } from "../../src/layout/hocr.js";
import type { LayoutDocument } from "../../src/layout/model.js";
import { parseLayout } from "../../src/parse-layout.js";
import { missingLetters } from "../helpers.js";
import { altoPage, EM, wrap, type BlockSpec } from "./alto-builder.js";

const DEV = resolve(import.meta.dirname, "../../../../corpus/dev");
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function parse(xml: string, name = "page.alto.xml"): { page: Page; doc: LayoutDocument } {
  const doc = readAlto(xml, name);
  const [page] = parseLayout(doc, { sourceName: name, sha256: sha(xml), format: "alto" });
  return { page: page!, doc };
}

/** Every word of a layout document, one line each: what the Page must keep. */
const wordsOf = (doc: LayoutDocument) => doc.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => w.text).join(" ")))).join("\n");

const A = [
  "“现在我们的客户还是比较着急的。”市政协常委赵丽佳告诉记者，企业希望在做好防疫的前提下尽快开展正常的生产经营活动。",
  "当前，上海正恢复正常生产秩序，企业还面临哪些亟待解决的堵点问题？记者采访了多位来自企业界的政协委员。",
];
const A_SUBHEAD = "恢复跨省运力";
const A_AFTER = [
  "对不少企业来说，物流畅通是开展生产经营的必备前提之一，作为园区运营方负责人，赵丽佳的感受更深刻，园区帮忙联系了一家相熟的物流公司。",
  "市政协委员王俊也收到不少企业反馈，跨省运力仍存在堵点，尚待恢复，建议加强与外省特别是长三角地区的沟通协调。",
];
const B = ["本报讯（记者 孟群舒）市委副书记、市长龚正昨天调研外资外贸企业时指出，要把稳增长放在更加突出的位置，加大为企服务力度。", "龚正指出，上海疫情防控形势持续向好，要着力稳外贸，打通供应链堵点，帮助各类外贸企业拓市场、扩订单。"];
const C = "本轮疫情中，有杭州的消费者注意到，常去的面包店里某款产品暂停供应了，原因是生产在安徽的工厂受到影响。";

/**
 * A page with known coordinates: page name and running head; story A under a headline over two
 * columns, with a subhead, going on mid-sentence in the second column and signed at its foot;
 * story B under a smaller headline, with a dateline and a jump line; story C under a vertical
 * headline printed at its right; a photo caption in small type closed by its credit.
 */
function samplePage(): string {
  const perLine = 20;
  const col1 = [...wrap(A, perLine)];
  const after = wrap(A_AFTER, perLine);
  const firstPart = after.slice(0, 4);
  const secondPart = after.slice(4);
  const pitch = Math.round(EM * 1.6);
  const blocks: BlockSpec[] = [
    { id: "name", x: 100, y: 100, size: 20, lines: ["要闻"] },
    { id: "head", x: 2200, y: 130, size: 9, lines: ["2022年6月1日 星期三 第2版 责任编辑 崔怡"] },
    { id: "a-head", x: 100, y: 300, size: 24, lines: ["打通物流堵点政策扶持要明确细则"] },
    { id: "a1", x: 100, y: 460, size: 10, lines: col1 },
    { id: "a-sub", x: 400, y: 460 + col1.length * pitch + 40, size: 11, lines: [A_SUBHEAD] },
    { id: "a2", x: 100, y: 460 + col1.length * pitch + 140, size: 10, lines: firstPart },
    { id: "a3", x: 1000, y: 460, size: 10, lines: [...secondPart, "本报记者 顾杰>"], width: perLine * EM },
    { id: "b-head", x: 1900, y: 300, size: 15, lines: ["市领导调研外资外贸企业"] },
    { id: "b1", x: 1900, y: 460, size: 10, lines: [...wrap(B, perLine), "（下转第3版）>"], width: perLine * EM },
    { id: "c1", x: 2760, y: 1400, size: 10, lines: wrap([C], 16) },
    { id: "c-head", x: 3500, y: 1400, size: 15, lines: Array.from("长三角一家人"), vertical: true },
    { id: "d1", x: 1900, y: 2400, size: 9, lines: ["市民在超市选购商品。", "记者 李四 摄>"], width: 16 * EM },
  ];
  return altoPage(blocks);
}

describe("parseLayout on a hand-made page with known coordinates", () => {
  const xml = samplePage();
  const { page, doc } = parse(xml);

  it("is schema-valid and keeps every letter and digit", () => {
    expect(() => PageSchema.parse(page)).not.toThrow();
    expect(missingLetters(wordsOf(doc), page)).toEqual(new Map());
    expect(page.diagnostics).toEqual([]);
  });

  it("reads page furniture into the page fields", () => {
    expect(page.page).toMatchObject({ pageName: "要闻", date: "2022-06-01", pageNumber: 2, editors: ["崔怡"] });
    expect(page.source).toMatchObject({ name: "page.alto.xml", format: "alto", sha256: sha(xml) });
  });

  it("heads story A with its headline, follows it down past the subhead and on into the next column, signed at its foot", () => {
    const a = page.articles.find((x) => x.headline === "打通物流堵点政策扶持要明确细则");
    expect(a).toBeDefined();
    expect(a!.paragraphs.map((p) => [p.role, p.text])).toEqual([
      ["body", A[0]],
      ["body", A[1]],
      ["subhead", A_SUBHEAD],
      ["body", A_AFTER[0]],
      ["body", A_AFTER[1]],
    ]);
    expect(a!.byline).toMatchObject({ reporters: ["顾杰"] });
    expect(a!.dateline).toBeNull();
  });

  it("gives story B its dateline, byline and jump line", () => {
    const b = page.articles.find((x) => x.headline === "市领导调研外资外贸企业");
    expect(b).toMatchObject({ dateline: "本报讯", byline: { reporters: ["孟群舒"] }, jumps: [{ direction: "continuedOn", page: 3 }] });
    expect(b!.paragraphs.map((p) => p.text)).toEqual([B[0]!.replace(/^本报讯（记者 孟群舒）/u, ""), B[1]]);
  });

  it("reads a vertical headline top to bottom and gives it to the text at its left", () => {
    const c = page.articles.find((x) => x.paragraphs[0]?.text === C);
    expect(c?.headline).toBe("长三角一家人");
  });

  it("makes a small-type caption closed by a credit a photo article", () => {
    const d = page.articles.find((x) => x.paragraphs[0]?.text === "市民在超市选购商品。");
    expect(d).toMatchObject({ kind: "photo", headline: null, byline: { photographers: ["李四"] } });
    expect(page.articles).toHaveLength(4);
  });

  it("points every span to the page, a box and the XML of its lines", () => {
    for (const article of page.articles) {
      for (const span of [...article.spans, ...article.paragraphs.flatMap((p) => p.spans)]) {
        expect(span.page).toBe(1);
        expect(span.bbox).toBeDefined();
        const [x0, y0, x1, y1] = span.bbox!;
        expect(x0).toBeLessThan(x1);
        expect(y0).toBeLessThan(y1);
        expect(xml.slice(span.start, span.end)).toMatch(/^<TextLine [\s\S]*<\/TextLine>$/u);
        expect(span.endLine).toBeGreaterThanOrEqual(span.line);
      }
    }
    const a = page.articles.find((x) => x.headline === "打通物流堵点政策扶持要明确细则")!;
    const first = a.paragraphs[0]!.spans[0]!;
    expect(xml.slice(first.start, first.end)).toContain("现在我们的客户");
    // the first paragraph sits in the first column, under the headline
    expect(first.bbox![0]).toBe(100);
    expect(first.bbox![1]).toBe(460);
  });

  it("gives the same Page for the same input", () => {
    expect(parse(xml).page).toEqual(page);
  });
});

describe("parseLayout on the dev corpus (ALTO and hOCR made from the sample pages)", () => {
  const names = readdirSync(DEV)
    .filter((f) => f.endsWith(".alto.xml"))
    .map((f) => f.slice(0, -".alto.xml".length));

  it.each(names)("%s: schema-valid and lossless, from ALTO and from hOCR, spans on the page", (name) => {
    for (const [file, read] of [
      [`${name}.alto.xml`, readAlto],
      [`${name}.hocr`, readHocr],
    ] as const) {
      const text = readFileSync(resolve(DEV, file), "utf8");
      const doc = read(text, file);
      const pages = parseLayout(doc, { sourceName: file, sha256: sha(text), format: doc.format as "alto" | "hocr" });
      expect(pages).toHaveLength(1);
      const page = PageSchema.parse(pages[0]);
      expect(missingLetters(wordsOf(doc), page), file).toEqual(new Map());
      expect(page.articles.length).toBeGreaterThan(0);
      for (const a of page.articles) for (const s of a.spans) expect(s.page !== undefined && s.bbox !== undefined && s.end > s.start).toBe(true);
    }
  });
});

describe("parseLayout never throws on a well-formed layout", () => {
  it("keeps the text of an empty, odd or headline-only page", () => {
    const pages: BlockSpec[][] = [
      [],
      [{ id: "h", x: 100, y: 100, size: 30, lines: ["只有标题没有正文"] }],
      [{ id: "v", x: 100, y: 100, size: 10, lines: ["甲", "乙"] }],
      [{ id: "x", x: 100, y: 100, size: 10, lines: ["记者 张三>", "（下转第3版）>"], width: 400 }],
    ];
    for (const blocks of pages) {
      const xml = altoPage(blocks);
      const { page, doc } = parse(xml);
      expect(() => PageSchema.parse(page)).not.toThrow();
      expect(missingLetters(wordsOf(doc), page)).toEqual(new Map());
    }
  });
});

describe("parseLayout: heading roles and vertical text from the geometry", () => {
  it("reads smaller type above the headline as the kicker and below it as the subtitle", () => {
    const xml = altoPage([
      { id: "k", x: 100, y: 100, size: 14, lines: ["坚持人民至上生命至上"] },
      { id: "h", x: 100, y: 160, size: 26, lines: ["全力守护城市安全"] },
      { id: "s", x: 100, y: 290, size: 14, lines: ["各区各部门连夜部署落实"] },
      { id: "b", x: 100, y: 380, size: 10, lines: wrap(["本报讯（记者 张三）昨天，全市各区各部门连夜部署落实各项防控措施，守护城市安全运行。"], 20) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: "坚持人民至上生命至上", headline: "全力守护城市安全", subheadline: "各区各部门连夜部署落实", dateline: "本报讯" });
    expect(page.unassigned).toEqual([]);
  });

  it("reads a vertical headline set in two columns right to left, each top to bottom", () => {
    const body = wrap(["一批重点企业生产水平持续提升，一批科技产业项目有序恢复建设，经济社会发展活力加快恢复。"], 14);
    const xml = altoPage([
      { id: "b", x: 100, y: 100, size: 10, lines: body },
      { id: "v1", x: 800, y: 100, size: 15, lines: Array.from("加快恢复"), vertical: true },
      { id: "v2", x: 700, y: 100, size: 15, lines: Array.from("经济活力"), vertical: true },
    ]);
    const { page } = parse(xml);
    expect(page.articles.map((a) => a.headline)).toEqual(["加快恢复经济活力"]);
  });
});

describe("parseLayout: kicker and subtitle in body type", () => {
  it("reads a body-size line ending in a dash over the headline as its kicker, and one opening with a dash under it as its subtitle", () => {
    const body = wrap(["家乐福古北店店长张瑞卿，已经在店里住了两个多月。这段时间里，门店通过数字化工具保障了周边居民的生活物资供应。"], 20);
    const xml = altoPage([
      // kicker and subtitle centred over and under the headline
      { id: "k", x: 883, y: 100, size: 10, lines: ["守护城市烟火气——"] },
      { id: "h", x: 200, y: 160, size: 26, lines: ["保障供应，大型商超拿起数字化工具"] },
      { id: "s", x: 694, y: 290, size: 10, lines: ["——写在全面恢复正常生产生活秩序之际"] },
      { id: "b", x: 200, y: 380, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: "守护城市烟火气——", headline: "保障供应，大型商超拿起数字化工具", subheadline: "——写在全面恢复正常生产生活秩序之际" });
  });
});

describe("parseLayout: a subhead at the top of a column", () => {
  it("reads a heading level with the text of the columns beside it as a subhead of the story, not a story of its own", () => {
    const p1 = "在疫情防控分秒必争的关键时刻，针对解决社区抗疫和保供难题，上海民营企业响应号召，组建突击队参与基层社区对口保供，形成了民营企业分区包干的工作机制，以实际行动形成抗击疫情的强大合力。";
    const p2 = "抗击疫情是一场物质角力，更是一场精神较量。各级工商联和商协会迅速释放潜能，从全国各地调配物资，解决社区居民买菜难问题。";
    const lines1 = wrap([p1], 12);
    const half = Math.ceil(lines1.length / 2);
    const xml = altoPage([
      // the headline centred over three columns; the third column opens with a subhead level with the others' tops
      { id: "h", x: 177, y: 100, size: 26, lines: ["民营企业结对社区保供显身手"] },
      { id: "c1", x: 100, y: 260, size: 10, lines: lines1.slice(0, half) },
      { id: "c2", x: 688, y: 260, size: 10, lines: lines1.slice(half) },
      { id: "sub", x: 1276, y: 260, size: 12, lines: ["迅速释放潜能"] },
      { id: "c3", x: 1276, y: 340, size: 10, lines: wrap([p2], 12) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.headline).toBe("民营企业结对社区保供显身手");
    expect(page.articles[0]!.paragraphs.map((p) => [p.role, p.text])).toEqual([
      ["body", p1],
      ["subhead", "迅速释放潜能"],
      ["body", p2],
    ]);
  });

  it("reads a heading set a little under the tops of the columns beside it (space over a subhead) as a subhead too", () => {
    const p1 = "在疫情防控分秒必争的关键时刻，针对解决社区抗疫和保供难题，上海民营企业响应号召，组建突击队参与基层社区对口保供，形成了民营企业分区包干的工作机制，以实际行动形成抗击疫情的强大合力。";
    const p2 = "抗击疫情是一场物质角力，更是一场精神较量。各级工商联和商协会迅速释放潜能，从全国各地调配物资，解决社区居民买菜难问题。";
    const lines1 = wrap([p1], 12);
    const half = Math.ceil(lines1.length / 2);
    const subTop = 260 + 2 * EM;
    const xml = altoPage([
      { id: "h", x: 177, y: 100, size: 26, lines: ["民营企业结对社区保供显身手"] },
      { id: "c1", x: 100, y: 260, size: 10, lines: lines1.slice(0, half) },
      { id: "c2", x: 688, y: 260, size: 10, lines: lines1.slice(half) },
      { id: "sub", x: 1276, y: subTop, size: 12, lines: ["迅速释放潜能"] },
      { id: "c3", x: 1276, y: subTop + 80, size: 10, lines: wrap([p2], 12) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.paragraphs.map((p) => [p.role, p.text])).toEqual([
      ["body", p1],
      ["subhead", "迅速释放潜能"],
      ["body", p2],
    ]);
  });
});

describe("parseLayout: a headline set over later columns", () => {
  it("gives the story the column printed left of the headline's, starting level with it", () => {
    const p1 = "本报讯（记者 岳琪帅）各层各级领导干部要主动关心企业、服务企业，深入基层一线走访企业，帮助企业解决实际困难。";
    const p2 = "市委常委会昨晚举行会议，深入学习贯彻关于疫情防控工作的重要讲话精神，研究部署本市复工复产各项工作。";
    const xml = altoPage([
      // the headline stands over the second and third columns only; the first column starts level with them
      { id: "h", x: 688, y: 100, size: 22, lines: ["在控得住前提下加快经济恢复"] },
      { id: "c1", x: 100, y: 260, size: 10, lines: wrap([p1], 12) },
      { id: "c2", x: 688, y: 260, size: 10, lines: wrap([p2], 12).slice(0, 3) },
      { id: "c3", x: 1276, y: 260, size: 10, lines: wrap([p2], 12).slice(3) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ headline: "在控得住前提下加快经济恢复", dateline: "本报讯", byline: { reporters: ["岳琪帅"] } });
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual([p1.replace(/^本报讯（记者 岳琪帅）/u, ""), p2]);
  });
});

describe("parseLayout: a paragraph that ends a column without punctuation", () => {
  it("goes on into the next column level with it, where an indented line opens the next paragraph", () => {
    const p1 = "最坚固的防线最坚实的依靠在疫情袭来时，大家毅然扛起了重担，我们都看到了团结的力量、互助的力量、向上的力量、大爱的力量";
    const p2 = "坚决克服麻痹思想、厌战情绪、侥幸心理、松劲心态，把各项防控措施落细落实，共同努力守护好我们的城市家园。";
    const lines1 = wrap([p1], 12);
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 22, lines: ["共同努力守护好建设好城市家园"] },
      { id: "c1", x: 100, y: 260, size: 10, lines: lines1 },
      { id: "c2", x: 688, y: 260, size: 10, lines: wrap([p2], 12) },
    ]);
    expect(Array.from(lines1.at(-1)!).length).toBe(12); // the column ends on a full line, mid-paragraph as far as the text shows
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual([p1, p2]);
  });
});

describe("parseLayout: a signed story whose first column ends without punctuation", () => {
  it("goes on into the next column level with the first column's text, under the byline", () => {
    const p1 = "要坚决克服侥幸松劲，保持警醒警惕，市区两级应急指挥体系随时保持激活状态，确保第一时间启动响应";
    const p2 = "连日来，市委、市政府每天晚上召开市新冠肺炎疫情防控工作例会，就做好常态化疫情防控重点工作进行再部署再压实。";
    const lines1 = wrap([p1], 12);
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 22, lines: ["更高效统筹疫情防控和经济社会发展"] },
      // the byline over the first column only: the second column starts level with the text under it
      { id: "by", x: 100, y: 250, size: 10, lines: ["本报记者 岳宇 翟东兰"] },
      { id: "c1", x: 100, y: 300, size: 10, lines: lines1 },
      { id: "c2", x: 688, y: 300, size: 10, lines: wrap([p2], 12) },
    ]);
    expect(Array.from(lines1.at(-1)!).length).toBe(12); // the column ends on a full line, mid-paragraph as far as the text shows
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.byline?.reporters).toEqual(["岳宇", "翟东兰"]);
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual([p1, p2]);
  });
});

describe("parseLayout: a headline centred over a story's later columns", () => {
  it("opens the story at the column left of them, level with them, though its paragraph ends without punctuation", () => {
    const perLine = 12;
    const x = (column: number) => 100 + column * (perLine + 2) * EM;
    const p1 = "本报讯（记者 岳琪帅）各层各级领导干部要主动关心企业、服务企业，发扬店小二精神，深入基层一线，要加大联系走访企业力度";
    const p2 = "市委常委会昨晚举行会议，研究部署我市复工复产和加快经济恢复有关工作。市委书记主持会议并讲话。";
    const p3 = "会议指出，要更加有力、更加高效地统筹疫情防控和经济社会发展，全力做到疫情要防住、经济要稳住。";
    const lines1 = wrap([p1], perLine);
    const xml = altoPage([
      // the headline stands over the second and third columns only
      { id: "h", x: x(1), y: 100, size: 22, lines: ["在控得住前提下加快经济恢复重振"] },
      { id: "c0", x: x(0), y: 260, size: 10, lines: lines1, width: perLine * EM },
      { id: "c1", x: x(1), y: 260, size: 10, lines: wrap([p2], perLine), width: perLine * EM },
      { id: "c2", x: x(2), y: 260, size: 10, lines: wrap([p3], perLine), width: perLine * EM },
    ]);
    expect(Array.from(lines1.at(-1)!).length).toBe(perLine); // the column ends on a full line, mid-paragraph as far as the text shows
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ headline: "在控得住前提下加快经济恢复重振", dateline: "本报讯", byline: { reporters: ["岳琪帅"] } });
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual([p1.replace(/^本报讯（记者 岳琪帅）/u, ""), p2, p3]);
  });
});

describe("parseLayout: a vertical headline at the story's left", () => {
  it("heads the text at its right, with the column label printed over that text", () => {
    const body = wrap(["连日来，朔城区在临时静态管理区内，符合相关创建条件的居民小区开展无疫小区创建工作，让每一个社区行动起来。"], 12);
    const xml = altoPage([
      { id: "v", x: 100, y: 100, size: 15, lines: Array.from("人人参与人人受益"), vertical: true },
      { id: "label", x: 200, y: 100, size: 10, lines: ["时评"] },
      { id: "b", x: 200, y: 170, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ headline: "人人参与人人受益", column: "时评" });
    expect(page.unassigned).toEqual([]);
  });
});

describe("parseLayout: a vertical headline beside the column of another headline's story", () => {
  it("heads the text at its right when the text at its left runs under a headline printed across it", () => {
    const perLine = 12;
    const a = wrap(["新华社广州6月8日电（记者 武跃林）连日来，市委、市政府每天晚上召开市新冠肺炎疫情防控工作领导小组会议，研究部署重点工作，", "对下一阶段工作进行再部署再压实。"], perLine);
    const b = wrap(["本报讯（记者 唐烨）记者从市第一妇婴保健院获悉，一名孕妇在医院顺利分娩，母子平安，这在我市尚属第二例。"], perLine);
    const column2 = 100 + (perLine + 2) * EM;
    const vertical = column2 + (perLine + 1) * EM;
    const xml = altoPage([
      { id: "a-head", x: 100, y: 100, size: 24, lines: ["统筹疫情防控和发展"] },
      { id: "a1", x: 100, y: 230, size: 10, lines: a.slice(0, 6), width: perLine * EM },
      { id: "a2", x: column2, y: 230, size: 10, lines: a.slice(6), width: perLine * EM },
      { id: "v", x: vertical, y: 100, size: 15, lines: Array.from("我市第二例新冠孕妇顺利分娩"), vertical: true },
      { id: "b1", x: vertical + 3 * EM, y: 230, size: 10, lines: b, width: perLine * EM },
    ]);
    const { page } = parse(xml);
    expect(page.articles.map((x) => [x.headline, x.dateline])).toEqual([
      ["统筹疫情防控和发展", "新华社广州6月8日电"],
      ["我市第二例新冠孕妇顺利分娩", "本报讯"],
    ]);
    expect(page.articles[0]!.paragraphs.map((p) => p.text).join("")).toContain("再部署再压实。");
  });
});

describe("parseLayout: a photo credit flush right under its caption", () => {
  it("gives the credit to the caption whose last line it is printed under, however far right of that line's end", () => {
    const captionEm = Math.round(EM * 0.9); // 9-point caption type
    const pitch = Math.round(captionEm * 1.6);
    const photoWidth = 40 * captionEm;
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 24, lines: ["全力守护城市安全运行"] },
      { id: "b", x: 100, y: 230, size: 10, lines: wrap([...B, C], 20) },
      { id: "cap", x: 100, y: 1200, size: 9, lines: ["经初步测算，本轮《行动方案》提出的政策措施叠加3月底市政府出台的政策，", "预计全年减负3000亿元。"] },
      // its own block, on the line under the caption's last, flush with the photo's right edge
      { id: "credit", x: 100, y: 1200 + 2 * pitch, size: 9, lines: ["记者 黄秋 摄>"], width: photoWidth },
    ]);
    const { page } = parse(xml);
    const photo = page.articles.find((a) => a.kind === "photo");
    expect(photo).toMatchObject({ byline: { photographers: ["黄秋"] } });
    expect(photo!.paragraphs.map((p) => p.text).join("")).toContain("预计全年减负3000亿元。");
    expect(page.unassigned).toEqual([]);
  });
});

describe("parseLayout: a paragraph's indented first line in a block of its own", () => {
  it("goes on into the lines under it that start at the column's left edge", () => {
    const captionEm = Math.round(EM * 0.9);
    const pitch = Math.round(captionEm * 1.6);
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 24, lines: ["全力守护城市安全运行"] },
      { id: "b", x: 100, y: 230, size: 10, lines: wrap([...B, C], 20) },
      // the caption's first line, indented two glyphs, is a block; its last line another
      { id: "cap1", x: 100 + 2 * captionEm, y: 1200, size: 9, lines: ["加快恢复正常秩序是重中之重，当前疫情防控形势持续向好，正向常态化防控阶段转换，加快"] },
      { id: "cap2", x: 100, y: 1200 + pitch, size: 9, lines: ["发展。", "记者 季琪 摄>"], width: 40 * captionEm },
    ]);
    const { page } = parse(xml);
    const photos = page.articles.filter((a) => a.kind === "photo");
    expect(photos).toHaveLength(1);
    expect(photos[0]!.paragraphs.map((p) => p.text).join("")).toMatch(/^加快恢复正常秩序.*加快发展。$/u);
  });
});

describe("parseLayout: a paragraph opening at a column's foot", () => {
  it("reads the indented line under a subhead at the column's foot as the paragraph's first line, going on at the next column's top", () => {
    const perLine = 16;
    const column1 = wrap(["本报讯（记者 张骏）在疫情防控分秒必争的关键时刻，针对解决社区抗疫和保供难题，本市民营企业结对社区。"], perLine);
    const pitch = Math.round(EM * 1.6);
    const subheadY = 230 + column1.length * pitch + 20;
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 24, lines: ["民营企业结对社区保供"] },
      { id: "c1", x: 100, y: 230, size: 10, lines: column1, width: perLine * EM },
      { id: "sub", x: 100 + EM, y: subheadY, size: 12, lines: ["迅速释放潜能提升保供能力"] },
      // the paragraph's first line alone in its block at the column's foot, indented, full to the right edge
      { id: "first", x: 100, y: subheadY + 2 * pitch, size: 10, lines: ["  抗击疫情是一场物质角力，更是"] },
      { id: "c2", x: 100 + (perLine + 2) * EM, y: 230, size: 10, lines: ["一场精神较量。当城市运行速度慢", "下来，人民群众的日常生活所需却", "一刻不能停滞。"] },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.unassigned).toEqual([]);
    const paragraphs = page.articles[0]!.paragraphs;
    expect(paragraphs.map((p) => p.role)).toEqual(["body", "subhead", "body"]);
    expect(paragraphs[2]!.text).toBe("抗击疫情是一场物质角力，更是一场精神较量。当城市运行速度慢下来，人民群众的日常生活所需却一刻不能停滞。");
  });
});

describe("parseLayout: a headed story's next column under another story", () => {
  it("leaves a column level with a headed story's first column, right beside it, to that story", () => {
    const perLine = 12;
    const x = (column: number) => 100 + column * (perLine + 2) * EM;
    const a = wrap(["加快恢复正常秩序是重中之重，当前疫情防控形势持续向好，正向常态化防控阶段转换，加快恢复正常生产生活秩序，真情帮扶企业渡过难关，既要严格压实企业防疫主体责任，又要加快推动复工达产。"], perLine);
    const b = wrap(["本报讯（记者 孟群舒）市委副书记、市长龚正昨天调研复工复产，指出要在更大范围内匹配全球供需，为企业纾困解难，下午一行来到华虹集团，察看企业最新生产情况。"], perLine);
    const xml = altoPage([
      { id: "a-head", x: x(1), y: 100, size: 24, lines: ["推动惠企政策落地落实"] },
      { id: "a1", x: x(1), y: 230, size: 10, lines: a.slice(0, 6), width: perLine * EM },
      { id: "a2", x: x(2), y: 230, size: 10, lines: a.slice(6), width: perLine * EM },
      { id: "b-head", x: x(0), y: 600, size: 15, lines: ["稳住经济大盘"] },
      { id: "b1", x: x(0), y: 700, size: 10, lines: b.slice(0, 6), width: perLine * EM },
      { id: "b2", x: x(1), y: 700, size: 10, lines: b.slice(6), width: perLine * EM },
    ]);
    const { page } = parse(xml);
    const bodies = page.articles.map((article) => [article.headline, article.paragraphs.map((p) => p.text).join("")]);
    expect(bodies).toEqual([
      ["推动惠企政策落地落实", a.join("").replace(/\s/gu, "")],
      ["稳住经济大盘", b.join("").replace(/\s/gu, "").replace(/^本报讯（记者孟群舒）/u, "")],
    ]);
  });
});

describe("parseLayout: a vertical headline with a column label at its right", () => {
  it("heads the labelled text at its right, not the text at its left", () => {
    const perLine = 12;
    const left = wrap(["快药等企业则推出团购送药服务，为保供人员保供，不少社区居民的药品需求得到了满足。"], perLine);
    const right = wrap(["亲爱的市民朋友们：在以习近平同志为核心的党中央坚强领导下，我们取得了阶段性的重要成果。"], perLine);
    const vertical = 100 + (perLine + 2) * EM;
    const xml = altoPage([
      // the last column of a story headed further left: no headline over it
      { id: "l", x: 100, y: 230, size: 10, lines: left.map((l) => l.trim()), width: perLine * EM },
      { id: "v", x: vertical, y: 230, size: 15, lines: Array.from("致全市人民的感谢信"), vertical: true },
      { id: "label", x: vertical + 4 * EM, y: 230, size: 10, lines: ["【短评】"] },
      { id: "r", x: vertical + 4 * EM, y: 300, size: 10, lines: right, width: perLine * EM },
    ]);
    const { page } = parse(xml);
    const headed = page.articles.find((a) => a.headline === "致全市人民的感谢信");
    expect(headed).toMatchObject({ column: "短评" });
    expect(headed!.paragraphs[0]!.text).toMatch(/^亲爱的市民朋友们/u);
  });
});

describe("parseLayout: a story set as a rectangle", () => {
  it("goes on at the top of its next column when its columns so far end level, not into the text under its last", () => {
    const perLine = 12;
    const x = (column: number) => 100 + column * (perLine + 2) * EM;
    const story = wrap(["单日核酸检测能力达到八百五十万管以上，全市已设置常态化核酸采样点九千多个，其中设置在企业、学校、工地等内部场所的对内采样点约三千个，已有五万余人通过了培训考核，充实了采样力量。"], perLine);
    const perColumn = Math.ceil(story.length / 3);
    // it opens mid-sentence, as a column of a story from elsewhere does
    const under = wrap(["快药等企业则推出团购送药服务，为保供人员保供，不少社区居民的药品需求得到了满足。"], perLine).map((l) => l.trim());
    const pitch = Math.round(EM * 1.6);
    const xml = altoPage([
      { id: "h", x: x(0), y: 100, size: 24, lines: ["单日核酸检测能力八百五十万管"] },
      { id: "c0", x: x(0), y: 230, size: 10, lines: story.slice(0, perColumn), width: perLine * EM },
      { id: "c1", x: x(1), y: 230, size: 10, lines: story.slice(perColumn, 2 * perColumn), width: perLine * EM },
      { id: "c2", x: x(2), y: 230, size: 10, lines: story.slice(2 * perColumn), width: perLine * EM },
      // another story's text, under the rectangle's middle column
      { id: "u", x: x(1), y: 230 + perColumn * pitch + 2 * EM, size: 10, lines: under, width: perLine * EM },
    ]);
    const { page } = parse(xml);
    expect(page.articles[0]!.headline).toBe("单日核酸检测能力八百五十万管");
    expect(page.articles[0]!.paragraphs.map((p) => p.text).join("")).toBe(story.join("").replace(/\s/gu, ""));
  });
});

describe("parseLayout: a subtitle in body type wrapped over two lines", () => {
  it("reads the dash-opened block under the headline as the subtitle, not as the story's first paragraph", () => {
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 24, lines: ["恢复小区出入公交运营机动车通行"] },
      { id: "sub", x: 100, y: 220, size: 10, lines: ["——希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共", "同守护好我们的城市家园"] },
      { id: "b", x: 100, y: 360, size: 10, lines: wrap([...B, C], 20) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({
      headline: "恢复小区出入公交运营机动车通行",
      subheadline: "——希望广大市民继续做好个人防护，合力筑牢疫情防控坚固屏障，共同守护好我们的城市家园",
    });
    expect(page.articles[0]!.paragraphs[0]!.text).toMatch(/^市委副书记/u);
  });
});

describe("parseLayout: a kicker in body type wrapped over several lines", () => {
  it("reads the block ending with a dash over the headline as the kicker, not as a story of its own", () => {
    const kicker = "连日来，我市公安全体民辅警始终坚持“人民至上、生命至上”工作理念，用责任和担当始终奋战在防疫一线，让这场战疫斗争——";
    const xml = altoPage([
      { id: "k", x: 100, y: 100, size: 10, lines: [kicker.slice(0, 24), kicker.slice(24, 48), kicker.slice(48)] },
      { id: "h", x: 100, y: 100 + 3 * Math.round(EM * 1.6) + 10, size: 24, lines: ["不仅有“力度”更有“温度”"] },
      { id: "b", x: 100, y: 100 + 3 * Math.round(EM * 1.6) + 140, size: 10, lines: wrap([...B, C], 24) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker, headline: "不仅有“力度”更有“温度”" });
  });
});

describe("parseLayout: the columns under a story's headline", () => {
  it("fills the columns under its headline before the text under its first column", () => {
    const perLine = 12;
    const x = (column: number) => 100 + column * (perLine + 2) * EM;
    const story = wrap(["新华社成都5月18日电（记者 丁海云）市经信委、市场监管局等紧密协作，制订行业标准和规范指引，为战略性新兴产业发展提供支撑，核心枢纽能级不断提升。"], perLine);
    const half = Math.ceil(story.length / 2);
    // another story's second column, opening mid-sentence under the first column
    const under = wrap(["扶上警车，将面包和热水递到他手中，两位老人再次来到派出所表达自己的感激之情。"], perLine).map((l) => l.trim());
    const pitch = Math.round(EM * 1.6);
    const xml = altoPage([
      { id: "h", x: x(0), y: 100, size: 24, lines: ["加大为企服务加快重振"] },
      { id: "a0", x: x(0), y: 230, size: 10, lines: story.slice(0, half), width: perLine * EM },
      { id: "a1", x: x(1), y: 230, size: 10, lines: story.slice(half), width: perLine * EM },
      { id: "u", x: x(0), y: 230 + half * pitch + 2 * EM, size: 10, lines: under, width: perLine * EM },
    ]);
    const { page } = parse(xml);
    expect(page.articles[0]!.headline).toBe("加大为企服务加快重振");
    expect(page.articles[0]!.paragraphs.map((p) => p.text).join("")).toBe(story.join("").replace(/\s/gu, "").replace(/^新华社成都5月18日电（记者丁海云）/u, ""));
  });
});

describe("parseLayout: a byline over the subhead that opens the text", () => {
  it("signs the text under the subhead", () => {
    const xml = altoPage([
      { id: "h", x: 100, y: 160, size: 24, lines: ["不仅有“力度”更有“温度”"] },
      // the byline is more than a line's gap over the text: the subhead sits between
      { id: "by", x: 100, y: 271, size: 9, lines: ["本报记者 武跃林"] },
      { id: "sub", x: 100, y: 316, size: 10, lines: ["救助走失智障男子"] },
      { id: "b", x: 100, y: 376, size: 10, lines: wrap([...A, C], 20) },
    ]);
    const { page } = parse(xml);
    expect(page.unassigned.map((u) => u.text)).not.toContain("本报记者 武跃林");
    const story = page.articles.find((a) => a.paragraphs.some((p) => p.text.startsWith("“现在我们的客户")));
    expect(story).toMatchObject({ byline: { reporters: ["武跃林"] } });
  });
});

describe("parseLayout: a column label and a kicker in one block", () => {
  it("reads the line under the label as the kicker over the headline, not as a story's text", () => {
    const body = wrap(["本报讯（记者 熊萍宁）近日，朔城区连续公布了三批无疫小区创建名单，充分发挥居民在疫情防控中的重要作用。"], 20);
    const xml = altoPage([
      { id: "lk", x: 822, y: 100, size: 10, lines: ["特别关注", "朔城区："] },
      { id: "h", x: 100, y: 250, size: 24, lines: ["全力创建无疫小区提升基层治理能力"] },
      { id: "b", x: 100, y: 380, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ column: "特别关注", kicker: "朔城区：", headline: "全力创建无疫小区提升基层治理能力", dateline: "本报讯" });
  });
});

describe("parseLayout: a page name level with the running head", () => {
  it("reads a short heading printed level with the running head as the page's name, not the first story's kicker", () => {
    const xml = altoPage([
      { id: "name", x: 100, y: 100, size: 20, lines: ["区域新闻"] },
      { id: "head", x: 2200, y: 130, size: 9, lines: ["2022年6月1日 星期三 第2版 责任编辑 崔怡"] },
      { id: "h", x: 100, y: 260, size: 24, lines: ["全力守护城市安全运行"] },
      { id: "b", x: 100, y: 390, size: 10, lines: wrap(["本报讯（记者 张三）昨天，全市各区各部门连夜部署落实各项防控措施，守护城市安全运行。"], 20) },
    ]);
    const { page } = parse(xml);
    expect(page.page.pageName).toBe("区域新闻");
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: null, headline: "全力守护城市安全运行" });
  });
});

describe("parseLayout: a vertical headline centred in a column of its own", () => {
  it("heads the text at its right more than a gutter away", () => {
    const body = wrap(["亲爱的市民朋友们，在党中央坚强领导下，经过两个多月的持续奋战，我们取得了阶段性的重要成果。"], 12);
    const glyph = Math.round(EM * 1.5); // 15-point glyphs
    const xml = altoPage([
      { id: "v", x: 100, y: 100, size: 15, lines: Array.from("致全市人民的感谢信"), vertical: true },
      // the text starts 3.7 ems right of the glyphs
      { id: "b", x: 100 + glyph + Math.round(3.7 * EM), y: 160, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.headline).toBe("致全市人民的感谢信");
  });
});

describe("parseLayout: a side headline over text that opens with a subhead", () => {
  it("heads the text at its right, counting the subhead over that text as its top, and keeps the subhead as the first paragraph", () => {
    const text = "昨天下午，一群众来派出所报警称，家中一名智障男子走失，民警立即沿路寻找，终于在南环路找到了他。";
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 22, lines: ["不仅有力度", "更有温度"] },
      { id: "sub", x: 700, y: 100, size: 12, lines: ["救助走失智障", "男子"] },
      { id: "b", x: 700, y: 280, size: 10, lines: wrap([text], 10) },
    ]);
    const { page } = parse(xml);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.headline).toBe("不仅有力度更有温度");
    expect(page.articles[0]!.paragraphs.map((p) => [p.role, p.text])).toEqual([
      ["subhead", "救助走失智障男子"],
      ["body", text],
    ]);
  });
});

describe("parseLayout: a dateline wrapped in a narrow column", () => {
  it("reads the dateline and its byline across the line break", () => {
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 20, lines: ["全力创建无疫小区"] },
      { id: "b", x: 100, y: 220, size: 10, lines: ["新华社杭州5月21", "日电（记者王闲乐）近", "日，朔城区连续公布了", "三批无疫小区创建名单，", "充分发挥居民的作用。"] },
    ]);
    const { page } = parse(xml);
    expect(page.articles[0]).toMatchObject({ headline: "全力创建无疫小区", dateline: "新华社杭州5月21日电", byline: { reporters: ["王闲乐"] } });
    expect(page.articles[0]!.paragraphs.map((p) => p.text)).toEqual(["近日，朔城区连续公布了三批无疫小区创建名单，充分发挥居民的作用。"]);
  });
});

describe("parseLayout: phrases of a vertical headline", () => {
  it("keeps the space between the phrases of a vertical headline, set a glyph apart", () => {
    const body = wrap(["一批重点企业生产水平持续提升，一批科技产业项目有序恢复建设，经济社会发展活力加快恢复。"], 14);
    const glyph = Math.round(EM * 1.5 * 1.1); // the builder's pitch of 15-point vertical glyphs
    const xml = altoPage([
      { id: "b", x: 100, y: 100, size: 10, lines: body },
      { id: "v1", x: 800, y: 100, size: 15, lines: Array.from("展现积极姿态"), vertical: true },
      { id: "v2", x: 800, y: 100 + Math.round(6.6 * glyph), size: 15, lines: Array.from("迅速扭转预期"), vertical: true },
    ]);
    const { page } = parse(xml);
    expect(page.articles.map((a) => a.headline)).toEqual(["展现积极姿态 迅速扭转预期"]);
  });
});

describe("parseLayout on a document of several pages", () => {
  it("gives one Page per layout page, with ids and spans of its own page", () => {
    const one = altoPage([
      { id: "h1", x: 100, y: 100, size: 24, lines: ["第一版的标题"] },
      { id: "b1", x: 100, y: 250, size: 10, lines: wrap(["第一版的正文写在这里，说明版面的内容。"], 20) },
    ]);
    const two = altoPage([
      { id: "h2", x: 100, y: 100, size: 24, lines: ["第二版的标题"] },
      { id: "b2", x: 100, y: 250, size: 10, lines: wrap(["第二版的正文写在这里，说明另一版的内容。"], 20) },
    ]);
    const page2 = two.slice(two.indexOf("<Page "), two.indexOf("</Page>") + "</Page>".length).replace('PHYSICAL_IMG_NR="1"', 'PHYSICAL_IMG_NR="2"');
    const xml = one.replace("</Page>", `</Page>\n    ${page2}`);
    const doc = readAlto(xml, "two.alto.xml");
    const pages = parseLayout(doc, { sourceName: "two.alto.xml", sha256: sha(xml), format: "alto" });
    expect(pages.map((p) => p.articles.map((a) => a.headline))).toEqual([["第一版的标题"], ["第二版的标题"]]);
    expect(pages.map((p) => p.id)).toEqual([`${sha(xml).slice(0, 16)}-p1`, `${sha(xml).slice(0, 16)}-p2`]);
    expect(pages[1]!.articles[0]!.id).toBe(`${sha(xml).slice(0, 16)}-p2-01`);
    const span = pages[1]!.articles[0]!.paragraphs[0]!.spans[0]!;
    expect(span.page).toBe(2);
    expect(xml.slice(span.start, span.end)).toContain("第二版的正文");
  });
});

describe("parseLayout with METS articles", () => {
  it("takes the stories from the logical structure when it is given", () => {
    const xml = altoPage([
      { id: "h", x: 100, y: 100, size: 24, lines: ["两条消息"] },
      { id: "b1", x: 100, y: 250, size: 10, lines: wrap(["第一条消息的正文写在这里，说明第一件事。"], 20) },
      { id: "b2", x: 100, y: 500, size: 10, lines: wrap(["第二条消息的正文写在这里，说明第二件事。"], 20) },
    ]);
    const doc = readAlto(xml, "m.alto.xml");
    const geometric = parseLayout(doc, { sourceName: "m.alto.xml", sha256: sha(xml), format: "alto" })[0]!;
    expect(geometric.articles).toHaveLength(1);
    doc.articles = [
      { id: "a1", blockIds: ["h", "b1"] },
      { id: "a2", blockIds: ["b2"] },
    ];
    const page = parseLayout(doc, { sourceName: "m.alto.xml", sha256: sha(xml), format: "alto" })[0]!;
    expect(page.articles.map((a) => [a.headline, a.paragraphs.map((p) => p.text)])).toEqual([
      ["两条消息", ["第一条消息的正文写在这里，说明第一件事。"]],
      [null, ["第二条消息的正文写在这里，说明第二件事。"]],
    ]);
  });
});

describe("parseLayout: a headline across the columns ends the text above it", () => {
  it("does not run a story on down its column into the next story's column under that story's headline", () => {
    // A stops mid-sentence at the foot of its second column (it goes on on another page); B's
    // headline spans both columns right under it, and B's second column goes on mid-paragraph
    const a = "工作组连日来深入社区走访，逐一核实居民需求，协调解决物资配送、就医配药等实际困难，并把各项措施落实到每一栋楼每一户人家，确保群众生活必需品供应充足不断档，同时加快推进复工复产工作";
    const b = "昨天举行的新闻发布会传出消息，本市将有序恢复公共交通运营，市民出行须持有效的核酸检测阴性证明，各区要做好站点的消毒和秩序维护工作，保障市民安全出行。";
    const aLines = wrap([a], 10);
    const bLines = wrap([b], 10);
    const pitch = Math.round(EM * 1.6);
    const rows = 5;
    const aBottom = 260 + (rows - 1) * pitch + EM;
    const xml = altoPage([
      { id: "a-head", x: 100, y: 100, size: 26, lines: ["全力保障居民生活所需"] },
      { id: "a1", x: 100, y: 260, size: 10, lines: aLines.slice(0, rows) },
      { id: "a2", x: 604, y: 260, size: 10, lines: aLines.slice(rows, 2 * rows) },
      { id: "b-head", x: 100, y: aBottom + 20, size: 20, lines: ["公共交通有序恢复运营"] },
      { id: "b1", x: 100, y: aBottom + 150, size: 10, lines: bLines.slice(0, rows) },
      { id: "b2", x: 604, y: aBottom + 150, size: 10, lines: bLines.slice(rows) },
    ]);
    expect(aLines.length).toBe(2 * rows);
    const { page } = parse(xml);
    const text = (headline: string) => page.articles.find((x) => x.headline === headline)?.paragraphs.map((p) => p.text).join("");
    expect(text("全力保障居民生活所需")).toBe(a);
    expect(text("公共交通有序恢复运营")).toBe(b);
  });
});

describe("parseLayout: a slogan over the page is its banner, not a story's kicker", () => {
  const body = wrap(["本报讯（记者 张三）昨天，全市各区各部门连夜部署落实各项防控措施，守护城市安全运行，确保群众生活必需品供应充足。"], 20);

  it("does not stack a slogan centred over the page onto the heading of the story under it", () => {
    const xml = altoPage([
      { id: "slogan", x: 1300, y: 100, size: 26, lines: ["众志成城 共克时艰"] },
      { id: "h", x: 600, y: 260, size: 28, lines: ["全力守护城市安全运行"] },
      { id: "b", x: 600, y: 420, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.page.banner).toBe("众志成城 共克时艰");
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: null, headline: "全力守护城市安全运行", dateline: "本报讯" });
  });

  it("starts a new heading at a kicker, even one printed in line with the slogan above", () => {
    const xml = altoPage([
      { id: "slogan", x: 600, y: 100, size: 26, lines: ["坚决打赢大上海保卫战"] },
      { id: "k", x: 600, y: 240, size: 12, lines: ["一手抓防控 一手抓发展——"] },
      { id: "h", x: 600, y: 310, size: 28, lines: ["加快经济恢复全力稳住经济大盘"] },
      { id: "b", x: 600, y: 470, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.page.banner).toBe("坚决打赢大上海保卫战");
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ kicker: "一手抓防控 一手抓发展——", headline: "加快经济恢复全力稳住经济大盘" });
  });

  it("starts a new heading at a column label, even one printed in line with the slogan above", () => {
    const xml = altoPage([
      // the label and the kicker are centred over the headline; the label's left edge is in line with the slogan's
      { id: "slogan", x: 1420, y: 100, size: 26, lines: ["众志成城 共克时艰"] },
      { id: "label", x: 1439, y: 250, size: 10, lines: ["一线传真"] },
      { id: "k", x: 1422, y: 320, size: 12, lines: ["闵行区："] },
      { id: "h", x: 700, y: 390, size: 28, lines: ["加快经济恢复全力稳住经济大盘"] },
      { id: "b", x: 700, y: 550, size: 10, lines: body },
    ]);
    const { page } = parse(xml);
    expect(page.page.banner).toBe("众志成城 共克时艰");
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({ column: "一线传真", kicker: "闵行区：", headline: "加快经济恢复全力稳住经济大盘" });
  });
});
