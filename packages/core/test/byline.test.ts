import { describe, expect, it } from "vitest";
import { collapseSpaces, isBareNames, isBylineText, isNamingByline, isPhotoCredit, isProbablyName, parseByline } from "../src/pipeline/byline.js";

const names = (text: string) => {
  const { reporters, correspondents, photographers, editors, authors } = parseByline(text);
  return { reporters, correspondents, photographers, editors, authors };
};
const none = { reporters: [], correspondents: [], photographers: [], editors: [], authors: [] };

describe("parseByline", () => {
  it("sorts reporters and correspondents", () => {
    expect(names("记者 薛礼伟 通讯员 杨娜")).toEqual({ ...none, reporters: ["薛礼伟"], correspondents: ["杨娜"] });
  });

  it("reads a role word glued to the name before it, as a wrapped dateline line joins them", () => {
    expect(names("记者 孟群舒通讯员 肖宁晶")).toEqual({ ...none, reporters: ["孟群舒"], correspondents: ["肖宁晶"] });
    expect(names("本报记者孟群舒本报通讯员谭宇")).toEqual({ ...none, reporters: ["孟群舒"], correspondents: ["谭宇"] });
  });

  it("reads four ideographs as two names run together (a wrapped line lost the space), but not after a compound surname", () => {
    expect(names("记者 覃浩何远")).toEqual({ ...none, reporters: ["覃浩", "何远"] });
    expect(names("记者 罗子向悦 通讯员 姚杰思")).toEqual({ ...none, reporters: ["罗子", "向悦"], correspondents: ["姚杰思"] });
    expect(names("记者 诸葛宇杰")).toEqual({ ...none, reporters: ["诸葛宇杰"] });
    expect(names("记者 唐涛静")).toEqual({ ...none, reporters: ["唐涛静"] });
    // five: a two- and a three-character name, cut where the second name's surname starts
    expect(names("记者 陈抒怡刘萍 通讯员 周楠")).toEqual({ ...none, reporters: ["陈抒怡", "刘萍"], correspondents: ["周楠"] });
    expect(names("记者 罗国韦静文")).toEqual({ ...none, reporters: ["罗国", "韦静文"] });
  });

  it("takes the longest role word (本报记者 over 记者) and several names", () => {
    expect(names("本报记者 张三 李四 通讯员 王五")).toEqual({ ...none, reporters: ["张三", "李四"], correspondents: ["王五"] });
    expect(names("本报记者 张三 本报通讯员王五")).toEqual({ ...none, reporters: ["张三"], correspondents: ["王五"] });
    expect(names("新华社记者 王小明")).toEqual({ ...none, reporters: ["王小明"] });
  });

  // Regression (fixed in 12108fd): a token equal to `本报通讯员` (the role word alone, its name
  // after a space) matched ANONYMOUS_BYLINE and was skipped, so 王五 was listed as a reporter.
  it("reads 本报通讯员 as a role word when its name follows after a space", () => {
    expect(names("本报记者 张三 本报通讯员 王五")).toEqual({ ...none, reporters: ["张三"], correspondents: ["王五"] });
  });

  it("names nobody for 本通 摄 and for source credits", () => {
    expect(names("本通 摄")).toEqual(none);
    expect(names("本报通讯员 摄")).toEqual(none);
    expect(names("资料图片")).toEqual(none);
    expect(names("新华社发")).toEqual(none);
  });

  it("does not read a caption's last words before its credit as a credit line (针对性 刘泽鸣 摄)", () => {
    expect(isPhotoCredit("针对性 刘泽鸣 摄")).toBe(false);
    expect(isPhotoCredit("张三 李四 摄")).toBe(true);
    expect(isPhotoCredit("记者 顾泳 摄")).toBe(true);
    expect(isPhotoCredit("（通讯员 针对性 摄）")).toBe(true);
    // before a role word: running text's punctuation, not an agency (新华社记者)
    expect(isPhotoCredit("信心、稳预期 记者 李涵兰 摄")).toBe(false);
    expect(isPhotoCredit("新华社记者 李涵兰 摄")).toBe(true);
    expect(isPhotoCredit("本报记者 李涵兰 摄")).toBe(true);
  });

  it("reads words before a credit's role word that name nobody as the caption's last words (不久后到来 通讯员 张骏 摄)", () => {
    expect(isPhotoCredit("不久后到来 通讯员 张骏 摄")).toBe(false);
    // names, a medium named apart from its role word, and a word's tail cut by the line break (`本` / `报记者`) are a credit's
    expect(isPhotoCredit("顾春 本报记者 俱鹤飞 摄")).toBe(true);
    expect(isPhotoCredit("新华社 记者 王小明 摄")).toBe(true);
    expect(isPhotoCredit("报记者 杨娜 摄")).toBe(true);
  });

  it("gives a photo credit's names to photographers", () => {
    expect(names("记者 顾泳 摄")).toEqual({ ...none, photographers: ["顾泳"] });
    expect(names("顾泳 摄")).toEqual({ ...none, photographers: ["顾泳"] });
    expect(names("顾泳/摄")).toEqual({ ...none, photographers: ["顾泳"] });
  });

  it("gives bracketed and bare names to authors, without the brackets", () => {
    const b = parseByline("（丁海云 王慧玲）");
    expect(b.raw).toBe("丁海云 王慧玲");
    expect(names("（丁海云 王慧玲）")).toEqual({ ...none, authors: ["丁海云", "王慧玲"] });
    expect(names("何永航")).toEqual({ ...none, authors: ["何永航"] });
  });

  it("sorts editors", () => {
    expect(names("责任编辑 崔怡")).toEqual({ ...none, editors: ["崔怡"] });
  });

  it("collapses spaces in raw", () => {
    expect(parseByline("  记者\u3000 武跃林 ").raw).toBe("记者 武跃林");
  });
});

