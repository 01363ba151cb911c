import { createHash } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { decodeInput, detectInputFormat, InputError, PageSchema, parseInputPages, parseText, parseTextPages, type InputFormat, type Page, type ParseOptions } from "@dubao/core";

/**
 * Largest input accepted for one page. A page dump is tens of kilobytes and its Page JSON a few
 * hundred; 20 MiB leaves room for huge pages while refusing archives and whole books.
 */
export const MAX_PAGE_INPUT_BYTES = 20 * 1024 * 1024;
/**
 * Largest PDF accepted: a whole issue of a daily, pictures included, is tens to a few hundred
 * megabytes (as `dubao parse` accepts); pdf.js holds it in memory while reading it.
 */
export const MAX_PDF_INPUT_BYTES = 512 * 1024 * 1024;

/** A page ready to import, or why the input cannot be one. */
export type LoadedPage =
  | {
      ok: true;
      page: Page;
      /**
       * The decoded dump the page's spans point into; `null` when only Page JSON was given, and
       * for PDF, ALTO, hOCR and METS inputs (their spans point to boxes on the page and into
       * markup, not into text to read beside it).
       */
      raw: string | null;
    }
  | { ok: false; problem: string };

/** Options of {@link loadPageInput} and {@link readPageFile}. */
export interface LoadOptions {
  /** Refuse inputs larger than this many bytes (default {@link MAX_PAGE_INPUT_BYTES}). */
  maxBytes?: number;
}

/** Options of {@link loadPageInputs} and {@link readPageInputs}. */
export interface LoadInputsOptions extends LoadOptions {
  /** The input's format, or `auto` (the default): Page JSON by a `.json` name, the others from the content. */
  inputFormat?: "auto" | InputFormat;
  /** Refuse PDFs larger than this many bytes (default {@link MAX_PDF_INPUT_BYTES}). */
  maxPdfBytes?: number;
  /**
   * Reads the files a METS input points to, by their path relative to it (see `parseInput` of
   * `@dubao/core`). {@link readPageInputs} reads them beside the METS file by default; without
   * it, {@link loadPageInputs} refuses METS input.
   */
  readLinkedFile?: (relativePath: string) => Promise<Uint8Array>;
}

/**
 * Turns the bytes of an input into pages, one at a time: Page JSON (a `.json` name) is
 * validated; a text dump (UTF-8, UTF-16 with BOM, GB18030; pages split at form feeds), a PDF,
 * ALTO, hOCR or METS input (told from the content, or named by `inputFormat`) into one page per page.
 * Never throws: a problem is yielded as one `{ ok: false, problem }` (one line), and ends the
 * input. Pages of one input share its source hash; each is stored under its own key (see
 * `pageSourceKey`), so importing them one transaction each is idempotent.
 * @param bytes the whole input
 * @param name its file name (recorded as the source name)
 */
