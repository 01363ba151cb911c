import { describe, expect, it } from "vitest";
import { parseText, type PageInfo } from "../src/index.js";
import { isPageNameUnit, readRunningHeads } from "../src/pipeline/furniture.js";
import { unitsOf } from "./helpers.js";

describe("running heads", () => {
  it("a running head line becomes furniture, and readRunningHeads fills date, page number and editors", () => {
    const units = unitsOf("2022年6月1日 星期三 第2版 责任编辑 崔怡\n");
    expect(units.map((u) => u.kind)).toEqual(["furniture"]);
    const page: PageInfo = {};
    readRunningHeads(units, page);
    expect(page).toEqual({ date: "2022-06-01", pageNumber: 2, editors: ["崔怡"], header: "2022年6月1日 星期三 第2版 责任编辑 崔怡" });
  });

  it("reads the page name and several editors, and keeps the first date found", () => {
    const units = unitsOf("第 5 版  要闻  责任编辑：张三  视觉设计：李四 王五\n\n2021年12月3日 第6版 编辑 赵六\n");
    expect(units.map((u) => u.kind)).toEqual(["furniture", "furniture"]);
    const page: PageInfo = {};
    readRunningHeads(units, page);
    expect(page.pageNumber).toBe(5);
    expect(page.pageName).toBe("要闻");
    expect(page.date).toBe("2021-12-03");
    expect(page.editors).toEqual(["张三", "李四", "王五", "赵六"]);
    expect(page.header).toBe("第 5 版 要闻 责任编辑：张三 视觉设计：李四 王五 2021年12月3日 第6版 编辑 赵六");
  });

  it("reads the editors other papers name: 责编, 美编, 责校, 版式", () => {
    const units = unitsOf("2022年6月1日 星期三 责编：王小明 美编：李华 版式：张强 责校：赵六\n");
    expect(units.map((u) => u.kind)).toEqual(["furniture"]);
    const page: PageInfo = {};
    readRunningHeads(units, page);
    expect(page.date).toBe("2022-06-01");
    expect(page.editors).toEqual(["王小明", "李华", "张强", "赵六"]);
  });

  it("reads dates and page numbers printed in full-width or Chinese digits", () => {
    for (const [head, date, pageNumber] of [
      ["二〇二二年十二月一日 星期四 第三版 责任编辑 崔怡", "2022-12-01", 3],
      ["２０２２年６月１日 星期三 第２版", "2022-06-01", 2],
      ["二〇二三年一月三十一日 星期二 第十二版 编辑 赵六", "2023-01-31", 12],
    ] as const) {
      const units = unitsOf(`${head}\n`);
      expect(units.map((u) => u.kind), head).toEqual(["furniture"]);
      const page: PageInfo = {};
      readRunningHeads(units, page);
      expect(page, head).toMatchObject({ date, pageNumber });
    }
  });

  it("leaves the page alone when there is no running head", () => {
    const page: PageInfo = {};
    readRunningHeads([], page);
    expect(page).toEqual({});
  });
});

