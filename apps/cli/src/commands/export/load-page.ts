import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeInput, InputError, PageSchema, parseInput, type Page } from "@dubao/core";
import type { InputFormatOption } from "../parse/parse-file.js";
import { describeFsError } from "../../errors.js";
import { linkedFileReader } from "../../io/read-linked-file.js";
import type { InputKind } from "./find-export-inputs.js";

/** Where a page comes from: a file, or bytes already read (standard input). */
export type PageSource = { file: string } | { bytes: Uint8Array };

/**
 * The loaded pages (one, or one per page of a PDF, ALTO or hOCR file), or the one-line problem
 * of its input, or (`skipped`) JSON that does not claim to be a Page at all, when such files are
 * to be passed over.
 */
export type LoadResult = { ok: true; pages: Page[] } | { ok: false; problem: string } | { ok: "skipped" };

/** Longest stretch of a JSON parser's message kept in an error line. */
const MAX_MESSAGE_CHARS = 160;

/**
 * Reads one input and makes Pages of it: a page dump, PDF, ALTO or hOCR file, or a METS issue
 * (with the ALTO files it points to, beside it) is parsed (its format told from the content
 * unless `inputFormat` names it); Page JSON is checked against the
 * schema (Page JSON written by `dubao parse`). The caller has checked the size (see `MAX_INPUT_BYTES`).
 * @param source the file, or the bytes of standard input
 * @param kind what the input holds
 * @param sourceName the name recorded in `source.name` when parsing an input
 * @param skipOtherJson pass over JSON without a top-level `schemaVersion` instead of failing
 * @param inputFormat the format of an input to parse, or `auto`
 */
export async function loadPage(source: PageSource, kind: InputKind, sourceName: string, skipOtherJson = false, inputFormat: InputFormatOption = "auto"): Promise<LoadResult> {
  let bytes: Uint8Array;
  if ("bytes" in source) {
    bytes = source.bytes;
  } else {
    try {
      bytes = await readFile(source.file);
    } catch (error) {
      return { ok: false, problem: describeFsError(error) };
    }
  }
  if (kind === "page-json") {
    const decoded = decodeInput(bytes);
    if (!decoded.ok) return { ok: false, problem: decoded.problem };
    const loaded = pageFromJson(decoded.text, skipOtherJson);
    return loaded.ok === true ? { ok: true, pages: [loaded.page] } : loaded;
  }
  try {
    const readLinkedFile = "file" in source ? linkedFileReader(source.file) : undefined;
    return { ok: true, pages: await parseInput(bytes, { sourceName: path.basename(sourceName), inputFormat, readLinkedFile }) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, problem: error.problem };
    // the parsers promise never to throw on any input; if they do, that is a bug in dubao, not in the file.
    return { ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Checks Page JSON against the schema.
 * @returns the page, or a problem naming the first failing path, e.g.
 *   `not a valid Page: articles[2].headline: Invalid input: expected string, received number`
 */
export function pageFromJson(text: string, skipOtherJson = false): { ok: true; page: Page } | { ok: false; problem: string } | { ok: "skipped" } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
    return { ok: false, problem: `not valid JSON (${message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message})` };
  }
  if (skipOtherJson && (typeof value !== "object" || value === null || !("schemaVersion" in value))) return { ok: "skipped" };
  const parsed = PageSchema.safeParse(value);
  if (parsed.success) return { ok: true, page: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  const where = first && first.path.length > 0 ? formatPath(first.path) : "(the top level)";
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return { ok: false, problem: `not a valid Page: ${where}: ${first?.message ?? "invalid"}${more}` };
}

/** `["articles", 2, "headline"]` → `articles[2].headline`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
