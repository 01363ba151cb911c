import { realpathSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { describeFsError, EXIT_FAILURE, EXIT_OK, UsageError } from "../../errors.js";
import { writeToStream } from "../../io/write-stream.js";
import type { CliIo } from "../../main.js";
import { formatDuration, Progress } from "../../io/progress.js";
import { createWorkerPool, parallelOption } from "../../worker-pool.js";
import { findInputs, outputNameOf, STDIN_INPUT, STDIN_NAME } from "./find-inputs.js";
import { extensionsOf, parseInputFormatOption, walkFilterOf } from "./input-format.js";
import { parseFile, type ParseResult, type ParseTask } from "./parse-file.js";

export { MAX_INPUT_BYTES } from "./parse-file.js";

/** What `dubao parse` was asked to do. */
export interface ParseRequest {
  /** Files and directories, as given. */
  inputs: readonly string[];
  /** Directory for `<name>.json` files; without it, the one input's JSON goes to stdout. */
  outDir: string | undefined;
  /** No summary line on stderr. */
  quiet: boolean;
  /** `--parallel N` as given: worker threads parsing files; default {@link defaultParallel}. */
  parallel?: string | undefined;
  /** `--input-format` as given: `auto` (default), `text`, `pdf`, `alto`, `hocr` or `mets`. */
  inputFormat?: string | undefined;
}

/**
 * Most threads used by default. Each thread beyond the first adds about 30 MB at peak (measured
 * over 1,000 pages: 108 MB with one thread, 135–145 MB with two); four keep a batch well within
 * the 300 MB memory budget of issue #2 on any machine, and `--parallel N` may ask for more.
 */
export const MAX_DEFAULT_PARALLEL = 4;
/**
 * Files queued on one worker thread at most: enough to keep it busy while the main thread parses
 * a file of its own, few enough that memory stays flat (a task in flight is only a path; each
 * thread holds one page at a time).
 */
const QUEUED_PER_WORKER = 4;
/**
 * Outcomes waiting to be reported in input order, at most. The outcome of a file written is a
 * few numbers, so this bounds memory while the main thread parses on past a file that a worker
 * thread still holds: one that is slow, or one sent while the worker was starting (a worker
 * takes about a quarter of a second to start, in which the main thread parses dozens of pages).
 */
const MAX_PENDING_OUTCOMES = 256;

/** The script of the worker threads, built next to the CLI's chunks (see tsup.config.ts). */
const WORKER_URL = new URL("./parse-worker.js", import.meta.url);

/** Worker threads by default: the machine's cores, at most {@link MAX_DEFAULT_PARALLEL}. */
export function defaultParallel(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_PARALLEL, availableParallelism()));
}

/**
 * An input's outcome: the output files written (0 for stdout), its one-line problem if it failed,
 * and the bytes read from it.
 */
type Outcome = Promise<{ files: number; problem: string | null; bytes: number }>;

/**
 * Parses each input: read, decode, parse, write. With `--parallel 1` on the main thread, one
 * file after the other; with more, on worker threads, a bounded number of files ahead, so memory
 * stays flat whatever the batch size. Outcomes are reported in input order either way, and the
 * files written are the same bytes. A failing input is reported as `dubao: FILE: problem` on
 * stderr and the others still run.
 * @returns the exit code: 0 when every input was written, 1 when any failed
 */
