/** Runs the built `dubao` binary for the CLI's tests (one runner for every command's tests). */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI; tests check that it exists and ask for `pnpm build` when it does not. */
export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");

/** Output of one run. */
export interface CliRun {
  /** Exit code (-1 when the process was killed). */
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for binary outputs (EPUB on stdout). */
  bytes: Buffer;
}

/** Outputs as big as a whole exported archive. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Runs `dubao ARGS` and resolves with its exit code and output; never rejects.
 * @param args the command line after `dubao`
 * @param options working directory, bytes for stdin (closed empty otherwise) and extra environment
 */
export function runCli(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = options.env ? { ...process.env, ...options.env } : process.env;
    const child = execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env, maxBuffer: MAX_OUTPUT_BYTES, encoding: "buffer" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout: stdout.toString("utf8"), stderr: stderr.toString("utf8"), bytes: stdout });
    });
    child.stdin?.end(options.input ?? "");
  });
}

/** A run's exit code and text output, without the bytes (for comparing whole runs). */
export function textOf(run: CliRun): { code: number; stdout: string; stderr: string } {
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}

/** The size and time at the end of `dubao parse`'s summary line, e.g. ` (12.8 MB in 4.4 s)`. */
const PARSE_TIMING = / \(\d+\.\d MB in [^)]*\)$/gmu;
/** A progress line of a batch that runs over 5 s with stderr not a terminal, e.g. `dubao: 1 file, 0.1 MB/s`. */
const PROGRESS_LINE = /^dubao: \d[\d,]* files?(?:, \d+\.\d MB\/s)?\n/gmu;

/**
 * A run's text output without what changes from run to run: the size and time of `dubao parse`'s
 * summary, and the progress lines a slow batch prints now and then (tests of their own check them).
 */
export function untimedTextOf(run: CliRun): { code: number; stdout: string; stderr: string } {
  return { code: run.code, stdout: run.stdout, stderr: run.stderr.replace(PROGRESS_LINE, "").replace(PARSE_TIMING, "") };
}
