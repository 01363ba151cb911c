import { describe, expect, it } from "vitest";
import { PageLexicon } from "../src/pipeline/lexicon.js";
import type { Unit } from "../src/pipeline/units.js";
import { unitsOf } from "./helpers.js";

const STORIES = [
  "民警终于在通往朔南大道的南环路上找到走失的刘某柱",
  "全市各社区广泛发动群众参与环境卫生整治，清理卫生死角",
  "救助走失智障男子的民警受到群众称赞",
  "本市今日天气晴朗，气温适宜",
];

function lexiconOf(stories: readonly string[]): PageLexicon {
  const lexicon = new PageLexicon(stories);
  for (const s of stories) lexicon.addDocument(s);
  return lexicon;
}

describe("PageLexicon", () => {
  it("gives a heading's share of words in each story: all of them, some, none", () => {
    const lexicon = lexiconOf(STORIES);
    expect(lexicon.docCount).toBe(4);
    expect(lexicon.similarity("救助走失智障男子", 2)).toBe(1);
    expect(lexicon.similarity("救助走失智障男子", 3)).toBe(0);
    const partial = lexicon.similarity("救助走失智障男子", 0); // 走失 only
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.5);
  });

  it("weighs a run of stories at once, each as similarity does, and clamps the run to the stories added", () => {
    const lexicon = lexiconOf(STORIES);
    for (const heading of ["救助走失智障男子", "环境卫生整治", "民警", "天气"]) {
      const all = lexicon.similarities(heading, -3, 10);
      expect([...all]).toEqual(STORIES.map((_, doc) => lexicon.similarity(heading, doc)));
      expect([...lexicon.similarities(heading, 1, 2)]).toEqual([...all.slice(1, 3)]);
    }
    expect(lexicon.similarities("民警", 5, 9)).toHaveLength(0);
    expect(lexicon.similarity("民警", 9)).toBe(0);
  });

  it("weighs a bigram found in every story less than one found in one story", () => {
    const lexicon = lexiconOf(["民警巡逻街道", "民警救助老人", "民警调解纠纷"]);
    // 民警 is in all three stories, 救助 in one: a heading of both is mostly matched by 救助
    expect(lexicon.similarity("民警救助", 1)).toBe(1);
    expect(lexicon.similarity("民警救助", 0)).toBeLessThan(0.2);
  });

  it("answers for stories added after a first question", () => {
    const lexicon = lexiconOf(STORIES.slice(0, 2));
    expect(lexicon.similarity("天气晴朗", 0)).toBe(0);
    lexicon.addDocument(STORIES[3]!);
    expect(lexicon.similarity("天气晴朗", 2)).toBe(1);
  });
});

describe("PageLexicon on an input of many pages", () => {
  it("grows its tables past a page's worth of distinct bigrams and still counts every one", () => {
    // 60,000 characters cycling through 3,000 ideographs at a stride: ~60,000 distinct bigrams
    const chars = Array.from({ length: 60_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7) % 3000) + Math.floor(i / 3000)));
    const lines = Array.from({ length: 600 }, (_, k) => chars.slice(k * 100, k * 100 + 100).join(""));
    const lexicon = new PageLexicon(lines);
    const stories = [lines.slice(0, 300).join(""), lines.slice(300).join("")];
    for (const story of stories) lexicon.addDocument(story);
    const early = lines[3]!.slice(10, 20);
    const late = lines[590]!.slice(40, 50);
    expect(lexicon.similarity(early, 0)).toBe(1);
    expect(lexicon.similarity(late, 1)).toBe(1);
    // pairs inside lines, asked after more questions than are answered by scanning the lines
    const count = (pair: string) => lines.reduce((n, line) => n + line.split(pair).length - 1, 0);
    for (let i = 0; i < 20; i++) lexicon.junctionCount(late[i % 9]!, late[(i % 9) + 1]!);
    for (const text of [early, late]) for (let i = 0; i + 1 < text.length; i++) expect(lexicon.junctionCount(text[i]!, text[i + 1]!)).toBe(count(text.slice(i, i + 2)));
  });

  it("puts a story of units together as the story's text run together: the pairs across units too, across a unit without words", () => {
    // units: text ending 报, a unit without a word character, text opening with 道 (报道 spans them), a one-character unit
    const page = ["本报记者李华报", "", "——", "", "道了这件事", "", "刘", "", "刘华说"].join("\n");
    const units = unitsOf(page);
    const text = (us: readonly Unit[]) => us.map((u) => u.lines.map((l) => l.text).join("")).join("");
    const stories = [units.slice(0, 4), units.slice(3)];
    const byText = new PageLexicon(page.split("\n"));
    const byUnits = new PageLexicon(page.split("\n"));
    for (const story of stories) {
      byText.addDocument(text(story));
      byUnits.addUnits(story);
    }
    for (const heading of ["报道", "记者报道", "事刘", "刘刘华", "李华说"]) {
      for (const doc of [0, 1]) expect(byUnits.similarity(heading, doc)).toBe(byText.similarity(heading, doc));
    }
    expect(byUnits.similarity("报道", 0)).toBeGreaterThan(0);
    expect(byUnits.similarity("事刘", 0)).toBeGreaterThan(0);
  });

  it("reads a unit's lines run together: a word wrapped across a line break is one of its bigrams", () => {
    // one unit of three lines: 了解 and 了这 run across the breaks
    const page = ["记者前往现场采访了", "解情况后写成报道了", "这件事。", "", "另一条新闻说别的事。"].join("\n");
    const units = unitsOf(page);
    expect(units[0]!.lines.length).toBe(3);
    const byText = new PageLexicon(page.split("\n"));
    const byUnits = new PageLexicon(page.split("\n"));
    for (const story of [[units[0]!], units.slice(1)]) {
      byText.addDocument(story.map((u) => u.lines.map((l) => l.text).join("")).join(""));
      byUnits.addUnits(story);
    }
    expect(byUnits.similarity("采访了解", 0)).toBe(1);
    expect(byUnits.similarity("报道了这件", 0)).toBe(1);
    for (const heading of ["采访了解", "前往现场", "新闻", "事另"]) for (const doc of [0, 1]) expect(byUnits.similarity(heading, doc)).toBe(byText.similarity(heading, doc));
  });
});