describe("bylines of other papers", () => {
  const names = (text: string) => {
    const { reporters, correspondents, photographers, editors, authors } = parseByline(text);
    return { reporters, correspondents, photographers, editors, authors };
  };
  const none = { reporters: [], correspondents: [], photographers: [], editors: [], authors: [] };

  it("reads reporters named by their paper, agency or site and their kind: 全媒体, 融媒体, 特约, 实习生", () => {
    for (const text of ["本报全媒体记者 王小明", "融媒体记者 王小明", "人民日报记者 王小明", "中新社记者 王小明", "本报特约记者 王小明"]) {
      expect(isBylineText(text)).toBe(true);
      expect(names(text)).toEqual({ ...none, reporters: ["王小明"] });
    }
    expect(names("本报融媒体记者 王小明 实习生 李华 通讯员 张强")).toEqual({ ...none, reporters: ["王小明", "李华"], correspondents: ["张强"] });
  });

  it("reads photo reports and the credits of agencies and sources", () => {
    expect(isPhotoCredit("记者 王小明 摄影报道")).toBe(true);
    expect(names("本报记者 王小明 摄影报道")).toEqual({ ...none, photographers: ["王小明"] });
    for (const credit of ["受访者供图", "视觉中国供图", "（中新社发）", "法新社发"]) {
      expect(isPhotoCredit(credit)).toBe(true);
      expect(names(credit)).toEqual(none);
    }
    expect(isPhotoCredit("经营发展")).toBe(false);
  });

  it("reads a paper's reporters stationed elsewhere (驻京记者) and writers (撰文, 特约撰稿人)", () => {
    expect(names("本报驻京记者 王小明")).toEqual({ ...none, reporters: ["王小明"] });
    expect(names("本报驻广东记者站记者 王小明")).toEqual({ ...none, reporters: ["王小明"] });
    expect(names("撰文 王小明 摄影 李华")).toEqual({ ...none, authors: ["王小明"], photographers: ["李华"] });
    expect(isBylineText("特约撰稿人 王小明")).toBe(true);
  });

  it("names nobody for the report's word and its place: 记者 X 报道, 记者 X 北京报道, 记者 X 发自北京", () => {
    expect(names("记者 王小明 发自北京")).toEqual({ ...none, reporters: ["王小明"] });
    expect(names("本报记者 王小明 报道")).toEqual({ ...none, reporters: ["王小明"] });
    expect(names("记者 王小明 通讯员 李华 北京报道")).toEqual({ ...none, reporters: ["王小明"], correspondents: ["李华"] });
    expect(names("记者王小明报道")).toEqual({ ...none, reporters: ["王小明"] });
  });

  it("reads a colon after the role word and a bullet before the byline", () => {
    expect(isBylineText("记者：王小明")).toBe(true);
    expect(names("■本报记者 王小明 通讯员 李华")).toEqual({ ...none, reporters: ["王小明"], correspondents: ["李华"] });
    expect(isBylineText("●本报记者 王小明")).toBe(true);
  });

  it("reads writers and photographers marked by a slash, and no slash-less word that opens with 文 or 图", () => {
    expect(names("文/王小明 图/李华")).toEqual({ ...none, authors: ["王小明"], photographers: ["李华"] });
    expect(names("文/图 王小明")).toEqual({ ...none, authors: ["王小明"] });
    expect(parseByline("文／王小明")).toMatchObject({ raw: "文／王小明", authors: ["王小明"] });
    expect(isBylineText("文·图/王小明")).toBe(true);
    expect(names("王小明/文 李华/图")).toEqual({ ...none, authors: ["王小明"], photographers: ["李华"] });
    expect(names("记者 王小明/文 李华/图")).toEqual({ ...none, reporters: ["王小明"], photographers: ["李华"] });
    expect(isBylineText("王小明／文")).toBe(true);
    expect(isBylineText("文明城市")).toBe(false);
    expect(isBylineText("图书馆开放")).toBe(false);
  });
});

