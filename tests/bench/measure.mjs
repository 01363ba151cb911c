// Shared by the benches: running the built CLI under GNU time, and printing result tables.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = path.join(REPO, "apps/cli/dist/bin.js");
const GNU_TIME = "/usr/bin/time";
export const MB = 1e6;

/** A number with a fixed count of decimals. */
export const fmt = (/** @type {number} */ x, digits = 1) => x.toFixed(digits);

/**
 * Runs `dubao ARGS...`, timed, with its peak RSS (the largest of the process tree's, worker
 * threads included) from GNU time when installed, else null.
 * @param {string[]} cliArgs arguments after `dubao`
 * @param {string} rssFile where GNU time writes its report
 * @returns {Promise<{ seconds: number, peakRssMB: number | null }>}
 */
export async function timeCli(cliArgs, rssFile) {
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ["-f", "%M", "-o", rssFile, process.execPath, CLI, ...cliArgs]] : [process.execPath, [CLI, ...cliArgs]];
  const start = performance.now();
  /** @type {{ error: Error | null, stderr: string }} */
  const result = await new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => resolve({ error, stderr }));
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) throw new Error(`dubao ${cliArgs[0]} failed: ${result.stderr || result.error.message}`);
  const peakRssMB = useTime ? (Number((await readFile(rssFile, "utf8")).trim().split("\n").pop()) * 1024) / MB : null;
  return { seconds, peakRssMB };
}

/** Prints rows under a header, the first column left-aligned, the others right-aligned. @param {string[]} head @param {string[][]} rows */
export function printTable(head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (/** @type {string[]} */ r) => "  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(head));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
