import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readAlto } from "../../src/layout/alto.js";
import { parseLayout } from "../../src/parse-layout.js";

describe("layout stories", () => {
  it("finishes on a page whose overlapping blocks are each other's left neighbours (a random page that once looped)", () => {
    // found by the properties test: vertical glyph runs beside overlapping text blocks
    const xml = readFileSync(new URL("./fixtures/overlapping-vertical.alto.xml", import.meta.url), "utf8");
    const [page] = parseLayout(readAlto(xml, "overlapping-vertical.alto.xml"), { sourceName: "overlapping-vertical.alto.xml", sha256: "0".repeat(64), format: "alto" });
    expect(page!.diagnostics.filter((d) => d.code === "parser-error")).toEqual([]);
  });
});
