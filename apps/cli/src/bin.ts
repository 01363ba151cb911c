#!/usr/bin/env node
import { runCli } from "./main.js";

// A closed pipe (`dubao parse page.txt | head`) is not an error worth a message.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
