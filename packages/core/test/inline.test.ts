import { describe, expect, it } from "vitest";
import { inlineJump, leadingDateline, readPageNumber, trailingByline } from "../src/pipeline/inline.js";

describe("trailingByline", () => {
  it("splits a byline closing the last line after a space", () => {
    expect(trailingByline("让群众更有安全感。 何永航")).toEqual({ text: "让群众更有安全感。", byline: "何永航" });
    expect(trailingByline("…的责任担当。  记者  武跃林  ")).toEqual({ text: "…的责任担当。", byline: "记者 武跃林" });
  });

  it("needs a sentence end before the space and a byline after it", () => {
    expect(trailingByline("让群众更有安全感 何永航")).toBeNull();
    expect(trailingByline("让群众更有安全感。何永航")).toBeNull();
    expect(trailingByline("让群众更有安全感。 下一步工作")).toBeNull();
    expect(trailingByline("")).toBeNull();
  });

  it("splits a bracketed byline set right after the sentence end, when it holds a role or several names", () => {
    expect(trailingByline("长，顽强而生机勃勃。（记者 倪佳萱）")).toEqual({ text: "长，顽强而生机勃勃。", byline: "（记者 倪佳萱）" });
    expect(trailingByline("让群众更有安全感。（丁海云 王慧玲）")).toEqual({ text: "让群众更有安全感。", byline: "（丁海云 王慧玲）" });
    // an aside in brackets is no byline
    expect(trailingByline("举行了揭牌仪式。（上海市）")).toBeNull();
    expect(trailingByline("工作取得成效。（完）")).toBeNull();
  });

  it("splits a photo credit closing a caption that ends no sentence, taking the whole credit", () => {
    expect(trailingByline("让企业心无旁骛抓生产、谋发展 记者 马飞宇 摄")).toEqual({ text: "让企业心无旁骛抓生产、谋发展", byline: "记者 马飞宇 摄" });
    expect(trailingByline("梦花街区域无新增阳性感染者 资料图片")).toEqual({ text: "梦花街区域无新增阳性感染者", byline: "资料图片" });
    // a name without 摄 after such a caption is not split off
    expect(trailingByline("让企业心无旁骛抓生产、谋发展 马飞宇")).toBeNull();
  });

  it("takes a half-width exclamation mark for a sentence end", () => {
    expect(trailingByline("坚守和付出的所有人! 通讯员 何永航 摄")).toEqual({ text: "坚守和付出的所有人!", byline: "通讯员 何永航 摄" });
  });

  it("looks for the space only near the end: a byline is short", () => {
    const long = "这".repeat(42);
    expect(trailingByline(`群众安全感。 ${long}`)).toBeNull();
    expect(trailingByline(`${long}群众安全感。\u3000何永航`)).toEqual({ text: `${long}群众安全感。`, byline: "何永航" });
  });
});

describe("inlineJump", () => {
  it("reads a jump line on its own", () => {
    expect(inlineJump("（下转第3版）")).toEqual({ text: "", jump: "（下转第3版）", direction: "continuedOn", page: 3 });
    expect(inlineJump("（上接第一版）")).toMatchObject({ direction: "continuedFrom", page: 1 });
    expect(inlineJump("(紧转第８版)")).toMatchObject({ direction: "continuedOn", page: 8 });
    expect(inlineJump("（接第十二版）")).toMatchObject({ direction: "continuedFrom", page: 12 });
    expect(inlineJump("（紧接第一版）")).toMatchObject({ direction: "continuedFrom", page: 1 });
    // a sectioned page (A3) is no page number: the jump keeps it in its raw text
    expect(inlineJump("（下转A3版）")).toMatchObject({ jump: "（下转A3版）", direction: "continuedOn", page: null });
    expect(inlineJump("（上接第Ａ１版）")).toMatchObject({ direction: "continuedFrom", page: null });
  });

  it("splits a jump line off the end of a text line", () => {
    expect(inlineJump("全力落实防疫措施。（下转第 3 版）  ")).toEqual({
      text: "全力落实防疫措施。",
      jump: "（下转第 3 版）",
      direction: "continuedOn",
      page: 3,
    });
  });

  it("finds nothing when the jump is not at the end", () => {
    expect(inlineJump("（下转第3版）后面还有字")).toBeNull();
    expect(inlineJump("下转第3版")).toBeNull();
  });
});

