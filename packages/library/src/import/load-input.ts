import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { decodeInput, PageSchema, parseText, type Page } from "@dubao/core";

/**
 * Largest input accepted for one page. A page dump is tens of kilobytes and its Page JSON a few
 * hundred; 20 MiB leaves room for huge pages while refusing archives and whole books.
 */
export const MAX_PAGE_INPUT_BYTES = 20 * 1024 * 1024;

/** A page ready to import, or why the input cannot be one. */
export type LoadedPage =
  | {
      ok: true;
      page: Page;
      /** The decoded dump the page's spans point into; `null` when only Page JSON was given. */
      raw: string | null;
    }
  | { ok: false; problem: string };

/** Options of {@link loadPageInput} and {@link readPageFile}. */
export interface LoadOptions {
  /** Refuse inputs larger than this many bytes (default {@link MAX_PAGE_INPUT_BYTES}). */
  maxBytes?: number;
}

/**
 * Turns the bytes of an input into a page: Page JSON (a `.json` name) is validated, anything
 * else is decoded as a text dump (UTF-8, UTF-16 with BOM, GB18030) and parsed.
 * Never throws: every problem comes back as a one-line `problem`.
 * @param bytes the whole input
 * @param name its file name (recorded as the source name of a parsed dump)
 */
export function loadPageInput(bytes: Uint8Array, name: string, options: LoadOptions = {}): LoadedPage {
  const maxBytes = options.maxBytes ?? MAX_PAGE_INPUT_BYTES;
  if (bytes.length > maxBytes) return { ok: false, problem: tooLarge(bytes.length, maxBytes) };
  if (isJsonName(name)) return loadPageJson(bytes);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  if (decoded.text.trim() === "") return { ok: false, problem: "empty page dump (no text)" };
  try {
    const page = parseText(decoded.text, { sourceName: path.basename(name), encoding: decoded.encoding });
    return { ok: true, page, raw: decoded.text };
  } catch (error) {
    // parseText promises never to throw: if it does, that is a bug in dubao, not in the input.
    return { ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Reads one input file as {@link loadPageInput} does. For Page JSON whose dump lies beside it
 * (the file named by `source.name`, with the same SHA-256), the dump is read too, so the reader
 * can show the page's source lines.
 * @param file path of a page dump or Page JSON
 */
export async function readPageFile(file: string, options: LoadOptions = {}): Promise<LoadedPage> {
  const maxBytes = options.maxBytes ?? MAX_PAGE_INPUT_BYTES;
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) return { ok: false, problem: tooLarge(size, maxBytes) };
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, problem: describeReadError(error) };
  }
  const loaded = loadPageInput(bytes, file, options);
  if (!loaded.ok || loaded.raw !== null || loaded.page.source.format !== "text") return loaded;
  const sibling = path.join(path.dirname(file), path.basename(loaded.page.source.name));
  if (path.resolve(sibling) === path.resolve(file)) return loaded;
  try {
    const dump = decodeInput(await readFile(sibling));
    if (dump.ok && sha256(dump.text) === loaded.page.source.sha256) return { ...loaded, raw: dump.text };
  } catch {
    // No readable dump beside the JSON: the page is imported without its source text.
  }
  return loaded;
}

function loadPageJson(bytes: Uint8Array): LoadedPage {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "Page JSON is not valid UTF-8" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = PageSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { ok: false, problem: `not a dubao Page JSON (${where}${issue?.message ?? "invalid"})` };
  }
  return { ok: true, page: result.data, raw: null };
}

function isJsonName(name: string): boolean {
  return path.extname(name).toLowerCase() === ".json";
}

function tooLarge(size: number, maxBytes: number): string {
  const mib = (n: number) => (n / 2 ** 20).toFixed(1);
  return `file too large (${mib(size)} MiB; one page may have at most ${mib(maxBytes)} MiB)`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const FS_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error",
};

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_PROBLEMS[code]) return FS_PROBLEMS[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}
