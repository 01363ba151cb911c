import { availableParallelism } from "node:os";
import { stat } from "node:fs/promises";
import path from "node:path";
import {
  createCollectionWriter,
  EmptyEpubError,
  FORMAT_NAMES,
  formatInfo,
  type CollectionFormat,
  type CollectionWriter,
  type FormatInfo,
} from "@dubao/export";
import { describeFsError, EXIT_FAILURE, EXIT_OK, UsageError } from "../../errors.js";
import { writeToStream } from "../../io/write-stream.js";
import type { CliIo } from "../../main.js";
import { MAX_INPUT_BYTES, MAX_PDF_BYTES } from "../parse/parse-file.js";
import type { Converted, ConvertResult, ConvertTask } from "./convert-page.js";
import { createConverter } from "./converter-pool.js";
import { parallelOption } from "../../worker-pool.js";
import { findExportInputs, STDIN_NAME, type ExportInput } from "./find-export-inputs.js";
import { exists, OutputExistsError, StreamedOutputFile, streamSink, TempFiles, writeOutputFile } from "./output-files.js";
import { formatDuration, Progress } from "../../io/progress.js";
import { extensionsOf, parseInputFormatOption, walkFilterOf } from "../parse/input-format.js";

/** What `dubao export` was asked to do, as given on the command line. */
export interface ExportRequest {
  inputs: readonly string[];
  format: string | undefined;
  out: string | undefined;
  parallel: string | undefined;
  quiet: boolean;
  force: boolean;
  bom: boolean;
  /** `--input-format` as given: `auto` (default), `text`, `pdf`, `alto` or `hocr`. */
  inputFormat?: string | undefined;
}

/**
 * Pages handed out per worker thread ahead of the one being written: enough to keep every
 * thread busy while the main thread writes, few enough that waiting results stay a few pages.
 */
const IN_FLIGHT_PER_THREAD = 4;

/** A page to export, with where its output goes. */
interface Job {
  input: ExportInput;
  /** The file of a per-page format, when writing to a directory. */
  target: string | null;
}

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** Reads standard input to the end. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function checkFormat(request: ExportRequest): FormatInfo {
  if (request.format === undefined || request.format === "") {
    throw new UsageError(`--format is required (one of: ${FORMAT_NAMES.join(", ")})`);
  }
  const info = formatInfo(request.format);
  if (!info) throw new UsageError(`unknown format "${request.format}" (formats: ${FORMAT_NAMES.join(", ")}; see "dubao formats")`);
  if (request.bom && info.name !== "csv") throw new UsageError("--bom only applies to --format csv");
  if (request.out !== undefined && request.out.trim() === "") throw new UsageError("--out needs a path");
  return info;
}

/**
 * Exports pages: expands the inputs, converts every page (on worker threads with `--parallel`
 * above 1), and writes in input order, so the same inputs always give the same bytes. A failing
 * input is reported as `dubao: INPUT: problem` and the others are still written.
 * @returns 0 when every input was exported, 1 when any failed
 */
