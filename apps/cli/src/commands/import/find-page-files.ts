import { stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { describeFsError } from "../../errors.js";

/** A file to import, or an input that cannot be one. */
export type PageFileItem = { kind: "file"; path: string } | { kind: "problem"; path: string; problem: string };

/** What `dubao import` picks up inside directories: page dumps and Page JSON. */
export const IMPORT_EXTENSIONS = [".txt", ".json"] as const;

/**
 * Walks the inputs in command-line order: a file yields itself; a directory yields its `.txt`
 * and `.json` files, recursively, sorted by path; anything else yields a problem.
 * @param inputs paths as given on the command line
 */
export async function* findPageFiles(inputs: readonly string[]): AsyncGenerator<PageFileItem> {
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      yield { kind: "problem", path: input, problem: describeFsError(error) };
      continue;
    }
    if (info.isFile()) {
      yield { kind: "file", path: input };
    } else if (info.isDirectory()) {
      const found = await glob(`**/*.{${IMPORT_EXTENSIONS.map((e) => e.slice(1)).join(",")}}`, {
        cwd: input,
        onlyFiles: true,
        caseSensitiveMatch: false,
        expandDirectories: false,
      });
      if (found.length === 0) {
        yield { kind: "problem", path: input, problem: "no .txt or .json files in this directory" };
        continue;
      }
      found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const relative of found) yield { kind: "file", path: path.join(input, relative) };
    } else {
      yield { kind: "problem", path: input, problem: "not a regular file or directory" };
    }
  }
}
