import { stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { describeFsError } from "../../errors.js";
import { noInputsProblem } from "./input-format.js";

/** A file to parse, named as the user would recognise it. */
export interface InputFile {
  /** The path as given on the command line, or joined onto the directory given. */
  path: string;
}

/** One step of walking the command-line inputs: a file to parse, or an input that failed. */
export type InputItem = { kind: "file"; file: InputFile } | { kind: "problem"; path: string; problem: string };

/** The input `-`: standard input, read whole (`pdftotext page.pdf - | dubao parse -`). */
export const STDIN_INPUT = "-";
/** The name standard input goes by: its source name and the name of its output file. */
export const STDIN_NAME = "stdin";

/** Extension of the page dumps picked up inside directories (any case). */
export const DUMP_EXTENSION = ".txt";

/**
 * Walks the inputs in command-line order: a file (or `-`, standard input) yields itself, a directory yields its files
 * with one of `extensions` (recursively, any case, sorted by path so runs are repeatable),
 * anything else yields a problem. Yields lazily, so nothing but the file list of one directory
 * is held at a time.
 * @param inputs paths as given on the command line
 * @param extensions what to pick up inside directories; default: page dumps (`.txt`)
 * @param keep which of the files found inside directories are inputs (default: all of them)
 */
export async function* findInputs(inputs: readonly string[], extensions: readonly string[] = [DUMP_EXTENSION], keep?: (file: string) => Promise<boolean>): AsyncGenerator<InputItem> {
  const pattern = extensions.length === 1 ? `**/*${extensions[0]}` : `**/*.{${extensions.map((e) => e.slice(1)).join(",")}}`;
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      yield { kind: "file", file: { path: input } };
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      yield { kind: "problem", path: input, problem: describeFsError(error) };
      continue;
    }
    if (info.isFile()) {
      yield { kind: "file", file: { path: input } };
    } else if (info.isDirectory()) {
      const found = await glob(pattern, {
        cwd: input,
        onlyFiles: true,
        caseSensitiveMatch: false,
        expandDirectories: false,
      });
      if (found.length === 0) {
        yield { kind: "problem", path: input, problem: await noInputsProblem(input, extensions) };
        continue;
      }
      found.sort(comparePaths);
      let kept = 0;
      for (const relative of found) {
        const file = path.join(input, relative);
        if (keep !== undefined && !(await keep(file))) continue;
        kept++;
        yield { kind: "file", file: { path: file } };
      }
      if (kept === 0) yield { kind: "problem", path: input, problem: `no input files in this directory (none of its ${extensions.join(" or ")} files is one)` };
    } else {
      yield { kind: "problem", path: input, problem: "not a regular file or directory" };
    }
  }
}

/** Code-unit order: the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Name of the JSON written for an input: its file name without the last extension.
 * @param file path of the input
 * @returns e.g. `page-01.json` for `dumps/page-01.txt`, `stdin.json` for `-`
 */
export function outputNameOf(file: string): string {
  if (file === STDIN_INPUT) return `${STDIN_NAME}.json`;
  const { name } = path.parse(file);
  return `${name}.json`;
}
