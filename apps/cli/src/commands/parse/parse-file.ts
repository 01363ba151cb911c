import { readFileSync, statSync } from "node:fs";
import { decodeInput, parseText } from "@dubao/core";
import { describeFsError } from "../../errors.js";
import { writeFileAtomicSync } from "../../io/write-file-atomic.js";

/**
 * Largest input accepted. A page dump is tens of kilobytes; a file this big is a mistake
 * (an archive, a whole book) and would take the memory of the whole batch.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** One input to parse: sent to a worker thread, so plain data only. */
export interface ParseTask {
  id: number;
  /** The input's path. */
  file: string;
  /** Recorded as `source.name`. */
  sourceName: string;
  /** Where to write the Page JSON, or `null` to return it (for standard output). */
  outFile: string | null;
}

/** What became of a {@link ParseTask}: written (or the JSON, for stdout), or a one-line problem. */
export type ParseResult = { id: number; ok: true; json: string | null } | { id: number; ok: false; problem: string };

/**
 * Reads, decodes, parses and writes one input: the work of a worker thread, or of the main
 * thread with `--parallel 1`. Synchronous file access: the thread does one file at a time, and
 * handing each read and write to the thread pool would only leave it waiting. Never throws.
 */
export function parseFile(task: ParseTask): ParseResult {
  const { id } = task;
  let bytes: Uint8Array;
  try {
    const size = statSync(task.file).size;
    if (size > MAX_INPUT_BYTES) {
      return { id, ok: false, problem: `file too large (${(size / 2 ** 20).toFixed(1)} MiB; one page dump may have at most ${MAX_INPUT_BYTES / 2 ** 20} MiB)` };
    }
    bytes = readFileSync(task.file);
  } catch (error) {
    return { id, ok: false, problem: describeFsError(error) };
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { id, ok: false, problem: decoded.problem };
  let json: string;
  try {
    const page = parseText(decoded.text, { sourceName: task.sourceName, encoding: decoded.encoding });
    json = `${JSON.stringify(page, null, 2)}\n`;
  } catch (error) {
    // parseText promises never to throw; if it does, that is a bug in dubao, not in the file.
    return { id, ok: false, problem: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (task.outFile === null) return { id, ok: true, json };
  try {
    writeFileAtomicSync(task.outFile, json);
  } catch (error) {
    return { id, ok: false, problem: `cannot write ${task.outFile}: ${describeFsError(error)}` };
  }
  return { id, ok: true, json: null };
}
