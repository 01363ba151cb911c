#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
import { describeFsError, EXIT_FAILURE } from "./errors.js";
import { runCli } from "./main.js";

/**
 * Bytecode that V8 may inline into one optimised function (V8's own default: 920 bytes). The
 * parser's stages are large functions calling many small ones; with the default budget V8
 * spends a good part of a batch compiling them, again after every deoptimisation, for code
 * that runs no faster. Measured with callgrind on `dubao parse` of 150 and 400 bench pages.
 * Process-wide: worker threads started later compile by it too.
 */
const INLINED_BYTECODE_BUDGET = 300;
setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
/**
 * Work a function does before V8 considers optimising it, 3 times V8's default (67,584). A
 * batch parses each page with the same code, but many stage functions run once per page or per
 * story: with the default, V8's optimising compiler took a quarter of the instructions of a
 * thread parsing 500 pages, compiling functions that run for microseconds per page. Measured with
 * callgrind on a fresh process parsing 500 bench pages: 10.65 G instructions with the default,
 * 9.65 G with 4 times, 9.86 G with 8 times; on the parser of this commit 8.53 G (4 times) and
 * 8.50 G (3 times).
 */
const OPTIMISATION_BUDGET = 3 * 67_584;
setFlagsFromString(`--interrupt-budget=${OPTIMISATION_BUDGET}`);

// A closed pipe (`dubao parse page.txt | head`) is not an error worth a message; any other
// failure of standard output (a full disk) gets one line, not a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`dubao: cannot write to standard output: ${describeFsError(error)}\n`);
  process.exit(EXIT_FAILURE);
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
