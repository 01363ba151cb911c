import { readFile, mkdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { decodeInput, parseText } from "@dubao/core";
import { describeFsError, EXIT_FAILURE, EXIT_OK, UsageError } from "../../errors.js";
import { writeFileAtomic } from "../../io/write-file-atomic.js";
import { writeToStream } from "../../io/write-stream.js";
import type { CliIo } from "../../main.js";
import { findInputs, outputNameOf, type InputFile } from "./find-inputs.js";

/** What `dubao parse` was asked to do. */
export interface ParseRequest {
  /** Files and directories, as given. */
  inputs: readonly string[];
  /** Directory for `<name>.json` files; without it, the one input's JSON goes to stdout. */
  outDir: string | undefined;
  /** No summary line on stderr. */
  quiet: boolean;
}

/**
 * Largest input accepted. A page dump is tens of kilobytes; a file this big is a mistake
 * (an archive, a whole book) and would take the memory of the whole batch.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Parses each input in turn: read, decode, parse, write, and let go before the next one, so
 * memory stays that of one page whatever the batch size. A failing input is reported as
 * `dubao: FILE: problem` on stderr and the others still run.
 * @returns the exit code: 0 when every input was written, 1 when any failed
 */
export async function runParse(request: ParseRequest, io: CliIo): Promise<number> {
  const { inputs, outDir } = request;
  if (outDir !== undefined && outDir.trim() === "") throw new UsageError("--out needs a directory");
  if (outDir === undefined && inputs.length > 1) {
    throw new UsageError(`${inputs.length} inputs need --out DIR (without it, one file's JSON goes to stdout)`);
  }
  if (outDir === undefined && inputs.length === 1 && (await isDirectory(inputs[0]!))) {
    throw new UsageError(`${inputs[0]} is a directory: use --out DIR to parse the files in it`);
  }

  const report = (file: string, problem: string): void => {
    io.stderr.write(`dubao: ${file}: ${problem}\n`);
  };
  if (outDir !== undefined) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      report(outDir, `cannot create the output directory: ${describeFsError(error)}`);
      return EXIT_FAILURE;
    }
  }

  let written = 0;
  let failed = 0;
  const seen = new Set<string>(); // real paths already parsed: an input given twice is parsed once
  const outputsBy = new Map<string, string>(); // output name -> input that wrote it
  for await (const item of findInputs(inputs)) {
    if (item.kind === "problem") {
      report(item.path, item.problem);
      failed++;
      continue;
    }
    const real = await realpath(item.file.path).catch(() => path.resolve(item.file.path));
    if (seen.has(real)) continue;
    seen.add(real);
    const outName = outputNameOf(item.file.path);
    const earlier = outputsBy.get(outName);
    if (outDir !== undefined && earlier !== undefined) {
      report(item.file.path, `skipped: its output ${outName} is already written for ${earlier}`);
      failed++;
      continue;
    }
    const problem = await parseOne(item.file, outDir === undefined ? undefined : path.join(outDir, outName), io);
    if (problem === null) {
      outputsBy.set(outName, item.file.path);
      written++;
    } else {
      report(item.file.path, problem);
      failed++;
    }
  }

  if (outDir !== undefined && !request.quiet) {
    const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
    io.stderr.write(`dubao: wrote ${files(written)} to ${outDir}${failed > 0 ? `; ${failed} failed` : ""}\n`);
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/**
 * Reads, decodes, parses and writes one input.
 * @param outFile where to write, or `undefined` for stdout
 * @returns `null` on success, else the one-line problem
 */
async function parseOne(file: InputFile, outFile: string | undefined, io: CliIo): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    const size = (await stat(file.path)).size;
    if (size > MAX_INPUT_BYTES) {
      return `file too large (${(size / 2 ** 20).toFixed(1)} MiB; one page dump may have at most ${MAX_INPUT_BYTES / 2 ** 20} MiB)`;
    }
    bytes = await readFile(file.path);
  } catch (error) {
    return describeFsError(error);
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return decoded.problem;
  let json: string;
  try {
    const page = parseText(decoded.text, { sourceName: path.basename(file.path), encoding: decoded.encoding });
    json = `${JSON.stringify(page, null, 2)}\n`;
  } catch (error) {
    // parseText promises never to throw; if it does, that is a bug in dubao, not in the file.
    return `internal error while parsing: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    if (outFile === undefined) await writeToStream(io.stdout, json);
    else await writeFileAtomic(outFile, json);
  } catch (error) {
    return `cannot write ${outFile ?? "to stdout"}: ${describeFsError(error)}`;
  }
  return null;
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}
