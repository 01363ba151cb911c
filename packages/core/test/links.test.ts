import { describe, expect, it } from "vitest";
import { buildFlow } from "../src/pipeline/flow.js";
import { junctionOf } from "../src/pipeline/junction.js";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import { linkBackward, linkColumns } from "../src/pipeline/links.js";
import { splitLines } from "../src/pipeline/lines.js";
import { buildUnits, type Unit } from "../src/pipeline/units.js";

// Two stories in columns of 14 characters, both cut mid-sentence. Read in order, the first column
// after story B's cut (`…解决困`) would go on in B, the story just read; but B goes on in the
// column after it (`难，…`: 困难 runs across the cut), so the first one continues story A.
const STORY_A = ["本报讯近日，市里召开专题会议", "，研究部署当前疫情防控和复工", "复产工作，要求各区统筹好发展", "与安全两件大事，切实做好全市"];
const HEADING = "市领导调研重点企业";
const STORY_B = ["本报讯（记者李明）昨天上午，", "市领导来到部分重点企业调研，", "详细了解企业生产经营情况，要", "求有关部门主动帮助企业解决困"];
const A_GOES_ON = ["群众生活物资的保障供应工作，", "确保市场供应充足、价格基本稳", "定。会议强调，要把各项措施落", "到实处。"];
const B_GOES_ON = ["难，推动全市经济加快恢复。市", "领导还听取了企业负责人意见。"];
const PAGE = [...STORY_A, "", HEADING, "", ...STORY_B, "", ...A_GOES_ON, "", ...B_GOES_ON].join("\n");

function pageUnits(text: string): { units: Unit[]; lexicon: PageLexicon } {
  const lines = splitLines(text);
  return { units: buildUnits(lines), lexicon: new PageLexicon(lines.map((l) => l.text)) };
}
const firstLine = (u: Unit) => u.lines[0]!.text;

describe("junctionOf", () => {
  const lexicon = new PageLexicon(["全力帮助企业", "群众生活"]);
  const junction = junctionOf(lexicon);

  it("counts a pair of characters across the cut that the page prints elsewhere", () => {
    expect(junction("主动帮", "助企业")).toBe(1);
  });

  it("finds a common word running across the cut, of two to four characters", () => {
    expect(junction("帮助企业解决困", "难，推动")).toBe(1);
    expect(junction("践行“对党忠", "诚、服务人民")).toBe(1);
    expect(junction("坚持实事", "求是的原则")).toBe(1);
  });

  it("gives no evidence for characters that do not join", () => {
    expect(junction("切实做好全市", "难，推动")).toBe(0);
    expect(junction("", "难")).toBe(0);
    expect(junction("困", "")).toBe(0);
  });
});

describe("linkColumns", () => {
  it("links an open end with the later open start it joins, not the nearest one", () => {
    const { units, lexicon } = pageUnits(PAGE);
    const links = linkColumns(units, junctionOf(lexicon));
    const linked = [...links].map(([start, end]) => [firstLine(end), firstLine(start)]);
    // (story A's next column, printing A's words, is linked too)
    expect(linked).toEqual([
      [STORY_B[0], B_GOES_ON[0]],
      [STORY_A[0], A_GOES_ON[0]],
    ]);
  });

  it("links nothing on weak evidence: the next column of a fitting width, nothing joining", () => {
    const { units, lexicon } = pageUnits([...STORY_A, "", ...A_GOES_ON].join("\n"));
    expect(linkColumns(units, junctionOf(lexicon)).size).toBe(0);
  });

  it("takes no word across a cut between two whole words as evidence for a start farther than the next", () => {
    // `干部身上` | `市民排忧`: 上市 is a word, but the cut falls between 身上 and 市民; the text
    // goes on in the next column (`勇于担当…`), whose own cut (`…努力为` | `市民`) is the true one
    const endsWithWord = ["本报讯近日，市信访办召开座谈", "会，总结疫情期间的信访工作。", "会上大家谈到最多的是干部身上"];
    const nextColumn = ["勇于担当、迎难而上的精神。他", "们深入社区，倾听群众呼声，集", "民智、聚民心，千方百计努力为"];
    const farColumn = ["市民排忧解难，为群众办实事。", "会议要求，继续做好信访工作，", "切实维护群众合法权益。"];
    const { units, lexicon } = pageUnits([...endsWithWord, "", ...nextColumn, "", ...farColumn].join("\n"));
    const linked = [...linkColumns(units, junctionOf(lexicon))].map(([start, end]) => [firstLine(end), firstLine(start)]);
    expect(linked).not.toContainEqual([endsWithWord[0], farColumn[0]]);
  });

  it("never links a one-line unit, a dateline or an indented paragraph start", () => {
    const text = [...STORY_B, "", "难，推动全市经济加快恢复。", "", "本报讯市领导还听取了企业负", "责人意见建议，并作了讲话。", "", "  难，推动全市经济加快恢复", "市领导还听取了企业负责人意见"].join("\n");
    const { units, lexicon } = pageUnits(text);
    expect(linkColumns(units, junctionOf(lexicon)).size).toBe(0);
  });
});