export async function runParse(request: ParseRequest, io: CliIo): Promise<number> {
  const { inputs, outDir } = request;
  const parallel = parallelOption(request.parallel, defaultParallel());
  const inputFormat = parseInputFormatOption(request.inputFormat);
  if (outDir !== undefined && outDir.trim() === "") throw new UsageError("--out needs a directory");
  if (inputs.filter((input) => input === STDIN_INPUT).length > 1) throw new UsageError("standard input (-) can be read once");
  if (outDir === undefined && inputs.length > 1) {
    throw new UsageError(`${inputs.length} inputs need --out DIR (without it, one file's JSON goes to stdout)`);
  }
  if (outDir === undefined && inputs.length === 1 && (await isDirectory(inputs[0]!))) {
    throw new UsageError(`${inputs[0]} is a directory: use --out DIR to parse the files in it`);
  }

  // the inputs are found as the batch runs (memory stays flat): a count and a speed, no bar
  const progress = new Progress({ stream: io.stderr, quiet: request.quiet || outDir === undefined, totalFiles: undefined, totalBytes: undefined });
  const report = (file: string, problem: string): void => {
    progress.message(`dubao: ${file}: ${problem}`);
  };
  if (outDir !== undefined) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      report(outDir, `cannot create the output directory: ${describeFsError(error)}`);
      return EXIT_FAILURE;
    }
  }

  // The main thread parses too, beside N-1 worker threads: one thread fewer to start, compile the
  // parser in and hold memory for. The workers start once a second input is found, so one file
  // runs on the main thread alone. Standard output takes one file: no threads.
  const threaded = outDir !== undefined && parallel > 1;
  const pool = lazily(() => createWorkerPool<ParseTask, ParseResult>(WORKER_URL, parallel - 1, (id, problem) => ({ id, ok: false, problem })));
  let nextId = 0;
  const parse = async (file: string, outFile: string | null): Outcome => {
    const stdin = file === STDIN_INPUT;
    const task: ParseTask = { id: nextId++, file, sourceName: stdin ? STDIN_NAME : path.basename(file), outFile, inputFormat };
    // standard input is the process's: read on the main thread
    const result = task.id > 0 && threaded && !stdin && workerHasRoom(pool.get()) ? await pool.get().run(task) : await parseFile(task);
    const bytes = result.bytes ?? 0;
    if (!result.ok) return { files: result.files ?? 0, problem: result.problem, bytes };
    if (result.json === null) return { files: result.files, problem: null, bytes };
    try {
      await writeToStream(io.stdout, result.json);
      return { files: 0, problem: null, bytes };
    } catch (error) {
      return { files: 0, problem: `cannot write to stdout: ${describeFsError(error)}`, bytes };
    }
  };

  let written = 0;
  let failed = 0;
  let bytesRead = 0;
  const pending: { file: string; outcome: Outcome }[] = [];
  const settle = async (): Promise<void> => {
    const { file, outcome } = pending.shift()!;
    const { files, problem, bytes } = await outcome;
    written += files;
    bytesRead += bytes;
    progress.advance(bytes);
    if (problem !== null) {
      report(file, problem);
      failed++;
    }
  };
  const window = threaded ? MAX_PENDING_OUTCOMES : 1;

  const seen = new Set<string>(); // real paths already parsed: an input given twice is parsed once
  const writerOf = new Map<string, Promise<string | null>>(); // output name -> the input that wrote it, once known
  try {
    for await (const { item, last } of withLookahead(findInputs(inputs, extensionsOf(inputFormat), walkFilterOf(inputFormat)))) {
      // another input follows: the worker threads start now, while the main thread parses this one
      if (threaded && !last) pool.get();
      if (item.kind === "problem") {
        pending.push({ file: item.path, outcome: Promise.resolve({ files: 0, problem: item.problem, bytes: 0 }) });
      } else {
        const file = item.file.path;
        // before the main thread takes a file, the workers' answers so far are counted (see workerHasRoom)
        if (threaded && nextId > 0 && !workerHasRoom(pool.get())) await nextTurn();
        const real = realPathOf(file);
        if (seen.has(real)) continue;
        seen.add(real);
        const outName = outputNameOf(file);
        const outFile = outDir === undefined ? null : path.join(outDir, outName);
        const earlier = outDir === undefined ? undefined : writerOf.get(outName);
        // A file whose output name is taken waits for the earlier files: if one of them wrote it, it is skipped.
        const outcome: Outcome =
          earlier === undefined
            ? parse(file, outFile)
            : earlier.then((writer) => (writer !== null ? { files: 0, problem: `skipped: its output ${outName} is already written for ${writer}`, bytes: 0 } : parse(file, outFile)));
        const writtenHere = outcome.then(({ problem }) => (problem === null ? file : null));
        writerOf.set(outName, earlier === undefined ? writtenHere : earlier.then((writer) => writer ?? writtenHere));
        pending.push({ file, outcome });
      }
      while (pending.length >= window) await settle();
    }
    while (pending.length > 0) await settle();
  } finally {
    await pool.made()?.close();
    progress.finish();
  }

  if (outDir !== undefined && !request.quiet) {
    const files = (n: number) => `${n.toLocaleString("en-US")} file${n === 1 ? "" : "s"}`;
    const seconds = progress.elapsedMs() / 1000;
    const took = `${(bytesRead / 1e6).toFixed(1)} MB in ${seconds < 60 ? `${seconds.toFixed(1)} s` : formatDuration(seconds)}`;
    io.stderr.write(`dubao: wrote ${files(written)} to ${outDir}${failed > 0 ? `; ${failed} failed` : ""} (${took})\n`);
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/**
 * Whether a file goes to a worker thread rather than the main thread: when a worker has fewer
 * than {@link QUEUED_PER_WORKER} files queued. Files are handed out as threads can take them, not
 * in turns, so a thread that is slower (the main thread also walks the inputs and reports; a
 * worker first has to start) takes fewer files instead of holding up the others.
 */
function workerHasRoom(pool: { leastPending(): number }): boolean {
  return pool.leastPending() < QUEUED_PER_WORKER;
}

/** Resolves after one turn of the event loop: messages from worker threads are handled in it. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The items of `source`, each with whether it is the last: the next item is read before one is
 * handed out.
 */
async function* withLookahead<T>(source: AsyncIterable<T>): AsyncGenerator<{ item: T; last: boolean }> {
  const items = source[Symbol.asyncIterator]();
  let current = await items.next();
  while (current.done !== true) {
    const next = await items.next();
    yield { item: current.value, last: next.done === true };
    current = next;
  }
}

/** A value made on first use: `get` makes it, `made` tells whether it was (and gives it). */
function lazily<T>(make: () => T): { get: () => T; made: () => T | undefined } {
  let value: T | undefined;
  return { get: () => (value ??= make()), made: () => value };
}

/** The file's real path (links resolved), to notice a file named twice; its absolute path if that fails. */
function realPathOf(file: string): string {
  if (file === STDIN_INPUT) return file;
  try {
    // synchronous: one quick system call, where waiting for the thread pool would leave the parse thread idle
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}
