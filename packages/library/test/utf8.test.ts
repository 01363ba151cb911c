import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8CharsEnd, utf8Text } from "../src/store/utf8.js";

describe("utf8Text", () => {
  it("decodes as Node does: any string's UTF-8, and any bytes at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const bytes = Buffer.from(s, "utf8");
        expect(utf8Text(bytes)).toBe(bytes.toString("utf8"));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(utf8Text(bytes)).toBe(Buffer.from(bytes).toString("utf8"));
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes Chinese, ASCII, line breaks and characters beyond the BMP", () => {
    const text = "全市核酸检测能力大幅提高。\nCOVID-19 Ｆｕｌｌ 𠀀字 🙂 end";
    expect(utf8Text(Buffer.from(text))).toBe(text);
    expect(utf8Text(new Uint8Array(0))).toBe("");
  });

  it("decodes a view into a larger buffer, and texts longer than its scratch space", () => {
    const whole = Buffer.from("前缀核酸检测后缀");
    expect(utf8Text(whole.subarray(6, 18))).toBe("核酸检测");
    for (const chars of [5000, 200_000]) {
      const long = "核酸检测，".repeat(chars / 5);
      expect(utf8Text(Buffer.from(long))).toBe(long);
    }
  });
});

describe("utf8CharsEnd", () => {
  it("ends where SQLite's substr of that many characters ends, or null when nothing would be cut off", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("核", "a", "é", "𠀀", "\n", "，"), { maxLength: 60 }), fc.nat(60), fc.nat(60), (chars, skip, count) => {
        const bytes = Buffer.from(chars.join(""));
        const from = Buffer.byteLength(chars.slice(0, skip).join(""));
        const kept = Math.min(chars.length, skip) + count;
        const expected = kept < chars.length ? Buffer.byteLength(chars.slice(0, kept).join("")) : null;
        expect(utf8CharsEnd(bytes, from, count)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts after the characters it keeps, at a character start", () => {
    const bytes = Buffer.from("前缀核酸检测后缀");
    expect(utf8CharsEnd(bytes, 6, 4)).toBe(18);
    expect(bytes.subarray(0, 18).toString()).toBe("前缀核酸检测");
    expect(utf8CharsEnd(bytes, 6, 6)).toBeNull();
    expect(utf8CharsEnd(bytes, 6, 5)).toBe(21);
  });
});
