import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PageSchema, parseText } from "../src/index.js";
import { lettersAndDigits } from "../src/text/chars.js";
import { piecesByLine, readColumns } from "../src/text-columns.js";

const CORPUS = fileURLToPath(new URL("../../../corpus/", import.meta.url));

/** Two lines side by side: `left` padded to `width` characters, then `right`. */
const beside = (left: string, right: string, width = 24) => left + " ".repeat(Math.max(3, width - left.length)) + right;

/**
 * A page printed as pdftotext -layout prints it: a running head, then two stories side by side,
 * each a headline over its column.
 */
const LEFT = ["  本报讯（记者 王明）昨天，城东", "社区新建的图书室正式开放，居民", "可以免费借阅各类图书两千余册。", "  图书室每天开放八小时，周末也", "照常开放。"];
const RIGHT = ["  本报讯（记者 李华）今年春耕", "期间，全市农机手检修农机三百余", "台，保障了春耕生产的顺利进行。", "  农业部门还组织了技术培训，", "参加的农民有五百多人。"];
const LAYOUT_PAGE = [
  beside("要闻", "2024年4月2日 星期二 第2版", 60),
  "",
  beside("城东社区图书室开放", "全市农机检修完成", 34),
  "",
  ...LEFT.map((l, k) => beside(l, RIGHT[k]!, 34)),
  "",
].join("\n");

describe("piecesByLine", () => {
  it("cuts a line where three or more spaces part its columns, and keeps narrower gaps inside a piece", () => {
    const text = "记者 张  骏 报道" + "   " + "第二栏 12 月";
    const [pieces] = piecesByLine(text);
    expect(pieces!.map((p) => text.slice(p.start, p.end))).toEqual(["记者 张  骏 报道", "第二栏 12 月"]);
    // x0 in characters; x1 = x0 + display width (narrow digits count half)
    expect(pieces!.map((p) => [p.x0, p.x1])).toEqual([
      [0, 6],
      [13, 18],
    ]);
  });

  it("gives a blank line no pieces and counts a surrogate pair as one character", () => {
    const lines = piecesByLine("  \n𠮷字   右");
    expect(lines[0]).toEqual([]);
    expect(lines[1]!.map((p) => p.x0)).toEqual([0, 5]);
  });
});

