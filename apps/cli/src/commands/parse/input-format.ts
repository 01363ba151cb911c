import { INPUT_FORMATS } from "@dubao/core/parse";
import { glob } from "tinyglobby";
import { UsageError } from "../../errors.js";
import { isMetsFile } from "../../io/read-linked-file.js";
import type { InputFormatOption } from "./parse-file.js";

/** Values of `--input-format`. */
export const INPUT_FORMAT_CHOICES: readonly InputFormatOption[] = ["auto", ...INPUT_FORMATS];

/** Help text of `--input-format`, shared by `dubao parse` and `dubao export`. */
export const INPUT_FORMAT_HELP =
  "Input format: auto (default: from each file's content: %PDF-, an ALTO or METS root, hOCR's ocr_page, else a text dump), text, pdf, alto, hocr or mets (a METS issue: each page's ALTO file, found by the METS file's hrefs relative to it, parsed with the METS logical articles); also picks the files taken from directories (.txt; .pdf; .xml; .hocr and .html; the .xml files that are METS)";

/**
 * Files picked up inside directories for a format: page dumps by default (`auto` included, so a
 * folder holding a page as .txt, .pdf and .xml is parsed once), else the format's own files.
 */
const EXTENSIONS: Record<InputFormatOption, readonly string[]> = {
  auto: [".txt"],
  text: [".txt"],
  pdf: [".pdf"],
  alto: [".xml"],
  hocr: [".hocr", ".html"],
  mets: [".xml"],
};

/** Checks `--input-format`. @throws {UsageError} for an unknown value */
export function parseInputFormatOption(value: string | undefined): InputFormatOption {
  if (value === undefined) return "auto";
  const format = INPUT_FORMAT_CHOICES.find((f) => f === value.toLowerCase());
  if (format === undefined) throw new UsageError(`--input-format must be one of ${INPUT_FORMAT_CHOICES.join(", ")}, not "${value}"`);
  return format;
}

/** Extensions of the files taken from directories for `format`. */
export function extensionsOf(format: InputFormatOption): readonly string[] {
  return EXTENSIONS[format];
}

/**
 * Which files found in directories are inputs for `format`: for `mets`, the METS files (told by
 * their root element), not the ALTO files they point to; for the others, every file.
 */
export function walkFilterOf(format: InputFormatOption): ((file: string) => Promise<boolean>) | undefined {
  return format === "mets" ? isMetsFile : undefined;
}

/** Formats whose files a directory walk of the default (`auto`) format leaves out, with their extensions. */
const OTHER_FORMATS: readonly { format: InputFormatOption; extensions: readonly string[] }[] = [
  { format: "pdf", extensions: EXTENSIONS.pdf },
  { format: "hocr", extensions: EXTENSIONS.hocr },
  { format: "alto", extensions: EXTENSIONS.alto },
];

/**
 * The problem of a directory that holds none of the files looked for: names what it holds instead
 * and the `--input-format` that takes them (a folder of PDFs given with the default format is the
 * usual case), so the user is not left guessing why nothing was parsed.
 * @param dir the directory as given
 * @param extensions the extensions looked for
 * @example "no .txt files in this directory (it has 12 .pdf files: give --input-format pdf to parse them)"
 */
export async function noInputsProblem(dir: string, extensions: readonly string[]): Promise<string> {
  const none = `no ${extensions.join(" or ")} files in this directory`;
  for (const { format, extensions: theirs } of OTHER_FORMATS) {
    if (theirs.every((e) => extensions.includes(e))) continue;
    const found = await glob(
      theirs.map((e) => `**/*${e}`),
      { cwd: dir, onlyFiles: true, caseSensitiveMatch: false, expandDirectories: false },
    ).catch(() => []);
    if (found.length > 0) {
      const files = `${found.length} ${theirs.join("/")} file${found.length === 1 ? "" : "s"}`;
      return `${none} (it has ${files}: give --input-format ${format} to parse them)`;
    }
  }
  return none;
}