describe("isBylineText", () => {
  it("accepts role bylines, photo credits, source credits, bracketed names and bare names", () => {
    for (const t of ["记者 武跃林", "（记者 薛礼伟 通讯员 杨娜）", "记者 顾泳 摄", "本通 摄", "资料图片", "（丁海云 王慧玲）", "何永航", "茅冠隽 唐烨", "本通"]) {
      expect(isBylineText(t), t).toBe(true);
    }
  });

  it("refuses headings and text", () => {
    for (const t of ["", "   ", "人人参与 人人受益", "送抑郁女子回家", "坚决打赢疫情防控歼灭战", "记者从市卫健委获悉，", "张三 李四 王五 赵六 钱七 孙八"]) {
      expect(isBylineText(t), t).toBe(false);
    }
  });
});

describe("isProbablyName / isBareNames / isPhotoCredit", () => {
  it("wants a known surname and 2-3 ideographs, or a compound surname and up to 4", () => {
    expect(isProbablyName("何永航")).toBe(true);
    expect(isProbablyName("欧阳修")).toBe(true);
    expect(isProbablyName("欧阳娜娜")).toBe(true);
    expect(isProbablyName("王")).toBe(false);
    expect(isProbablyName("王小明明")).toBe(false);
    expect(isProbablyName("助孕妇")).toBe(false);
    expect(isProbablyName("Li Na")).toBe(false);
  });

  it("counts characters, not UTF-16 units: a name with an ideograph beyond the BMP", () => {
    expect(isProbablyName("王𠀀")).toBe(true);
    expect(isProbablyName("欧阳𠀀𠀀")).toBe(true);
    expect(isProbablyName("王𠀀𠀀𠀀")).toBe(false);
    expect(isProbablyName("王小明是个好人")).toBe(false);
  });

  it("isBylineText is a credit or a naming byline", () => {
    for (const t of ["记者 顾泳 摄", "本报资料图片", "记者 武跃林", "（丁海云 王慧玲）", "本通", "何永航", "今日关注", ""]) {
      expect(isBylineText(t)).toBe(isPhotoCredit(t) || isNamingByline(t));
    }
    expect(isNamingByline("记者 顾泳 摄")).toBe(false);
    expect(isNamingByline("记者 武跃林")).toBe(true);
  });

  it("reads a sentence about the reporter, its opener glued to the role word, as no byline", () => {
    // the first line of a paragraph in a narrow column: `记者从市人民医` / `院获悉，…`
    for (const t of ["记者从市人民医", "记者近日走进", "记者在现场", "记者了解到"]) expect(isNamingByline(t)).toBe(false);
    // a name after a space or a colon may start as an opener does (从 is a surname too)
    for (const t of ["记者唐烨", "本报记者 从玉华", "记者：从玉华", "记者 唐烨 通讯员 从玉华"]) expect(isNamingByline(t)).toBe(true);
  });

  it("takes a bracketed byline only with both brackets: one wrapped onto the next line goes on there", () => {
    // `（记者 闫阳` / `鸣）昨天举行…`: the name ends on the next line
    expect(isNamingByline("（记者 闫阳")).toBe(false);
    expect(isNamingByline("（记者 闫阳鸣）")).toBe(true);
    expect(isNamingByline("记者 闫阳鸣")).toBe(true);
  });

  it("isBareNames accepts at most five names", () => {
    expect(isBareNames("茅冠隽  唐烨")).toBe(true);
    expect(isBareNames("张三 李四 王五 赵六 钱七")).toBe(true);
    expect(isBareNames("张三 李四 王五 赵六 钱七 孙八")).toBe(false);
  });

  it("isPhotoCredit is true for credits and false for text bylines", () => {
    expect(isPhotoCredit("记者 顾泳 摄")).toBe(true);
    expect(isPhotoCredit("本报资料图片")).toBe(true);
    expect(isPhotoCredit("记者 武跃林")).toBe(false);
  });

  it("collapseSpaces trims and collapses all whitespace", () => {
    expect(collapseSpaces(" a\t\u3000 b\n")).toBe("a b");
  });

  it("collapseSpaces gives what the regex gives, collapsed text unchanged", () => {
    const byRegex = (t: string) => t.replace(/[\s\u3000]+/gu, " ").trim();
    for (const t of ["", " ", "a", "a b", "a  b", " a b", "a b ", "a\tb", "a\u00a0b", "记者 何永航", "记者\u3000何永航", "a b  c", "\ufeffa", "a\u2028b"]) {
      expect(collapseSpaces(t)).toBe(byRegex(t));
    }
    const collapsed = "记者 何永航 通讯员 张三";
    expect(collapseSpaces(collapsed)).toBe(collapsed);
  });
});
