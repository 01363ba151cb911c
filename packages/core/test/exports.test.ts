import { describe, expect, it } from "vitest";

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
];

describe("@dubao/core public exports", () => {
  it("are exactly the published list", async () => {
    const keys = Object.keys(await import("../src/index.js")).sort();
    expect(keys).toEqual(PUBLIC_EXPORTS);
  });
});
