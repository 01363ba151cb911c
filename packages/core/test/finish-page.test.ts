import { describe, expect, it } from "vitest";
import { keepAfterInternalError } from "../src/finish-page.js";
import { parseText, type Page } from "../src/index.js";

describe("keepAfterInternalError", () => {
  it("drops half-made articles, keeps the given text and says what was thrown", () => {
    const page: Page = parseText("救助走失智障男子\n\n本报讯 民警终于找到走失的刘某柱。");
    expect(page.articles.length).toBeGreaterThan(0);
    keepAfterInternalError(page, [{ text: "whole input", reason: "parser-error", spans: [] }], new Error("boom"));
    expect(page.articles).toEqual([]);
    expect(page.unassigned).toEqual([{ text: "whole input", reason: "parser-error", spans: [] }]);
    expect(page.diagnostics.at(-1)).toEqual({ code: "parser-error", severity: "error", message: "internal parser error: boom", span: null });
  });
});
