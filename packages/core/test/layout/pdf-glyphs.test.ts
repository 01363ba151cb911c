import { describe, expect, it } from "vitest";
import { isUnreadable, MAX_UNREADABLE_SHARE, measureReadability, unreadableProblem } from "../../src/layout/pdf-garbage.js";
import { mapLookalikes, mapRadicals, unifiedIdeographOf } from "../../src/layout/pdf-glyphs.js";
import { parseText } from "../../src/index.js";

describe("mapLookalikes", () => {
  it("maps Kangxi radicals and CJK Radicals Supplement back to the ideographs they look like", () => {
    expect(mapLookalikes("⽉")).toBe("月");
    expect(mapLookalikes("⺠")).toBe("民");
    expect(mapLookalikes("2022年6⽉1⽇ 星期三")).toBe("2022年6月1日 星期三");
    expect(mapLookalikes("⻓三⻆")).toBe("长三角");
  });

  it("gives the simplified form where a mainland font draws one (户, 青) and the em dash for the horizontal bar", () => {
    expect(mapLookalikes("客⼾")).toBe("客户");
    expect(mapLookalikes("⾭年")).toBe("青年");
    expect(mapLookalikes("2―3")).toBe("2—3");
  });

  it("maps compatibility ideographs to their canonical ideograph, in the BMP and beyond", () => {
    expect(mapLookalikes("\uF900")).toBe("\u8C48");
    expect(mapLookalikes("\u{2F800}")).toBe("\u4E3D");
    // U+FA11 is a unified ideograph that sits in the compatibility block: kept
    expect(unifiedIdeographOf(0xfa11)).toBeNull();
  });

  it("never touches full-width punctuation, digits or letters (no NFKC on the text)", () => {
    const text = "，。：；！？（）《》“”‘’、１２３ＡＢＣ　…";
    expect(mapLookalikes(text)).toBe(text);
    expect(mapLookalikes("plain ASCII, 123")).toBe("plain ASCII, 123");
  });

  it("keeps radicals that have no ideograph of their own", () => {
    expect(mapLookalikes("\u2E80\u2E9A")).toBe("\u2E80\u2E9A");
  });
});

describe("mapRadicals (text dumps)", () => {
  it("maps radicals and the horizontal bar back, keeping the text's length", () => {
    expect(mapRadicals("2022年6⽉1⽇，⺠⽣，客⼾，⻓三⻆，2―3")).toBe("2022年6月1日，民生，客户，长三角，2—3");
    // a radical whose ideograph lies beyond the BMP would lengthen the text: kept
    expect(mapRadicals("\u2E87")).toBe("\u2E87");
  });

  it("keeps compatibility ideographs: they are letters of the dump, which the Page must hold as printed", () => {
    expect(mapRadicals("\uF900\u{2F800}")).toBe("\uF900\u{2F800}");
  });

  it("lets parseText read a pdf.js dump's datelines and dates, its spans still pointing into the dump", () => {
    const dump = "2022年6⽉1⽇ 星期三 第2版\n\n市场回暖\n\n本报北京5⽉31⽇电 记者从有关部门获悉，⽬前市场\n运行平稳。\n";
    const page = parseText(dump);
    expect(page.page.date).toBe("2022-06-01");
    const article = page.articles.find((a) => a.dateline !== null)!;
    expect(article.dateline).toBe("本报北京5月31日电");
    const first = article.paragraphs[0]!;
    expect(first.text).toContain("目前市场运行平稳。");
    expect(dump.slice(first.spans[0]!.start, first.spans[0]!.end)).toContain("本报北京5⽉31⽇电");
  });
});

describe("unreadable PDF text", () => {
  it("counts controls, private use and replacement characters, not spaces", () => {
    expect(isUnreadable(0x03)).toBe(true);
    expect(isUnreadable(0xe001)).toBe(true);
    expect(isUnreadable(0xfffd)).toBe(true);
    expect(isUnreadable(0x4e2d)).toBe(false);
    expect(measureReadability("\u0003\u0011 中\u3000文")).toEqual({ characters: 4, unreadable: 2 });
  });

  it("flags text made mostly of glyph codes, and passes text with a stray symbol", () => {
    expect(unreadableProblem(measureReadability("\u0003\u0004\u0005\u0006中"))).toMatch(/no Unicode map: 80% of its 5 characters/);
    const mostlyText = "新闻".repeat(20) + "\ue000";
    expect(measureReadability(mostlyText).unreadable / measureReadability(mostlyText).characters).toBeLessThan(MAX_UNREADABLE_SHARE);
    expect(unreadableProblem(measureReadability(mostlyText))).toBeNull();
    expect(unreadableProblem(measureReadability(""))).toBeNull();
  });
});
