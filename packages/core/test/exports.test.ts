import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist");

/** Packages a built ESM file imports, following its relative imports (the shared chunks). */
function packagesImportedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const [, specifier] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"']*?["']([^"']+)["']/gu)) {
    if (specifier!.startsWith(".")) for (const p of packagesImportedBy(path.join(path.dirname(file), specifier!), seen)) packages.add(p);
    else packages.add(specifier!);
  }
  return packages;
}

/**
 * The runtime exports of @dubao/core are its public API: adding one is a minor release, removing
 * or renaming one a major release. Changing this list means writing a changeset that says so.
 */
const PUBLIC_EXPORTS = [
  "ARTICLE_KINDS",
  "ArticleKindSchema",
  "ArticleSchema",
  "BylineSchema",
  "DiagnosticSchema",
  "INPUT_FORMATS",
  "InputError",
  "JumpSchema",
  "MAX_CONTROL_CHAR_SHARE",
  "PAGE_SCHEMA_ID",
  "PARAGRAPH_ROLES",
  "PageInfoSchema",
  "PageSchema",
  "ParagraphRoleSchema",
  "ParagraphSchema",
  "SCHEMA_VERSION",
  "SEVERITIES",
  "SOURCE_FORMATS",
  "SourceSchema",
  "SpanSchema",
  "UnassignedBlockSchema",
  "decodeInput",
  "detectInputFormat",
  "pageJsonSchema",
  "parseInput",
  "parseInputPages",
  "parseText",
  "parseTextPages",
  "splitTextPages",
];

/** `@dubao/core/parse`: the parsers without the zod schemas; every one of them is in the main entry too. */
const PARSE_EXPORTS = [
  "INPUT_FORMATS",
  "InputError",
  "MAX_CONTROL_CHAR_SHARE",
  "SCHEMA_VERSION",
  "decodeInput",
  "detectInputFormat",
  "parseInput",
  "parseInputPages",
  "parseText",
  "parseTextPages",
  "splitTextPages",
];

describe("@dubao/core public exports", () => {
  it("are exactly the published list", async () => {
    const keys = Object.keys(await import("../src/index.js")).sort();
    expect(keys).toEqual(PUBLIC_EXPORTS);
  });

  it("of @dubao/core/parse are the parsers, the same values as the main entry's", async () => {
    const parse: Record<string, unknown> = await import("../src/parse.js");
    const main: Record<string, unknown> = await import("../src/index.js");
    expect(Object.keys(parse).sort()).toEqual(PARSE_EXPORTS);
    for (const key of PARSE_EXPORTS) expect(parse[key]).toBe(main[key]);
  });

  it("of @dubao/core/parse load no zod, nor saxes or pdf.js until a layout file or PDF is read (built files)", () => {
    const imported = packagesImportedBy(path.join(DIST, "parse.js"));
    expect(imported.has("zod")).toBe(false);
    expect([...imported].filter((p) => p.startsWith("saxes") || p.startsWith("pdfjs-dist"))).toEqual([]);
    // the check itself finds the main entry's zod
    expect(packagesImportedBy(path.join(DIST, "index.js")).has("zod")).toBe(true);
  });
});
