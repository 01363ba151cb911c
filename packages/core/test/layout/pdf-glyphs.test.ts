import { describe, expect, it } from "vitest";
import { isUnreadable, MAX_UNREADABLE_SHARE, measureReadability, unreadableProblem } from "../../src/layout/pdf-garbage.js";
import { mapLookalikes, unifiedIdeographOf } from "../../src/layout/pdf-glyphs.js";

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
