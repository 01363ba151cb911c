import { MAX_PAGE_INPUT_BYTES } from "@dubao/library";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../proxy";
import { parseEnv } from "./env-schema";
import { formatDate, pageLabel } from "./format";
import { isArticleId, rowId } from "./route-params";
import { parseSearchParams, searchHref } from "./search-params";
import { firstLine, sourceLines } from "./source-lines";
import { MAX_UPLOAD_BYTES } from "./upload-limits";
import { describeUploadProblem } from "./upload-problems";

describe("environment", () => {
  it("defaults and validates", () => {
    expect(parseEnv({})).toEqual({ DUBAO_DB: undefined, DUBAO_UPLOAD: "on" });
    expect(parseEnv({ DUBAO_DB: "  ", DUBAO_UPLOAD: "off" })).toEqual({ DUBAO_DB: undefined, DUBAO_UPLOAD: "off" });
    expect(() => parseEnv({ DUBAO_UPLOAD: "maybe" })).toThrow(/DUBAO_UPLOAD/);
  });
});

describe("search parameters", () => {
  it("keeps good filters and names the bad ones", () => {
    const r = parseSearchParams({ q: " 核酸 ", from: "2022-05-01", to: "2022-02-30", kind: "poem", page: "0", person: ["张骏", "x"] });
    expect(r.fields.q).toBe("核酸");
    expect(r.filters).toEqual({ from: "2022-05-01", person: "张骏" });
    expect(r.page).toBe(1);
    expect(r.problems).toHaveLength(3);
  });

  it("builds URLs without empty values or page 1", () => {
    expect(searchHref({ q: "核酸", from: "" }, { page: 1 })).toBe("/search?q=%E6%A0%B8%E9%85%B8");
    expect(searchHref({ q: "a b" }, { page: 3 })).toBe("/search?q=a+b&page=3");
  });
});

describe("route ids", () => {
  it("accepts only well-formed ids", () => {
    expect(rowId("12")).toBe(12);
    for (const bad of ["0", "-1", "1.5", "12a", "", "99999999999999999999"]) expect(rowId(bad)).toBeNull();
    expect(isArticleId("0c30f1900352050f-3")).toBe(true);
    expect(isArticleId("0c30f1900352050f-0")).toBe(false);
    expect(isArticleId("../etc")).toBe(false);
  });
});

describe("source lines", () => {
  it("maps spans to the lines of the dump", () => {
    const { lines, truncated } = sourceLines("a\r\nb\nc\nd\n", [
      { seq: 1, spans: [{ start: 0, end: 3, line: 1, endLine: 2 }] },
      { seq: 2, spans: [{ start: 5, end: 6, line: 2, endLine: 3 }] },
    ]);
    expect(lines.map((l) => [l.number, l.text, l.articles])).toEqual([
      [1, "a", [1]],
      [2, "b", [1, 2]],
      [3, "c", [2]],
      [4, "d", []],
    ]);
    expect(truncated).toBe(false);
    expect(firstLine([{ start: 9, end: 10, line: 7, endLine: 7 }, { start: 1, end: 2, line: 3, endLine: 4 }])).toBe(3);
    expect(firstLine([])).toBeNull();
  });

  it("shows a page of a dump of several pages with its own lines only", () => {
    // pdftotext ends each page with a form feed, so a page opens on the line that holds one
    const raw = "一版头\n一版文\n\f二版头\n二版文\n\f三版头\n三版文\n\f";
    const second = sourceLines(raw, [{ seq: 1, spans: [{ start: 18, end: 21, line: 4, endLine: 4, page: 2 }] }]);
    expect(second.lines.map((l) => [l.number, l.text, l.articles])).toEqual([
      [3, "\f二版头", []],
      [4, "二版文", [1]],
    ]);
    expect(second.truncated).toBe(false);
    const last = sourceLines(raw, [{ seq: 1, spans: [{ start: 22, end: 26, line: 5, endLine: 6, page: 3 }] }]);
    expect(last.lines.map((l) => l.number)).toEqual([5, 6]);
    // without page numbers the spans point into a dump of one page: all of it
    expect(sourceLines(raw, [{ seq: 1, spans: [{ start: 18, end: 21, line: 4, endLine: 4 }] }]).lines).toHaveLength(7);
  });
});

describe("labels", () => {
  it("formats dates and page labels", () => {
    expect(formatDate("2022-05-08")).toBe("2022年5月8日");
    expect(formatDate(null)).toBe("日期不详");
    expect(pageLabel(3, "要闻")).toBe("第3版 要闻");
    expect(pageLabel(null, null)).toBe("版次不详");
  });

  it("explains upload problems in Chinese and keeps the original", () => {
    expect(describeUploadProblem("binary file (NUL bytes at offset 4)")).toBe("这是二进制文件，不是版面文本（binary file (NUL bytes at offset 4)）");
    expect(describeUploadProblem("not a PDF (no %PDF- header at its start)")).toMatch(/^文件名是 \.pdf，内容却不是 PDF（not a PDF/);
    expect(describeUploadProblem("a METS file's pages are in the ALTO files it lists: read it from its path, not from its bytes alone")).toMatch(/^METS 文件的版面在它列出的 ALTO 文件里/);
  });
});

describe("limits and headers", () => {
  it("checks uploads in the browser at the library's limit", () => {
    expect(MAX_UPLOAD_BYTES).toBe(MAX_PAGE_INPUT_BYTES);
  });

  it("allows scripts only with the nonce and nothing from other sites", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });
});
