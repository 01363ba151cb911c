import { INPUT_FORMATS } from "@dubao/core";
import { UsageError } from "../../errors.js";
import type { InputFormatOption } from "./parse-file.js";

/** Values of `--input-format`. */
export const INPUT_FORMAT_CHOICES: readonly InputFormatOption[] = ["auto", ...INPUT_FORMATS];

/** Help text of `--input-format`, shared by `dubao parse` and `dubao export`. */
export const INPUT_FORMAT_HELP =
  "Input format: auto (default: from each file's content: %PDF-, an ALTO root, hOCR's ocr_page, else a text dump), text, pdf, alto or hocr; also picks the files taken from directories (.txt; .pdf; .xml; .hocr and .html)";

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
