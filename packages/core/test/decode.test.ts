import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput, type DecodeResult } from "../src/index.js";

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return Uint8Array.from(out);
};
/** UTF-16 code units of `s` as bytes, little or big endian. */
const utf16 = (s: string, littleEndian: boolean): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(2 * i, s.charCodeAt(i), littleEndian);
  return out;
};
const expectText = (r: DecodeResult, text: string, encoding: string) => {
  expect(r).toEqual({ ok: true, text, encoding });
};
const problemOf = (r: DecodeResult): string => {
  if (r.ok) throw new Error(`expected a problem, got text in ${r.encoding}`);
  return r.problem;
};

// Produced with Python: "读报：本报讯（记者 张三）".encode("gb18030")
const GB_SAMPLE = "读报：本报讯（记者 张三）";
const GB_SAMPLE_BYTES = "b6c1b1a8a3bab1beb1a8d1b6a3a8bcc7d5df20d5c5c8fda3a9";

describe("decodeInput", () => {
  it("decodes UTF-8 without a byte-order mark", () => {
    expectText(decodeInput(utf8("本报讯 第1版\n")), "本报讯 第1版\n", "utf-8");
  });

  it("strips a UTF-8 byte-order mark", () => {
    expectText(decodeInput(concat([0xef, 0xbb, 0xbf], utf8("本报讯"))), "本报讯", "utf-8");
  });

  it("keeps a byte-order mark that sits inside the text", () => {
    expectText(decodeInput(utf8("a\uFEFFb")), "a\uFEFFb", "utf-8");
  });

  it("decodes UTF-16LE and UTF-16BE with their marks, stripped", () => {
    const text = "本报讯（记者 张三）𠀀 A1\r\n";
    expectText(decodeInput(concat([0xff, 0xfe], utf16(text, true))), text, "utf-16le");
    expectText(decodeInput(concat([0xfe, 0xff], utf16(text, false))), text, "utf-16be");
  });

  it("detects GB18030 (GBK two-byte and GB18030 four-byte sequences)", () => {
    expectText(decodeInput(fromHex(GB_SAMPLE_BYTES)), GB_SAMPLE, "gb18030");
    expectText(decodeInput(fromHex("d6d0" + "95328236" + "0a")), "中𠀀\n", "gb18030");
  });

  it("prefers UTF-8 for ASCII, which is also valid GB18030", () => {
    expectText(decodeInput(utf8("ABC 123")), "ABC 123", "utf-8");
  });

  it("decodes an empty file as empty UTF-8 text", () => {
    expectText(decodeInput(new Uint8Array()), "", "utf-8");
    expectText(decodeInput(Uint8Array.from([0xef, 0xbb, 0xbf])), "", "utf-8");
  });

  it("keeps tabs, form feeds and CRLF line ends", () => {
    const text = "第1版\f\n标题\t正文\r\n";
    expectText(decodeInput(utf8(text)), text, "utf-8");
  });

  it("refuses NUL bytes as binary, naming the offset", () => {
    const bytes = concat(utf8("本报讯"), [0x00, 0x01]);
    expect(problemOf(decodeInput(bytes))).toBe("binary file (NUL bytes at offset 9)");
  });

  it("refuses a PNG header", () => {
    const png = fromHex("89504e470d0a1a0a0000000d49484452");
    expect(problemOf(decodeInput(png))).toBe("binary file (NUL bytes at offset 8)");
  });

  it("refuses text with many control characters", () => {
    const bytes = utf8("abc\u0001\u0002\u0003def\u001b[0m".repeat(20));
    expect(problemOf(decodeInput(bytes))).toMatch(/^binary file \(\d+\.\d% control characters\)$/);
  });

  it("accepts a rare stray control character in a long text", () => {
    const text = "正文".repeat(200) + "\u0007" + "正文".repeat(200);
    expectText(decodeInput(utf8(text)), text, "utf-8");
  });

  it("refuses a NUL character inside UTF-16 text", () => {
    const bytes = concat([0xff, 0xfe], utf16("ab\u0000c", true));
    expect(problemOf(decodeInput(bytes))).toBe("binary file (NUL character at offset 6)");
  });

  it("refuses broken UTF-16", () => {
    expect(problemOf(decodeInput(concat([0xff, 0xfe], [0x41, 0x00, 0x42])))).toBe(
      "invalid UTF-16LE (odd number of bytes after the byte-order mark)",
    );
    expect(problemOf(decodeInput(concat([0xfe, 0xff], [0xd8, 0x00, 0x00, 0x41])))).toBe("invalid UTF-16BE (unpaired surrogate)");
  });

  it("explains UTF-16 without a byte-order mark", () => {
    const bytes = utf16("The page text, in UTF-16 without a mark.", true);
    expect(problemOf(decodeInput(bytes))).toMatch(/^UTF-16 text without a byte-order mark is not supported/);
  });

  it("refuses UTF-32", () => {
    const bytes = concat([0xff, 0xfe, 0x00, 0x00], [0x41, 0, 0, 0]);
    expect(problemOf(decodeInput(bytes))).toBe("UTF-32 text is not supported (convert it to UTF-8)");
  });

  it("refuses bytes valid in no supported encoding, naming the first bad UTF-8 byte", () => {
    // 0xFF is never valid in UTF-8 nor in GB18030
    const bytes = concat(utf8("本报"), [0xff, 0x41]);
    expect(problemOf(decodeInput(bytes))).toBe("not UTF-8, UTF-16 or GB18030 text (invalid UTF-8 byte 0xFF at offset 6)");
  });

  it("does not guess GB18030 when a UTF-8 mark says UTF-8", () => {
    const bytes = concat([0xef, 0xbb, 0xbf], fromHex(GB_SAMPLE_BYTES));
    expect(problemOf(decodeInput(bytes))).toBe("invalid UTF-8 (byte 0xB6 at offset 3)");
  });

  it("round-trips any text without stray controls through UTF-8 and UTF-16", () => {
    const textChar = fc
      .string({ unit: "grapheme", maxLength: 200 })
      .map((s) => s.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, ""))
      .filter((s) => s.charCodeAt(0) !== 0xfeff);
    fc.assert(
      fc.property(textChar, (s) => {
        expect(decodeInput(utf8(s))).toEqual({ ok: true, text: s, encoding: "utf-8" });
        expect(decodeInput(concat([0xff, 0xfe], utf16(s, true)))).toEqual({ ok: true, text: s, encoding: "utf-16le" });
      }),
    );
  });

  it("reads UTF-8 as a fatal TextDecoder does, valid or not (mixed CJK, astral, broken sequences)", () => {
    const pieces = [[0xe4, 0xb8, 0xad], [0x41], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xe4, 0xb8], [0x80], [0xf4, 0x90, 0x80, 0x80]];
    const bytes = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.array(fc.integer({ min: 0x20, max: 0xff }).filter((b) => b !== 0x7f), { maxLength: 3 })), { maxLength: 40 });
    const reference = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(bytes, (parts) => {
        // a letter first: a leading mark is stripped on purpose; no control bytes, which are refused as binary
        const input = concat([0x41], ...parts);
        let expected: string | null;
        try {
          expected = reference.decode(input);
        } catch {
          expected = null;
        }
        const r = decodeInput(input);
        if (expected === null) expect(r.ok && r.encoding === "utf-8").toBe(false);
        else if (r.ok) expect(r).toEqual({ ok: true, text: expected, encoding: "utf-8" });
        else expect(problemOf(r)).toMatch(/^binary file/); // C1 controls (C2 80…) decode, then are refused
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const r = decodeInput(bytes);
        if (r.ok) expect(typeof r.text).toBe("string");
        else expect(r.problem).not.toContain("\n");
      }),
    );
  });
});