export async function* loadPageInputs(bytes: Uint8Array, name: string, options: LoadInputsOptions = {}): AsyncGenerator<LoadedPage> {
  const requested = options.inputFormat ?? "auto";
  if (requested === "auto" && isJsonName(name)) {
    yield loadPageInput(bytes, name, options);
    return;
  }
  const format = requested === "auto" ? detectInputFormat(bytes) : requested;
  const maxBytes = format === "pdf" ? (options.maxPdfBytes ?? MAX_PDF_INPUT_BYTES) : (options.maxBytes ?? MAX_PAGE_INPUT_BYTES);
  if (bytes.length > maxBytes) {
    yield { ok: false, problem: tooLarge(bytes.length, maxBytes, format === "pdf" ? "a PDF" : "one page") };
    return;
  }
  if (format === "text") {
    // one page per page of the dump: pdftotext ends each with a form feed
    yield* loadTextDump(bytes, name, parseTextPages);
    return;
  }
  try {
    for await (const page of parseInputPages(bytes, { sourceName: path.basename(name), inputFormat: format, readLinkedFile: options.readLinkedFile })) {
      yield { ok: true, page, raw: null };
    }
  } catch (error) {
    if (error instanceof InputError) yield { ok: false, problem: error.problem };
    // the parsers promise never to throw on any input: if they do, that is a bug in dubao, not in the input.
    else yield { ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Reads one input file as {@link loadPageInputs} does: Page JSON as {@link readPageFile} does
 * (with its dump, when it lies beside it), any other input parsed into its pages; a METS
 * issue's ALTO files are read beside it.
 * @param file path of a page dump, Page JSON, PDF, ALTO, hOCR or METS file
 */
export async function* readPageInputs(file: string, options: LoadInputsOptions = {}): AsyncGenerator<LoadedPage> {
  const requested = options.inputFormat ?? "auto";
  if (requested === "auto" && isJsonName(file)) {
    yield await readPageFile(file, options);
    return;
  }
  const maxBytes = options.maxBytes ?? MAX_PAGE_INPUT_BYTES;
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    // a big file may be a PDF issue, which has a limit of its own
    const isPdf = requested === "pdf" || (requested === "auto" && size > maxBytes && detectInputFormat(await readHead(file)) === "pdf");
    const limit = isPdf ? (options.maxPdfBytes ?? MAX_PDF_INPUT_BYTES) : maxBytes;
    if (size > limit) {
      yield { ok: false, problem: tooLarge(size, limit, isPdf ? "a PDF" : "one page") };
      return;
    }
    bytes = await readFile(file);
  } catch (error) {
    yield { ok: false, problem: describeReadError(error) };
    return;
  }
  yield* loadPageInputs(bytes, file, { ...options, readLinkedFile: options.readLinkedFile ?? linkedFileReader(file, maxBytes) });
}

/** Bytes enough to tell a PDF by its header (it may start up to 1 KiB in). */
const HEAD_BYTES = 2048;

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads the files a METS file points to, beside it (core has checked the paths stay in its directory). */
function linkedFileReader(file: string, maxBytes: number): (relativePath: string) => Promise<Uint8Array> {
  const dir = path.dirname(file);
  return async (relativePath) => {
    const target = path.join(dir, ...relativePath.split("/"));
    let size: number;
    try {
      size = (await stat(target)).size;
    } catch (error) {
      throw new Error(describeReadError(error));
    }
    if (size > maxBytes) throw new Error(tooLarge(size, maxBytes));
    try {
      return await readFile(target);
    } catch (error) {
      throw new Error(describeReadError(error));
    }
  };
}

/**
 * Turns the bytes of an input into a page: Page JSON (a `.json` name) is validated, anything
 * else is decoded as a text dump (UTF-8, UTF-16 with BOM, GB18030) and parsed as one page. For a
 * dump of several pages (form feeds between them), PDF, ALTO, hOCR and METS inputs, use
 * {@link loadPageInputs}.
 * Never throws: every problem comes back as a one-line `problem`.
 * @param bytes the whole input
 * @param name its file name (recorded as the source name of a parsed dump)
 */
export function loadPageInput(bytes: Uint8Array, name: string, options: LoadOptions = {}): LoadedPage {
  const maxBytes = options.maxBytes ?? MAX_PAGE_INPUT_BYTES;
  if (bytes.length > maxBytes) return { ok: false, problem: tooLarge(bytes.length, maxBytes) };
  if (isJsonName(name)) return loadPageJson(bytes);
  return loadTextDump(bytes, name, onePage)[0]!;
}

/**
 * A text dump decoded and parsed by `parse`, each page with the dump's text, which their spans
 * point into; or the one problem that stopped it.
 */
function loadTextDump(bytes: Uint8Array, name: string, parse: (text: string, options: ParseOptions) => Page[]): LoadedPage[] {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return [{ ok: false, problem: decoded.problem }];
  if (decoded.text.trim() === "") return [{ ok: false, problem: "empty page dump (no text)" }];
  try {
    return parse(decoded.text, { sourceName: path.basename(name), encoding: decoded.encoding }).map((page) => ({ ok: true, page, raw: decoded.text }));
  } catch (error) {
    // the parser promises never to throw: if it does, that is a bug in dubao, not in the input.
    return [{ ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

/** The dump as one page, as {@link loadPageInput} takes it. */
const onePage = (text: string, options: ParseOptions): Page[] => [parseText(text, options)];

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

function tooLarge(size: number, maxBytes: number, what = "one page"): string {
  const mib = (n: number) => (n / 2 ** 20).toFixed(1);
  return `file too large (${mib(size)} MiB; ${what} may have at most ${mib(maxBytes)} MiB)`;
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