describe("readColumns", () => {
  it("leaves dumps printed box by box alone: the seed page and every dev page", () => {
    expect(readColumns(readFileSync(`${CORPUS}seed/000_0c30f1900352050f.txt`, "utf8"))).toBeNull();
    for (const n of [101, 105, 110, 112]) expect(readColumns(readFileSync(`${CORPUS}dev/cnki_${n}.txt`, "utf8"))).toBeNull();
  });

  it("needs several lines side by side: a spaced signature or a short table is no column layout", () => {
    expect(readColumns(["标题", beside("正文一行。", "王明"), "正文又一行。", beside("名单", "李华"), ""].join("\n"))).toBeNull();
  });

  it("reads the running head first, then each story's headline and its column", () => {
    const text = readColumns(LAYOUT_PAGE)!.text;
    expect(text.split("\n\n").map((box) => box.split("\n")[0]!.trim())).toEqual(["要闻", "2024年4月2日 星期二 第2版", "城东社区图书室开放", LEFT[0]!.trim(), "全市农机检修完成", RIGHT[0]!.trim()]);
  });

  it("reads a story printed under another after it, and a centred subhead as a box of its own", () => {
    const page = [
      ...["第一篇的正文第一行，写满了一栏。", "第一篇的正文第二行，写满了一栏。"].map((l) => beside(l, "第二栏的正文，与第一篇并排印。", 34)),
      beside("      小标题在此", "第二栏的正文，又一行并排印。", 34),
      ...["第一篇小标题下的正文写满一栏。", "第一篇小标题下的正文又是一行。"].map((l) => beside(l, "第二栏的正文，再一行并排印着。", 34)),
      "",
      "第二篇在第一篇下面，横跨两栏，是另一个故事的正文，读在两栏之后。",
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.split("\n\n").map((box) => box.split("\n")[0]!.trim());
    expect(boxes).toEqual(["第一篇的正文第一行，写满了一栏。", "小标题在此", "第一篇小标题下的正文写满一栏。", "第二栏的正文，与第一篇并排印。", "第二篇在第一篇下面，横跨两栏，是另一个故事的正文，读在两栏之后。"]);
  });

  it("keeps a subtitle's centred last line with its first, and the body under it apart", () => {
    const left = ["  本报讯（记者 李华）今年", "春耕期间，全市农机手检修", "农机三百余台，保障了春耕", "生产的顺利进行。农机手们", "说，今年的活儿干得早。"];
    const right = ["农业部门还组织了技术培训", "参加培训的农民有五百多人", "培训分三期在各镇举行，每", "期两天，讲农机保养和维修", "的要领。"];
    const page = [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      "全市春耕生产全面展开",
      "——农机检修完成，技术培训覆盖各镇，农民踊跃参加，各镇",
      "                  争先",
      ...left.map((l, k) => beside(l, right[k]!, 16)),
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("——农机检修完成，技术培训覆盖各镇，农民踊跃参加，各镇\n争先");
    expect(boxes).toContain(right.join("\n"));
  });
});

describe("parseText of a dump with its columns side by side", () => {
  const page = parseText(LAYOUT_PAGE, { sourceName: "layout.txt" });

  it("finds each story with its own headline and text, and says how it read the page", () => {
    expect(PageSchema.parse(page)).toBeTruthy();
    expect(page.articles.map((a) => [a.headline, a.paragraphs.map((p) => p.text)])).toEqual([
      ["城东社区图书室开放", ["昨天，城东社区新建的图书室正式开放，居民可以免费借阅各类图书两千余册。", "图书室每天开放八小时，周末也照常开放。"]],
      ["全市农机检修完成", ["今年春耕期间，全市农机手检修农机三百余台，保障了春耕生产的顺利进行。", "农业部门还组织了技术培训，参加的农民有五百多人。"]],
    ]);
    expect(page.articles.map((a) => [a.dateline, a.byline?.reporters])).toEqual([["本报讯", ["王明"]], ["本报讯", ["李华"]]]);
    expect(page.diagnostics.map((d) => d.code)).toContain("columns-side-by-side");
    // the source is the dump as given
    expect(page.source.sha256).toBe(parseText(LAYOUT_PAGE).source.sha256);
  });

  it("points every span at text of one column on one line of the dump", () => {
    const lines = LAYOUT_PAGE.split("\n");
    for (const article of page.articles) {
      for (const span of [...article.spans, ...article.paragraphs.flatMap((p) => p.spans)]) {
        const text = LAYOUT_PAGE.slice(span.start, span.end);
        expect(text).not.toMatch(/ {3}/);
        expect(span.line).toBe(span.endLine);
        expect(lines[span.line - 1]).toContain(text);
      }
    }
    const second = page.articles[1]!.paragraphs[0]!;
    expect(second.spans.map((s) => LAYOUT_PAGE.slice(s.start, s.end))).toEqual(RIGHT.slice(0, 3).map((l) => l.trim()));
  });

  it("keeps every letter and digit", () => {
    const kept = lettersAndDigits(JSON.stringify(page));
    for (const ch of lettersAndDigits(LAYOUT_PAGE)) expect(kept).toContain(ch);
  });
});

describe("readColumns of staggered columns", () => {
  // pdftotext -layout prints a line of each column at its own baseline: where the baselines of two
  // columns do not align, each column's lines come on rows of their own, the other's between them
  const left = ["  本报讯（记者李华）今年春", "耕期间，全市农机手检修农机百", "余台，保障了春耕生产的顺利进", "行。农机手们说，今年的活儿干", "得早，心里踏实。今年还新添了", "二十台插秧机，分到各镇使用。", "  农业部门还组织了技术培训，", "参加的农民有五百多人。"];
  const right = ["培训分三期在各镇举行，每期两", "天，讲农机保养和维修的要领，", "还请来厂家的技术员现场示范。", "农民们说，学到了真本事，今年", "的农机保养心里有底了，明年还", "要再来参加培训，多学几手。", "  今年全市春播面积比去年多了", "三千亩，春耕进度快于往年。"];
  const staggered = (tail: string[]) =>
    [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      "全市春耕生产全面展开",
      left[0]!,
      left[1]!,
      " ".repeat(34) + right[0]!,
      " ".repeat(34) + right[1]!,
      ...left.slice(2).map((l, k) => beside(l, right[k + 2]!, 34)),
      ...tail,
      "",
    ].join("\n");

  it("reads each column's lines as one box, the rows of the other column between them skipped", () => {
    const boxes = readColumns(staggered([]))!.text.trimEnd().split("\n\n");
    expect(boxes).toContain(["　　" + left[0]!.trim(), ...left.slice(1, 6), "　　" + left[6]!.trim(), left[7]].join("\n"));
    expect(boxes).toContain([...right.slice(0, 6), "　　" + right[6]!.trim(), right[7]].join("\n"));
  });

  it("ends a column at a jump line beside it: text further down is another story's", () => {
    const page = staggered([]).split("\n");
    // the left column's last full line, a jump line beside it, then a new story's text under the column
    const jumped = [
      beside("插秧机分到各镇，农民很高兴，", "（下转第3版）", 34),
      " ".repeat(34) + "另一篇的正文，与上一篇不是一篇，",
      "城西新建了一座公园，占地二十",
    ];
    const boxes = readColumns([...page.slice(0, -1), ...jumped, ""].join("\n"))!.text.trimEnd().split("\n\n");
    expect(boxes.some((box) => box.includes("农民很高兴，\n城西"))).toBe(false);
  });
});

describe("readColumns of a large headline beside its story", () => {
  it("joins the headline's rows printed far apart, a blank row between, and keeps the column whole", () => {
    const body = ["  本报讯（记者李华）今年春", "耕期间，全市农机手检修农机百", "余台，保障了春耕生产的顺利进", "行。农机手们说，今年的活儿干", "得早，心里踏实。今年还新添了", "二十台插秧机，分到各镇使用。"];
    const other = ["培训分三期在各镇举行，每期两", "天，讲农机保养和维修的要领，", "还请来厂家的技术员现场示范。", "农民们说，学到了真本事，今年", "的农机保养心里有底了，明年还", "要再来参加培训，多学几手。"];
    const page = [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      beside(" 全市春耕生", body[0]!, 14),
      " ".repeat(14) + body[1]!,
      " ".repeat(34) + other[0]!,
      "",
      beside(" 产全面展开", body[2]!, 14),
      ...body.slice(3).map((l, k) => " ".repeat(14) + l + "      " + other[k + 1]!),
      " ".repeat(34) + other[4]!,
      " ".repeat(34) + other[5]!,
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("全市春耕生\n产全面展开");
  });
});

describe("readColumns of a byline under its headline", () => {
  it("writes a role byline printed right under the headline's lines as a block of its own", () => {
    const left = ["  本报讯 今年春耕期间，全市", "农机手检修农机三百余台，保障", "了春耕生产的顺利进行。农机手", "们说，今年的活儿干得早。"];
    const right = ["培训分三期在各镇举行，每期两", "天，讲农机保养和维修的要领，", "还请来厂家的技术员现场示范。", "农民们说，学到了真本事。"];
    const page = [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      "全市春耕生产全面展开",
      "本报记者 李华",
      ...left.map((l, k) => beside(l, right[k]!, 34)),
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("全市春耕生产全面展开");
    expect(boxes).toContain("本报记者 李华");
  });
});

describe("readColumns of two stories one above another beside a tall column", () => {
  it("reads each story's columns before the story under it, the tall column after both", () => {
    // each story: a short headline set in over its first column, a second column beside it; a
    // story's column runs down the page at the right, so no row cuts across the whole page
    const top = ["  本报讯 今年春耕期间，全市", "农机手检修农机三百余台，保障", "了春耕生产的顺利进行，农机手", "们说，今年的活儿干得早，心里"];
    const topRight = ["踏实。今年还新添了二十台插秧", "机，分到各镇使用，农民们都很", "高兴，说今年的收成一定比去年", "还要好。"];
    const low = ["  本报讯 城东社区新建的图书", "室昨天正式开放，居民可以免费", "借阅各类图书两千余册，每天开", "放八小时，周末也照常开放，很"];
    const lowRight = ["受居民欢迎。图书室还设了儿童", "阅览区，孩子们放学后可以来这", "里看书写作业，家长们都说好，", "很方便。"];
    const tall = ["  本报讯 全市今年新建公园十", "二座，其中城西公园占地二十公", "顷，是全市最大的一座。公园里", "种了各种花木，设了健身步道和", "儿童游乐场，每天早晚都有很多", "市民来这里散步锻炼身体。公园", "管理处说，节假日游客更多，最", "多时一天有两万多人来园游览，", "公园还将增设休息座椅和饮水点，", "方便游客在园里歇脚，喝水，也", "方便老人和孩子。"];
    const row = (a: string, b: string, c: string) => beside(beside(a, b, 17), c, 37);
    const page = [
      row("    春耕全面展开", "", tall[0]!),
      ...top.map((l, k) => row(l, topRight[k]!, tall[k + 1]!)),
      " ".repeat(37) + tall[5]!,
      row("    图书室开放", "", tall[6]!),
      ...low.map((l, k) => row(l, lowRight[k]!, tall[k + 7]!)),
      "",
    ].join("\n");
    const firsts = readColumns(page)!.text.trimEnd().split("\n\n").map((box) => box.split("\n")[0]!.trim());
    expect(firsts).toEqual(["春耕全面展开", top[0]!.trim(), topRight[0], "图书室开放", low[0]!.trim(), lowRight[0], tall[0]!.trim()]);
  });
});

describe("readColumns of a letter", () => {
  const other = ["  本报讯 全市今年新建公园十二座，", "其中城西公园占地二十公顷，是全市", "最大的一座，每天早晚都有很多市民", "来这里散步锻炼身体。公园管理处说，", "节假日游客更多。"];
  // a headline over the left column, a row of the right column alone, then the left column's lines
  const page = (left: string[]) =>
    [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      beside("致全市人民的感谢信", "全市新建公园十二座", 40),
      " ".repeat(40) + other[0]!,
      ...left.map((l, k) => beside(l, other[k + 1] ?? "", 40).trimEnd()),
      "",
    ].join("\n");

  it("keeps the salutation set at the paragraph indent with the letter's text under it", () => {
    const letter = ["   亲爱的市民朋友们：", "   在以党中央坚强领导下，经过两个", "多月的持续奋战，大上海保卫战取得了", "重大阶段性成果，今天起全面恢复。"];
    const boxes = readColumns(page(letter))!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("　　亲爱的市民朋友们：\n　　在以党中央坚强领导下，经过两个\n多月的持续奋战，大上海保卫战取得了\n重大阶段性成果，今天起全面恢复。");
  });

  it("leaves a kicker over a headline flush with it a box of its own", () => {
    const story = ["市妇联：", "闻令动 显真情 铸忠诚 勇担当", "  本报讯 今年春耕期间，全市农机", "手检修农机三百余台，保障了春耕"];
    const boxes = readColumns(page(story))!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("市妇联：");
  });
});

describe("readColumns of a headline over a deck", () => {
  it("writes the deck's short first line with the deck's wider text under it, not with the headline above", () => {
    const deck = ["发扬店小二精神", "各层各级领导干部要主动关心企业、服务企业，深入基层一线，倾听企业呼声，帮助企业排忧解难"];
    const page = [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      "     在控得住前提下加快经济恢复重振",
      " " + deck[0]!,
      " " + deck[1]!,
      ...LEFT.map((l, k) => beside(l, RIGHT[k]!, 34)),
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("在控得住前提下加快经济恢复重振");
    expect(boxes).toContain(deck.join("\n"));
  });
});

/**
 * A page under `runningHead`: a large headline's rows (`保障供应，大型商超` / `化工具`) printed
 * beside the left column's rows, the deck's text under its last row.
 */
function headlineRowsPage(runningHead: string): string {
  const body = ["疫情期间一直对接浦东三林等区域", "保供的联华超市，也尝到了数字化", "工具带来的甜头。"];
  return [
    runningHead,
    "",
    beside(LEFT[0]!, "保障供应，大型商超", 34),
    LEFT[1]!,
    LEFT[2]!,
    beside(LEFT[3]!, "化工具", 34),
    beside(LEFT[4]!, body[0]!, 34),
    beside(RIGHT[0]!, body[1]!, 34),
    beside(RIGHT[1]!, body[2]!, 34),
    "",
  ].join("\n");
}

describe("readColumns of a large headline's short last row", () => {
  it("joins the last row, printed rows down at the headline's left edge, when the column under it runs past the first row", () => {
    // large type sets fewer characters on a row than the column under it holds: the first row is
    // narrower than that column, the last row shorter still, the other column's rows between them
    const boxes = readColumns(headlineRowsPage(" ".repeat(60) + "2024年4月2日 星期二 第2版"))!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("保障供应，大型商超\n化工具");
  });
});

describe("readColumns under a running head", () => {
  it("keeps no column going on from the page's first line: a column under it still goes on past other rows", () => {
    // the running head's page name sits over the left column; were it a column resting above,
    // the left column's lines would cross two columns and end every column beside them
    const boxes = readColumns(headlineRowsPage(beside("要闻", "2024年4月2日 星期二 第2版", 60)))!.text.trimEnd().split("\n\n");
    expect(boxes).toContain("保障供应，大型商超\n化工具");
  });
});

describe("readColumns of a column beside rows of one other column", () => {
  it("goes on past a line that crosses only boxes stacked in one column (a paragraph's short last line, the next under it)", () => {
    const boxes = readColumns(readFileSync(`${CORPUS}dev-layout/cnki_102.txt`, "utf8"))!.text.split("\n\n");
    expect(boxes.some((box) => box.includes("在市委坚强领导下，高效统筹上海疫\n情防控和经济社会发展。"))).toBe(true);
  });

  it("does not go on past a headline set level with it in the column beside", () => {
    const left = ["  本报讯（记者王明）昨天，城东社", "区新建的图书室正式开放，居民可", "以免费借阅各类图书两千余册。图", "书室每天开放八小时，周末也照常"];
    const right = ["图书室还开设了儿童阅览区，配备", "了适合儿童阅读的绘本和读物，很", "受到了社区家长和孩子们的欢迎。", "社区还计划开展读书分享活动，每"];
    const page = [
      beside("要闻", "2024年4月2日 星期二 第2版", 60),
      "",
      "城东社区图书室开放",
      ...left.map((l, k) => beside(l, right[k]!, 22)),
      " ".repeat(13) + "书香社区人人共建",
      "本报评论员",
      beside("  读书是一个社区的文化底色，书", "香社区的建设，需要每个人参与。", 22),
      "",
    ].join("\n");
    const boxes = readColumns(page)!.text.split("\n\n");
    // the commentary's second column is the commentary's, not the story's under the headline above
    expect(boxes.some((box) => box.includes("社区还计划开展读书分享活动，每\n香社区的建设"))).toBe(false);
  });
});