describe("isPageNameUnit", () => {
  it("is true for a page name printed alone, spaced out or not", () => {
    expect(isPageNameUnit(unitsOf("要 闻")[0]!)).toBe(true);
    expect(isPageNameUnit(unitsOf("综合新闻")[0]!)).toBe(true);
  });

  it("is false for other headings", () => {
    expect(isPageNameUnit(unitsOf("送抑郁女子回家")[0]!)).toBe(false);
  });

  it("takes any short name beside the running head for the page name, and only there", () => {
    expect(isPageNameUnit(unitsOf("区域新闻")[0]!, true)).toBe(true);
    expect(isPageNameUnit(unitsOf("区域新闻")[0]!)).toBe(false);
    expect(isPageNameUnit(unitsOf("送抑郁女子回家")[0]!, true)).toBe(false);
  });

  it("names the page from a short line printed right above the running head (parseText)", () => {
    const page = parseText(
      ["区域新闻", "", "2022年5月20日 星期五 第14版 责任编辑 谭桂洁", "", "送抑郁女子回家", "本报讯 11月30日16时许，应县公安局金城派出所民警日常", "疫情巡逻至北四环附近，看见一女子孤身一人行走在路边。"].join("\n"),
    );
    expect(page.page.pageName).toBe("区域新闻");
    expect(page.articles.map((a) => a.headline)).toEqual(["送抑郁女子回家"]);
  });

  it("names the page from a very short line opening a page whose running head is printed further down (parseText)", () => {
    const story = ["本报讯 11月30日16时许，应县公安局金城派出所民警日常", "疫情巡逻至北四环附近，在医学观察点看见一女子孤身一人行走在路边。"];
    const page = parseText(["观察", "", "送抑郁女子回家", "", ...story, "", "2022年5月20日 星期五 第14版 责任编辑 谭桂洁"].join("\n"));
    expect(page.page.pageName).toBe("观察");
    expect(page.articles.map((a) => a.headline)).toEqual(["送抑郁女子回家"]);
    // printed right above the first story's text, with no blank line between
    const glued = parseText(["观察", ...story, "", "2022年5月20日 星期五 第14版 责任编辑 谭桂洁"].join("\n"));
    expect(glued.page.pageName).toBe("观察");
    expect(glued.articles.map((a) => a.headline)).toEqual([null]);
    // without a running head on the page, a short first line is no page name
    expect(parseText(["观察", "", "送抑郁女子回家", "", ...story].join("\n")).page.pageName).toBeUndefined();
    expect(isPageNameUnit(unitsOf("长三角一家人")[0]!, false, true)).toBe(false);
  });

  it("takes a second short line beside the running head, once the page is named, for a headline", () => {
    const story = ["本报讯 本轮疫情中，有杭州的消费者注意到，常去的面包店", "里某款产品暂停供应，长三角产业链供应链互相依存。"];
    const page = parseText(["要闻", "", "2022年6月13日 星期一 第1版 责任编辑 雷欣敏", "", "长三角一家人", "", ...story].join("\n"));
    expect(page.page.pageName).toBe("要闻");
    expect(page.articles.map((a) => a.headline)).toEqual(["长三角一家人"]);
  });

  it("takes a slogan printed first on the page, alone on its line, above a story's headline, for the banner", () => {
    const story = ["本报讯 11月30日16时许，应县公安局金城派出所民警日常", "疫情巡逻至北四环附近，看见一女子孤身一人行走在路边。"];
    const page = parseText(["众志成城 共克时艰", "", "送抑郁女子回家", ...story].join("\n"));
    expect(page.page.banner).toBe("众志成城 共克时艰");
    expect(page.articles.map((a) => [a.headline, a.subheadline])).toEqual([["送抑郁女子回家", null]]);
    // a column label printed between the slogan and the headline changes nothing
    const labelled = parseText(["众志成城 共克时艰", "【特别关注】", "", "送抑郁女子回家", ...story].join("\n"));
    expect(labelled.page.banner).toBe("众志成城 共克时艰");
    expect(labelled.articles.map((a) => [a.column, a.headline])).toEqual([["特别关注", "送抑郁女子回家"]]);
    // a heading over a kicker that stands right above the text is that kicker's headline, printed first
    const kicked = parseText(["闻令动 显真情 铸忠诚", "", "金城派出所：", ...story].join("\n"));
    expect(kicked.page.banner).toBeUndefined();
    expect(kicked.articles.map((a) => [a.kicker, a.headline])).toEqual([["金城派出所：", "闻令动 显真情 铸忠诚"]]);
    // a first heading whose words are the story's is its headline, whatever follows
    const home = [...story, "民警了解到该女子患有抑郁症，随即送抑郁女子回家。"];
    const headed = parseText(["送抑郁女子回家", "", "民警巡逻时看见", ...home].join("\n"));
    expect(headed.page.banner).toBeUndefined();
    expect(headed.articles[0]?.headline).toBe("送抑郁女子回家");
  });

  it("takes a thematic slogan that uses the story's words for the banner when the heading under it is the first story's headline", () => {
    const story = ["本报讯 为坚决打赢疫情防控阻击战，应县公安局金城派出所民警日常", "巡逻至北四环附近，看见一女子孤身一人行走在路边，随即送抑郁女子回家。"];
    const page = parseText(["坚决打赢疫情防控阻击战", "", "送抑郁女子回家", ...story].join("\n"));
    expect(page.page.banner).toBe("坚决打赢疫情防控阻击战");
    expect(page.articles.map((a) => a.headline)).toEqual(["送抑郁女子回家"]);
    // the heading under it shares fewer of the story's words than the slogan does: the slogan may be the story's headline
    const unheaded = parseText(["坚决打赢疫情防控阻击战", "", "金城民警在行动", ...story].join("\n"));
    expect(unheaded.page.banner).toBeUndefined();
  });

  it("takes no heading printed over a kicker and a subtitle for the banner: it is the headline the kicker leads into", () => {
    const story = ["本报讯 11月30日16时许，应县公安局金城派出所民警日常", "疫情巡逻至北四环附近，看见一女子孤身一人行走在路边。"];
    const page = parseText(["闻令动 显真情 铸忠诚", "", "金城派出所：", "——记者蹲点社区见闻", "", ...story].join("\n"));
    expect(page.page.banner).toBeUndefined();
    expect(page.articles.map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([["金城派出所：", "闻令动 显真情 铸忠诚", "——记者蹲点社区见闻"]]);
  });

  it("takes no heading of two lines for the banner: a banner is one line across the page", () => {
    const story = ["本报讯 11月30日16时许，应县公安局金城派出所民警日常", "疫情巡逻至北四环附近，看见一女子孤身一人行走在路边。"];
    const page = parseText(["众志成城", "共克时艰", "", "送抑郁女子回家", ...story].join("\n"));
    expect(page.page.banner).toBeUndefined();
  });
});
