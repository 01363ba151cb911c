import { createHash } from "node:crypto";
import type { ParseOptions } from "./options.js";
import { SCHEMA_VERSION, type Page } from "./schema.js";

/**
 * Parses the text dump of one newspaper page into articles.
 * Never throws: what it cannot place goes to `unassigned`, with diagnostics.
 * @param input the decoded text of the dump
 * @param options source name and encoding to record
 * @returns a schema-valid {@link Page}
 */
export function parseText(input: string, options: ParseOptions = {}): Page {
  const sha256 = createHash("sha256").update(input, "utf8").digest("hex");
  return {
    schemaVersion: SCHEMA_VERSION,
    id: `page-${sha256.slice(0, 16)}`,
    source: { name: options.sourceName ?? "input.txt", format: "text", sha256, encoding: options.encoding ?? "utf-8" },
    page: {},
    articles: [],
    unassigned: input.trim() === "" ? [] : [{ text: input, reason: "not-yet-parsed", spans: [] }],
    diagnostics: [],
  };
}