// A story's later column printed before its start (`正说，…` before `…临别之时，龚`): the pair 龚正
// runs across the cut and the page prints it twice elsewhere.
const LATER_COLUMN = ["正说，医疗队在上海疫情防控最", "吃劲的时刻投入繁重的救治工作", "，体现了深厚情谊。"];
const STORY_START = ["本报讯市长龚正昨天为医疗队送", "行，代表市委向医疗队致以崇高", "敬意。在机场，龚正同医疗队道", "别，并握手致意。临别之时，龚"];
const BACKWARD_PAGE = [...LATER_COLUMN, "", "彰显一方有难八方支援制度优势", "", ...STORY_START].join("\n");

describe("linkBackward", () => {
  it("links an open end with an open start printed before it when the page prints the pair across the cut at least twice", () => {
    const { units, lexicon } = pageUnits(BACKWARD_PAGE);
    const junction = junctionOf(lexicon);
    const linked = [...linkBackward(units, junction, linkColumns(units, junction))].map(([start, end]) => [firstLine(end), firstLine(start)]);
    expect(linked).toEqual([[STORY_START[0], LATER_COLUMN[0]]]);
  });

  it("links nothing when the pair across the cut is printed only once elsewhere", () => {
    const { units, lexicon } = pageUnits(BACKWARD_PAGE.replace("在机场，龚正同", "在机场，市长同"));
    const junction = junctionOf(lexicon);
    expect(linkBackward(units, junction, linkColumns(units, junction)).size).toBe(0);
  });
});

describe("buildFlow with column links", () => {
  it("continues a story in linked text right above a dateline, though none of its lines ends a sentence as a deck's points do", () => {
    const goesOn = ["难，推动全市经济加快恢复。市", "领导还听取了企业负责人的意"];
    const next = ["本报讯（记者王芳）昨天，全市", "各区召开防疫工作会议。"];
    const { units, lexicon } = pageUnits([...STORY_B, "", ...goesOn, "", ...next].join("\n"));
    const flow = buildFlow(units, junctionOf(lexicon));
    expect(flow.drafts.map((d) => d.items.map((i) => firstLine(i.unit)))).toEqual([[STORY_B[0], goesOn[0]], [next[0]]]);
  });

  it("does not go on with text printed right after a story whose cut sentence the page-wide match continues elsewhere", () => {
    const { units, lexicon } = pageUnits([...STORY_B, "", ...A_GOES_ON, "", ...B_GOES_ON].join("\n"));
    const flow = buildFlow(units, junctionOf(lexicon));
    const stories = flow.drafts.map((d) => d.items.map((i) => firstLine(i.unit)));
    expect(stories).toEqual([[STORY_B[0], B_GOES_ON[0]], [A_GOES_ON[0]]]);
  });

  it("appends a column printed before the story it continues to that story", () => {
    const { units, lexicon } = pageUnits(BACKWARD_PAGE);
    const flow = buildFlow(units, junctionOf(lexicon));
    const stories = flow.drafts.map((d) => d.items.map((i) => firstLine(i.unit)));
    expect(stories).toEqual([[STORY_START[0], LATER_COLUMN[0]]]);
    expect(flow.gaps.every((g) => g.prev !== null || g.next === flow.drafts[0])).toBe(true);
  });

  it("gives each column to the story it continues when the columns are printed out of order", () => {
    const { units, lexicon } = pageUnits(PAGE);
    const flow = buildFlow(units, junctionOf(lexicon));
    const stories = flow.drafts.map((d) => d.items.filter((i) => i.role === "body").map((i) => firstLine(i.unit)));
    expect(stories).toEqual([
      [STORY_A[0], A_GOES_ON[0]],
      [STORY_B[0], B_GOES_ON[0]],
    ]);
  });
});

