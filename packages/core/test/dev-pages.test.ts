import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

/** Cases from the dev pages (synthetic pages of real articles, corpus/dev) that once failed. */
const devPage = (name: string) => parseText(readFileSync(new URL(`../../../corpus/dev/${name}.txt`, import.meta.url), "utf8"));
const byDateline = (page: ReturnType<typeof parseText>, start: string) =>
  page.articles.find((a) => a.paragraphs.some((p) => p.text.replace(/\s/gu, "").startsWith(start)));

/** Cases from the synthetic layout pages (corpus/synth). */
const synthPage = (name: string) => parseText(readFileSync(new URL(`../../../corpus/synth/${name}.txt`, import.meta.url), "utf8"));

describe("synthetic layout pages", () => {
  it("a headline printed inside the sentence of the story whose text goes on under it heads that story, though a story begun earlier is cut there too", () => {
    const page = synthPage("synth_s1_04");
    expect(byDateline(page, "“不好意思，我正在组织居民")?.headline).toBe("用为民情怀，做好“送上门”的群众工作");
  });
});

describe("dev pages", () => {
  it("a deck's label printed on top of it is the story's first paragraph, and a heading printed in another story's columns heads it", () => {
    const article = byDateline(devPage("cnki_104"), "市委常委会昨晚举行会议");
    expect(article?.headline).toBe("在“控得住”前提下加快经济恢复重振");
    expect(article?.paragraphs[0]?.text).toBe("发扬“店小二”精神");
    expect(article?.paragraphs[1]?.text.startsWith("各层各级领导干部要主动关心企业")).toBe(true);
  });

  it("a deck's label that drops the deck's commas is still its label, and the headline comes from across the page", () => {
    const article = byDateline(devPage("cnki_109"), "昨天下午，市委书记李强主持召开");
    expect(article?.headline).toBe("共同努力守护好建设好城市家园");
    expect(article?.paragraphs[0]?.text).toBe("最坚固的防线最坚实的依靠");
  });

  it("summary points above a dateline open that story, one paragraph per point", () => {
    const article = byDateline(devPage("cnki_112"), "市委书记李强昨天在闵行区");
    expect(article?.headline).toBe("推动惠企政策落地落实增强企业信心");
    expect(article?.paragraphs.slice(0, 3).map((p) => p.text.slice(0, 8))).toEqual(["加快恢复正常秩序", "真情帮扶企业渡过", "进一步释放政策效"]);
    expect(article?.dateline).toBe("本报讯");
  });

  it("a heading printed inside the sentences of two stories heads neither: it heads the next story without a headline", () => {
    const page = devPage("cnki_102");
    expect(byDateline(page, "市委副书记、市长龚正昨天主持召开")?.headline).toBe("展现积极姿态 迅速扭转预期");
    expect(page.articles.find((a) => a.paragraphs[0]?.text.startsWith("亲爱的市民朋友们"))?.headline).toBe("致全市人民的感谢信");
  });

  it("a letter ends with its signers and date", () => {
    const letter = devPage("cnki_112").articles.find((a) => a.headline === "致全市人民的感谢信");
    expect(letter?.paragraphs.slice(-3).map((p) => p.text)).toEqual(["中共上海市委", "上海市人民政府", "2022年6月1日"]);
  });

  it("summary points printed one to a line, each ending where a clause of the body ends, are one paragraph each", () => {
    const page = devPage("cnki_111");
    const points = (start: string, n: number) => byDateline(page, start)?.paragraphs.slice(0, n).map((p) => p.text.slice(0, 6));
    expect(points("大力提升基层治理", 3)).toEqual(["大力提升基层", "强化责任意识", "市委书记李强"]);
    // points above a byline rather than a dateline
    expect(points("坚持无症状感染者", 3)).toEqual(["坚持无症状感", "上海人民的素", "昨天下午，国"]);
  });
});