export async function runExport(request: ExportRequest, io: CliIo): Promise<number> {
  const format = checkFormat(request);
  const parallel = parallelOption(request.parallel, Math.max(1, availableParallelism()));
  const inputFormat = parseInputFormatOption(request.inputFormat);
  const { out, force } = request;
  const layout = format.layout;

  // Where the output goes, checked before any work.
  if (layout === "per-article" && out === undefined) throw new UsageError(`${format.name} writes one file per article: give --out DIR`);
  if (out !== undefined) {
    const info = await stat(out).catch(() => null);
    if (layout === "collection") {
      if (info?.isDirectory()) throw new UsageError(`--out ${out} is a directory: ${format.name} writes one file (e.g. --out ${path.join(out, `pages${format.extension}`)})`);
      if (info && !force) throw new UsageError(`${out} already exists (use --force to overwrite)`);
    } else if (info && !info.isDirectory()) {
      throw new UsageError(`--out ${out} is a file: ${format.name} writes one file per ${layout === "per-page" ? "page" : "article"} into a directory`);
    }
  } else if (layout === "collection" && format.binary && io.stdout.isTTY) {
    throw new UsageError(`${format.name} is binary: give --out FILE, or redirect standard output to a file`);
  }

  const found = await findExportInputs(request.inputs, extensionsOf(inputFormat), walkFilterOf(inputFormat));
  const stdinBytes = found.stdin ? await readStdin() : null;
  const inputs: ExportInput[] = [...found.inputs];
  if (stdinBytes) {
    const text = Buffer.from(stdinBytes.subarray(0, 64)).toString("utf8").replace(/^\uFEFF/, "");
    const kind = text.trimStart().startsWith("{") ? "page-json" : "dump";
    inputs.push({ display: STDIN_NAME, file: null, kind, walked: false, size: stdinBytes.length, outputStem: STDIN_NAME });
  }
  if (layout === "per-page" && out === undefined && inputs.length > 1) {
    throw new UsageError(`${inputs.length} pages need --out DIR (without it, one page's ${format.name} goes to standard output)`);
  }
  if (layout === "collection" && out !== undefined && inputs.some((i) => i.file === path.resolve(out))) {
    throw new UsageError(`--out ${out} is one of the inputs`);
  }

  const temps = new TempFiles();
  const onSignal = (signal: NodeJS.Signals) => {
    void temps.removeAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const progress = new Progress({ stream: io.stderr, quiet: request.quiet, totalFiles: inputs.length, totalBytes: inputs.reduce((n, i) => n + i.size, 0) });
  let failed = 0;
  const report = (who: string, problem: string) => {
    failed++;
    progress.message(`dubao: ${who}: ${problem}`);
  };
  for (const p of found.problems) report(p.display, p.problem);

  const jobs = await planJobs(inputs, format, out, force, report);
  progress.setTotals(jobs.length, jobs.reduce((n, j) => n + j.input.size, 0));
  let collection: { writer: CollectionWriter; file: StreamedOutputFile | null } | null = null;
  const converter = createConverter(Math.min(parallel, Math.max(1, jobs.length)));
  let written = 0;
  let articles = 0;
  let warnings = 0;
  let skipped = 0;
  try {
    if (layout === "collection") {
      let file: StreamedOutputFile | null = null;
      if (out !== undefined) {
        try {
          file = await StreamedOutputFile.open(out, temps);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          // mkdir says EEXIST when a file stands where a folder of the path should be.
          report(out, `cannot write: ${code === "EEXIST" ? "a file is in the way of its folder" : describeFsError(error)}`);
          return EXIT_FAILURE;
        }
      }
      const sink = file ?? streamSink(io.stdout);
      collection = { writer: createCollectionWriter(format.name as CollectionFormat, sink, { bom: request.bom }), file };
    }

    /** Set when the one output file cannot be written: nothing more is worth converting. */
    let fatal = false;

    const handle = async (job: Job, result: ConvertResult) => {
      if (result.ok === "skipped") {
        skipped++;
        return;
      }
      if (!result.ok) return report(job.input.display, result.problem);
      const { outputs } = result;
      const several = outputs.length > 1;
      if (several && job.target === null && layout === "per-page") {
        return report(job.input.display, `has ${outputs.length} pages: give --out DIR to write one ${format.name} file per page`);
      }
      let target = job.target ?? out ?? "standard output";
      let layoutOfFailure: Converted["layout"] = layout;
      try {
        for (const [i, output] of outputs.entries()) {
          layoutOfFailure = output.layout;
          // the pages of a PDF (or ALTO, hOCR) file of several pages: <stem>-p1, <stem>-p2…
          const stem = several ? `${job.input.outputStem}-p${i + 1}` : job.input.outputStem;
          if (output.layout === "collection") {
            await collection!.writer.addPart(output.part);
          } else if (output.layout === "per-page") {
            if (job.target === null) await writeToStream(io.stdout, output.text);
            else {
              target = several ? path.join(out!, `${stem}${format.extension}`) : job.target;
              await writeOutputFile(target, output.text, force, temps);
            }
          } else {
            for (const f of output.files) {
              target = path.join(out!, `${stem}.${f.suffix}${format.extension}`);
              await writeOutputFile(target, f.json, force, temps);
            }
          }
        }
      } catch (error) {
        if (error instanceof OutputExistsError) return report(job.input.display, error.message);
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === undefined) return report(job.input.display, error instanceof Error ? error.message : String(error));
        if (layoutOfFailure === "collection") {
          // A file-system error on the one output file spoils it: stop, and do not publish it.
          fatal = true;
          return report(target, `cannot write: ${describeFsError(error)}`);
        }
        return report(job.input.display, `cannot write ${target}: ${describeFsError(error)}`);
      }
      written++;
      articles += result.articles;
      warnings += result.warnings;
    };

    // Convert ahead (bounded), write in input order.
    const window = Math.max(2, parallel * IN_FLIGHT_PER_THREAD);
    const running: { job: Job; result: Promise<ConvertResult> }[] = [];
    let next = 0;
    const start = (job: Job) => {
      const task: ConvertTask = {
        id: next++,
        source: job.input.file === null ? { bytes: stdinBytes! } : { file: job.input.file },
        kind: job.input.kind,
        sourceName: job.input.file === null ? STDIN_NAME : path.basename(job.input.file),
        skipOtherJson: job.input.walked,
        format: format.name,
        inputFormat,
      };
      running.push({ job, result: converter.convert(task) });
    };
    for (const job of jobs) {
      if (fatal) break;
      start(job);
      if (running.length >= window) {
        const done = running.shift()!;
        await handle(done.job, await done.result);
        progress.advance(done.job.input.size);
      }
    }
    while (running.length > 0 && !fatal) {
      const done = running.shift()!;
      await handle(done.job, await done.result);
      progress.advance(done.job.input.size);
    }

    if (collection && fatal) {
      await collection.file?.abort();
    } else if (collection) {
      const target = out ?? "standard output";
      try {
        if (collection.file && written === 0) {
          await collection.file.abort();
          progress.message(`dubao: ${target}: not written, as no input was exported`);
        } else {
          await collection.writer.end();
          await collection.file?.commit(force);
        }
      } catch (error) {
        await collection.file?.abort();
        report(target, error instanceof EmptyEpubError ? `not written: ${error.message}` : error instanceof OutputExistsError ? error.message : `cannot write: ${describeFsError(error)}`);
      }
    }
  } finally {
    await converter.close();
    await collection?.file?.abort();
    await temps.removeAll();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    progress.finish();
  }

  if (!request.quiet) {
    const where = out === undefined ? "standard output" : out;
    const seconds = progress.elapsedMs() / 1000;
    io.stderr.write(
      `dubao: exported ${count(written, "file")} to ${where} as ${format.name}: ${count(articles, "article")}, ${count(warnings, "warning")}, ${failed.toLocaleString("en-US")} failed${skipped > 0 ? `, ${skipped.toLocaleString("en-US")} skipped (.json that is not Page JSON)` : ""} (${seconds < 60 ? `${seconds.toFixed(1)} s` : formatDuration(seconds)})\n`,
    );
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/**
 * Pairs each input with its output file (per-page formats into a directory), and drops, with a
 * reported problem, the inputs whose output would collide with another's, replace an input, or
 * replace an existing file without `--force`.
 */
async function planJobs(
  inputs: readonly ExportInput[],
  format: FormatInfo,
  out: string | undefined,
  force: boolean,
  report: (who: string, problem: string) => void,
): Promise<Job[]> {
  const jobs: Job[] = [];
  const inputFiles = new Set(inputs.map((i) => i.file).filter((f): f is string => f !== null));
  const owners = new Map<string, string>();
  for (const input of inputs) {
    const limit = input.file !== null && /\.pdf$/i.test(input.file) ? MAX_PDF_BYTES : MAX_INPUT_BYTES;
    if (input.size > limit) {
      report(input.display, `file too large (${(input.size / 2 ** 20).toFixed(1)} MiB; an input may have at most ${limit / 2 ** 20} MiB)`);
      continue;
    }
    if (out === undefined || format.layout === "collection") {
      jobs.push({ input, target: null });
      continue;
    }
    // ninjs files are `<stem>.<NN>.ninjs.json`: pages with the same stem would collide.
    const key = format.layout === "per-page" ? `${input.outputStem}${format.extension}` : `${input.outputStem}.*${format.extension}`;
    const target = path.join(out, key);
    const owner = owners.get(key);
    if (owner !== undefined) {
      report(input.display, `skipped: its output ${target} is also the output of ${owner}`);
      continue;
    }
    owners.set(key, input.display);
    if (format.layout === "per-page") {
      if (inputFiles.has(path.resolve(target))) {
        report(input.display, `skipped: its output ${target} would replace an input`);
        continue;
      }
      if (!force && (await exists(target))) {
        report(input.display, `${target} already exists (use --force to overwrite)`);
        continue;
      }
      jobs.push({ input, target });
    } else {
      jobs.push({ input, target: null });
    }
  }
  return jobs;
}
