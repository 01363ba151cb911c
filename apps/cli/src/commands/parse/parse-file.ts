import { readFileSync, statSync } from "node:fs";
import path from "node:path";
// the zod-free entry: a parse thread needs no schemas
import { InputError, parseInputPages, type InputFormat, type Page } from "@dubao/core/parse";
import { describeFsError } from "../../errors.js";
import { linkedFileReader } from "../../io/read-linked-file.js";
import { STDIN_INPUT } from "./find-inputs.js";
import { writeFileAtomicSync } from "../../io/write-file-atomic.js";

/** File descriptor of standard input. */
const STDIN_FD = 0;

/**
 * Largest input accepted. A page dump is tens of kilobytes; a file this big is a mistake
 * (an archive, a whole book) and would take the memory of the whole batch.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/**
 * Largest PDF accepted: a whole issue of a daily, pictures included, is tens to a few hundred
 * megabytes; pdf.js holds the file in memory (twice, with the copy it is given) while it reads it.
 */
export const MAX_PDF_BYTES = 512 * 1024 * 1024;

/** What `--input-format` accepts: a format, or `auto` to tell it from each file's content. */
export type InputFormatOption = "auto" | InputFormat;

/** One input to parse: sent to a worker thread, so plain data only. */
export interface ParseTask {
  id: number;
  /** The input's path. */
  file: string;
  /** Recorded as `source.name`. */
  sourceName: string;
  /**
   * Where to write the Page JSON, or `null` to return it (for standard output). A PDF of several
   * pages is written next to it as `<name>-p1.json`, `<name>-p2.json`… (see {@link pageFileOf}).
   */
  outFile: string | null;
  /** The input's format, or `auto`. */
  inputFormat: InputFormatOption;
}

/**
 * What became of a {@link ParseTask}: written (`files` output files; or the JSON, for stdout),
 * or a one-line problem (`files` written before it happened).
 */
export type ParseResult = ({ id: number; ok: true; json: string | null; files: number } | { id: number; ok: false; problem: string; files?: number }) & {
  /** Bytes of the input read (0 when it could not be read): the batch's progress counts them. */
  bytes?: number;
};

/**
 * The file of page `n` of an input with several pages: `<out without .json>-p<n>.json`.
 * @example pageFileOf("out/issue.json", 2) === "out/issue-p2.json"
 */
export function pageFileOf(outFile: string, n: number): string {
  const { dir, name } = path.parse(outFile);
  return path.join(dir, `${name}-p${n}.json`);
}

const toJson = (page: Page) => `${JSON.stringify(page, null, 2)}\n`;

/**
 * Reads, parses and writes one input (a text dump, a PDF, ALTO, hOCR, or a METS issue with the
 * ALTO files it lists beside it): the work of a worker thread, or of the main thread with
 * `--parallel 1`. A one-page input is written to `outFile`; one of several pages (a PDF, a METS
 * issue) to one file per page, each written as soon as it is parsed (so a whole issue is never
 * held in memory). Never throws.
 */
export async function parseFile(task: ParseTask): Promise<ParseResult> {
  const read = readInput(task);
  if (!(read instanceof Uint8Array)) return read;
  return { ...(await parseBytes(task, read)), bytes: read.length };
}

/** The bytes of the task's input, or the problem that kept it from being read. */
function readInput(task: ParseTask): Uint8Array | ParseResult {
  const { id } = task;
  const limit = task.inputFormat === "pdf" || /\.pdf$/i.test(task.file) ? MAX_PDF_BYTES : MAX_INPUT_BYTES;
  const tooLarge = (size: number) => `${task.file === STDIN_INPUT ? "input" : "file"} too large (${(size / 2 ** 20).toFixed(1)} MiB; an input may have at most ${limit / 2 ** 20} MiB)`;
  try {
    // standard input has no size to ask beforehand: it is read whole, then measured
    const size = task.file === STDIN_INPUT ? 0 : statSync(task.file).size;
    if (size > limit) return { id, ok: false, problem: tooLarge(size) };
    const bytes = readFileSync(task.file === STDIN_INPUT ? STDIN_FD : task.file);
    if (bytes.length > limit) return { id, ok: false, problem: tooLarge(bytes.length) };
    return bytes;
  } catch (error) {
    return { id, ok: false, problem: describeFsError(error) };
  }
}

/** Parses the input's bytes and writes its pages (see {@link parseFile}). */
async function parseBytes(task: ParseTask, bytes: Uint8Array): Promise<ParseResult> {
  const { id } = task;
  let files = 0;
  try {
    // the first page waits until the second shows whether the input has more than one
    let held: Page | null = null;
    let n = 0;
    const write = (page: Page, file: string) => {
      try {
        writeFileAtomicSync(file, toJson(page));
      } catch (error) {
        throw new WriteError(`cannot write ${file}: ${describeFsError(error)}`);
      }
      files++;
    };
    for await (const page of parseInputPages(bytes, { sourceName: task.sourceName, inputFormat: task.inputFormat, readLinkedFile: linkedFileReader(task.file) })) {
      n++;
      if (n === 1) {
        held = page;
        continue;
      }
      if (task.outFile === null) {
        return { id, ok: false, problem: "has more than one page: give --out DIR to write one JSON file per page (NAME-p1.json, NAME-p2.json…)" };
      }
      if (held !== null) {
        write(held, pageFileOf(task.outFile, 1));
        held = null;
      }
      write(page, pageFileOf(task.outFile, n));
    }
    if (held === null) return n === 0 ? { id, ok: false, problem: "no pages in this input" } : { id, ok: true, json: null, files };
    if (task.outFile === null) return { id, ok: true, json: toJson(held), files: 0 };
    write(held, task.outFile);
    return { id, ok: true, json: null, files };
  } catch (error) {
    if (error instanceof InputError) return { id, ok: false, problem: error.problem, files };
    if (error instanceof WriteError) return { id, ok: false, problem: error.message, files };
    // the parsers promise never to throw on any input; if they do, that is a bug in dubao, not in the file.
    return { id, ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}`, files };
  }
}

/** A Page that could not be written (the message names the file). */
class WriteError extends Error {
  override name = "WriteError";
}