// Story B cut at `…解决困`, then a column that does not join it, then a column that does (困难):
// that column is the story's next one when it is as deep as B's column, not when it runs deeper.
const OTHER_COLUMN = ["会议强调，要把各项措施落实到", "基层一线，确保群众生活物资供", "应充足、价格基本稳定，切实维", "护好社会秩序。"];
const B_NEXT = ["难，推动全市经济加快恢复。市", "领导还听取了企业负责人意见，", "要求各部门加强协调，做好服务", "保障，帮助企业稳岗位促生产。"];
const B_NEXT_DEEPER = [...B_NEXT, "会上，各区汇报了企业复工复产", "进展情况，并就下一步工作提出", "建议，市领导逐一作了回应。"];

describe("linkColumns with column depths", () => {
  const linkedPairs = (next: string[]) => {
    const { units, lexicon } = pageUnits([...STORY_B, "", ...OTHER_COLUMN, "", ...next].join("\n"));
    return [...linkColumns(units, junctionOf(lexicon))].map(([start, end]) => [firstLine(end), firstLine(start)]);
  };

  it("links a cut sentence with a column past the next one when the characters join and the column is as deep", () => {
    expect(linkedPairs(B_NEXT)).toEqual([[STORY_B[0], B_NEXT[0]]]);
  });

  it("does not link it so with a column deeper than the story's own: a story's later column is never deeper", () => {
    expect(linkedPairs(B_NEXT_DEEPER)).toEqual([]);
  });
});

describe("linkColumns with the stories' words", () => {
  // columns of 14 characters: a story cut mid-sentence and the next column, nothing joining across the cut
  const SEARCH = ["本报讯民警接到报警后立即在南", "环路沿线搜寻走失老人刘某柱，", "刘某柱的家属说老人患有阿尔茨", "海默病，民警调取南环路监控发"];
  const OTHERS = ["本报讯核酸检测采样点今天起延", "长服务时间，市民可排队采样。", "", "本报讯市区两级今天召开会议，", "部署下一阶段的复工复产工作。"];
  const linkedPairs = (next: string[]) => {
    const { units, lexicon } = pageUnits([...SEARCH, "", ...next, "", ...OTHERS].join("\n"));
    return [...linkColumns(units, junctionOf(lexicon))].map(([start, end]) => [firstLine(end), firstLine(start)]);
  };

  it("links the next column when it prints the story's words, though nothing joins across the cut", () => {
    const found = ["据悉刘某柱向朔南大道方向走，", "民警沿南环路一路寻找刘某柱，", "终于在朔南大道找到刘某柱，家", "属向民警连声道谢。"];
    expect(linkedPairs(found)).toEqual([[SEARCH[0], found[0]]]);
  });

  it("leaves the next column to the reading order when it prints other words", () => {
    const other = ["据采样点的工作人员提醒市民佩", "戴口罩，保持一米以上的距离，", "采样结果当天就可以在网上查询", "到。"];
    expect(linkedPairs(other)).toEqual([]);
  });
});
