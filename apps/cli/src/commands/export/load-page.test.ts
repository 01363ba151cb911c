import path from "node:path";
import { describe, expect, it } from "vitest";
import { commonFolder, kindOf } from "./find-export-inputs.js";
import { formatPath, pageFromJson } from "./load-page.js";

describe("Page JSON inputs", () => {
  it("names the first failing path and how many more problems there are", () => {
    const r = pageFromJson(JSON.stringify({ schemaVersion: "1.0", id: 3 }));
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.problem).toMatch(/^not a valid Page: id: .*expected string.* \(and \d+ more problems\)$/);
  });

  it("says when the text is not JSON at all, on one line", () => {
    const r = pageFromJson('{"a":\n\n');
    expect(r.ok === false && r.problem).toMatch(/^not valid JSON \([^\n]+\)$/);
  });

  it("passes over JSON without schemaVersion only when asked to", () => {
    expect(pageFromJson('{"articles": []}', true)).toEqual({ ok: "skipped" });
    expect(pageFromJson('{"articles": []}', false).ok).toBe(false);
    expect(pageFromJson('{"schemaVersion": "9.9"}', true).ok).toBe(false);
  });

  it("writes paths as a reader would", () => {
    expect(formatPath(["articles", 2, "byline", "reporters", 0])).toBe("articles[2].byline.reporters[0]");
  });
});

describe("inputs", () => {
  it("takes .json (any case) as Page JSON and everything else as a page dump", () => {
    expect(kindOf("a/b.JSON")).toBe("page-json");
    expect(kindOf("a/b.txt")).toBe("dump");
    expect(kindOf("a/b")).toBe("dump");
  });

  it("finds the deepest folder holding every input", () => {
    const p = (...parts: string[]) => path.join(path.sep, ...parts);
    expect(commonFolder([p("x", "a", "b"), p("x", "a", "c"), p("x", "a")])).toBe(p("x", "a"));
    expect(commonFolder([p("x", "ab"), p("x", "a")])).toBe(p("x"));
    expect(commonFolder([p("x"), p("y")])).toBe(path.sep);
  });
});
