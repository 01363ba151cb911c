#!/usr/bin/env node
import { describeFsError, EXIT_FAILURE } from "./errors.js";
import { runCli } from "./main.js";

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
