import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { describeFsError } from "../../errors.js";
import { noInputsProblem } from "../parse/input-format.js";

/** What an input holds: a page dump to parse, or Page JSON written by `dubao parse`. */
export type InputKind = "dump" | "page-json";

/** One page to export. */
export interface ExportInput {
  /** The path as the user would recognise it (as given, or joined onto the directory given); `-` for stdin. */
  display: string;
  /** Absolute path; `null` for stdin. */
  file: string | null;
  kind: InputKind;
  /**
   * Found by walking a directory (not named on the command line): a `.json` file there that is
   * not Page JSON at all (no `schemaVersion`, e.g. an annotation file) is skipped, not an error.
   */
  walked: boolean;
  /** Size in bytes (for progress and the size limit). */
  size: number;
  /**
   * Path used to name outputs, relative to the common folder of all inputs and without the
   * extension, `/`-separated: e.g. `2023-01/2023-01-01-p1`, or `stdin`.
   */
  outputStem: string;
}

/** An input that could not be used, with its one-line problem. */
export interface InputProblem {
  display: string;
  problem: string;
}

/** Extensions picked up inside directories (any case): page dumps and Page JSON. */
export const DUMP_EXTENSION = ".txt";
export const PAGE_JSON_EXTENSION = ".json";

/** Name of the standard-input page in messages and output file names. */
export const STDIN_NAME = "stdin";

/** Code-unit order: the same on every machine and locale. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `.json` files are Page JSON; everything else is a page dump. */
export function kindOf(file: string): InputKind {
  return path.extname(file).toLowerCase() === PAGE_JSON_EXTENSION ? "page-json" : "dump";
}

interface Found {
  display: string;
  file: string;
  walked: boolean;
  /** The folder that names this file's outputs: the directory given, or the file's own folder. */
  root: string;
}

/**
 * Expands the command-line inputs, in their order: a file is itself; a directory is every `.txt`
 * (or `sourceExtensions`) and `.json` file under it (recursively, sorted; see {@link ExportInput.walked}); a pattern that is not an existing path is a
 * glob (sorted matches); `-` is standard input. A file reached twice is exported once.
 * Output stems are the paths relative to the deepest folder that holds every input, so two
 * inputs never get the same name unless they differ only in extension.
 * @param inputs as given on the command line
 * @param sourceExtensions the inputs to parse taken from directories (besides Page JSON)
 * @param keep which of those files found in directories are inputs (default: all; see `walkFilterOf`)
 */
export async function findExportInputs(
  inputs: readonly string[],
  sourceExtensions: readonly string[] = [DUMP_EXTENSION],
  keep?: (file: string) => Promise<boolean>,
): Promise<{ inputs: ExportInput[]; problems: InputProblem[]; stdin: boolean }> {
  const found: Found[] = [];
  const problems: InputProblem[] = [];
  let stdin = false;
  for (const input of inputs) {
    if (input === "-") {
      stdin = true;
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      if (isDynamicPattern(input)) {
        const matches = (await glob(input, { onlyFiles: true, expandDirectories: false, absolute: false })).sort(byCodeUnit);
        if (matches.length === 0) problems.push({ display: input, problem: "no files match this pattern" });
        for (const m of matches) found.push({ display: m, file: path.resolve(m), root: path.dirname(path.resolve(m)), walked: false });
        continue;
      }
      problems.push({ display: input, problem: describeFsError(error) });
      continue;
    }
    if (info.isFile()) {
      found.push({ display: input, file: path.resolve(input), root: path.dirname(path.resolve(input)), walked: false });
    } else if (info.isDirectory()) {
      const matches = await glob([...sourceExtensions.map((e) => `**/*${e}`), `**/*${PAGE_JSON_EXTENSION}`], {
        cwd: input,
        onlyFiles: true,
        caseSensitiveMatch: false,
        expandDirectories: false,
      });
      if (matches.length === 0) {
        problems.push({ display: input, problem: await noInputsProblem(input, [...sourceExtensions, PAGE_JSON_EXTENSION]) });
        continue;
      }
      const root = path.resolve(input);
      let kept = 0;
      for (const m of matches.sort(byCodeUnit)) {
        const file = path.join(root, m);
        if (keep !== undefined && kindOf(file) !== "page-json" && !(await keep(file))) continue;
        kept++;
        found.push({ display: path.join(input, m), file, root, walked: true });
      }
      if (kept === 0) problems.push({ display: input, problem: `no input files in this directory (none of its ${[...sourceExtensions, PAGE_JSON_EXTENSION].join(" or ")} files is one)` });
    } else {
      problems.push({ display: input, problem: "not a regular file or directory" });
    }
  }

  const base = commonFolder(found.map((f) => f.root));
  const seen = new Set<string>();
  const result: ExportInput[] = [];
  for (const f of found) {
    const real = await realpath(f.file).catch(() => f.file);
    if (seen.has(real)) continue;
    seen.add(real);
    let size: number;
    try {
      const info = await stat(f.file);
      if (!info.isFile()) {
        problems.push({ display: f.display, problem: "not a regular file" });
        continue;
      }
      size = info.size;
    } catch (error) {
      problems.push({ display: f.display, problem: describeFsError(error) });
      continue;
    }
    const relative = path.relative(base, f.file).split(path.sep).join("/");
    const ext = path.extname(relative);
    result.push({ display: f.display, file: f.file, kind: kindOf(f.file), walked: f.walked, size, outputStem: ext === "" ? relative : relative.slice(0, -ext.length) });
  }
  return { inputs: result, problems, stdin };
}

/** The deepest folder that holds every given folder. */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd();
  let common = folders[0]!.split(path.sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(path.sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(path.sep) || path.sep;
}