describe("readPageNumber", () => {
  it("reads Arabic, full-width and Chinese numbers up to 99", () => {
    expect(readPageNumber("3")).toBe(3);
    expect(readPageNumber("１２")).toBe(12);
    expect(readPageNumber("一")).toBe(1);
    expect(readPageNumber("十")).toBe(10);
    expect(readPageNumber("十五")).toBe(15);
    expect(readPageNumber("二十")).toBe(20);
    expect(readPageNumber("九十九")).toBe(99);
  });

  it("gives null for zero and for what is not a number", () => {
    expect(readPageNumber("0")).toBeNull();
    expect(readPageNumber("")).toBeNull();
    expect(readPageNumber("百")).toBeNull();
  });
});

describe("leadingDateline", () => {
  it("splits 本报讯 and its bracketed byline", () => {
    const text = "本报讯（记者 武跃林）记者从市公安局获悉";
    const d = leadingDateline(text);
    expect(d).toEqual({ dateline: "本报讯", byline: "记者 武跃林", length: "本报讯（记者 武跃林）".length });
    expect(text.slice(d!.length)).toBe("记者从市公安局获悉");
  });

  it("reads 本报…电 and 新华社…电 datelines, with or without a byline", () => {
    expect(leadingDateline("本报北京12月1日电 今天")).toMatchObject({ dateline: "本报北京12月1日电", byline: null });
    expect(leadingDateline("新华社北京12月1日电（记者 王小明）国务院")).toMatchObject({ dateline: "新华社北京12月1日电", byline: "记者 王小明" });
  });

  it("reads the datelines of other papers, agencies and sites, dated or not", () => {
    const read = (text: string) => leadingDateline(text)?.dateline ?? null;
    expect(read("本报北京12月1日讯（记者 王小明）国务院")).toBe("本报北京12月1日讯");
    expect(read("经济日报北京12月1日讯 今天")).toBe("经济日报北京12月1日讯");
    expect(read("南方日报讯（记者 李华）近日")).toBe("南方日报讯");
    expect(read("人民网讯 近日")).toBe("人民网讯");
    expect(read("人民网北京１２月１日电（记者 王小明）")).toBe("人民网北京１２月１日电");
    expect(read("中新社北京电 今天")).toBe("中新社北京电");
    expect(read("据新华社电 国务院")).toBe("据新华社电");
    expect(read("据新华社北京12月1日电（记者 王小明）国务院")).toBe("据新华社北京12月1日电");
    expect(read("据新华社报道，国务院")).toBeNull();
    // 电 without a date is a dateline only after the paper's or an agency's name
    expect(read("合作社负责人来电说")).toBeNull();
    expect(read("本报记者王某通讯员李某")).toBeNull();
  });

  it("reads a byline given without brackets as a report's: 本报讯 记者 X 通讯员 Y 报道：", () => {
    const text = "本报讯 记者王小明 通讯员李华报道：近日，广州市举行";
    const d = leadingDateline(text);
    expect(d).toMatchObject({ dateline: "本报讯", byline: "记者王小明 通讯员李华" });
    expect(text.slice(d!.length)).toBe("近日，广州市举行");
    // without 报道： the names are the text's
    expect(leadingDateline("本报讯 记者王小明近日获悉")).toMatchObject({ byline: null, length: "本报讯 ".length });
  });

  it("takes a dateline out of lenticular brackets", () => {
    const text = "【本报讯】（记者 武跃林）记者从市公安局获悉";
    const d = leadingDateline(text);
    expect(d).toMatchObject({ dateline: "本报讯", byline: "记者 武跃林" });
    expect(text.slice(d!.length)).toBe("记者从市公安局获悉");
    expect(leadingDateline("【新华社北京12月1日电】国务院")).toMatchObject({ dateline: "新华社北京12月1日电", length: "【新华社北京12月1日电】".length });
  });

  it("leaves a bracket that is not a byline in the text", () => {
    const text = "本报讯（通讯稿）近日，";
    const d = leadingDateline(text);
    expect(d).toMatchObject({ dateline: "本报讯", byline: null });
    expect(text.slice(d!.length)).toBe("（通讯稿）近日，");
  });

  it("finds nothing without a dateline at the start", () => {
    expect(leadingDateline("记者从本报讯获悉")).toBeNull();
    expect(leadingDateline("")).toBeNull();
  });
});
