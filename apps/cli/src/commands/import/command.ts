import { defineCommand } from "citty";
import { assertKnownOptions } from "../../cli-args.js";
import type { CliIo } from "../../main.js";
import { INPUT_FORMAT_HELP } from "../parse/input-format.js";
import { runImport } from "./run-import.js";

const args = {
  inputs: {
    type: "positional",
    description: "Page dumps (.txt), Page JSON (.json), PDFs (one page per PDF page), ALTO, hOCR or METS files (one page per page of the issue), or directories searched recursively for .txt and .json (see --input-format)",
    required: true,
  },
  publication: {
    type: "string",
    description: "File every page under this publication (default: the page's running head, or the file name)",
    valueHint: "NAME",
  },
  date: {
    type: "string",
    description: "File every page under this issue date (default: from the page or the file name)",
    valueHint: "YYYY-MM-DD",
  },
  page: {
    type: "string",
    description: "Page number of the page, or of the first page of a PDF or METS issue, the next ones following (default: from the page, the file name, else the page's place in its issue)",
    valueHint: "N",
  },
  db: {
    type: "string",
    description: "Library database file (default: $DUBAO_DB, else data/dubao.db)",
    valueHint: "FILE",
  },
  "input-format": {
    type: "string",
    description: INPUT_FORMAT_HELP.replace("(.txt;", "(.txt and .json;"),
    valueHint: "FORMAT",
  },
  quiet: {
    type: "boolean",
    alias: "q",
    description: "Print only errors, not a line per page and the summary",
  },
} as const;

/** Examples shown by `dubao import --help`. */
export const examples = [
  "dubao import page.txt                                   # parse and store one page dump",
  "dubao import archive/ --publication 人民日报            # every .txt and .json under archive/",
  "dubao import p4.txt --publication 申报 --date 1935-01-02 --page 4",
  "dubao import 人民日报_2024-03-05_p4.txt                 # publication, date, page from the name",
  "DUBAO_DB=lib.db dubao import parsed/*.json              # Page JSON written by dubao parse",
  "dubao import 申报_1935-01-02.pdf                         # one library page per PDF page",
  "dubao import scans/ --input-format alto --publication 申报  # every .xml (ALTO) under scans/",
  "dubao import issue/mets.xml                             # a METS issue: its ALTO pages, its articles",
] as const;

/** `dubao import`: page dumps, Page JSON, PDF, ALTO, hOCR or METS into the library (idempotent, one transaction per input). */
export default defineCommand({
  meta: { name: "import", description: "Store pages in the library database (the same source is stored once)" },
  args,
  run: ({ rawArgs, args: parsed, data }) => {
    assertKnownOptions(rawArgs, args);
    return runImport(
      {
        inputs: parsed._,
        publication: parsed.publication,
        date: parsed.date,
        page: parsed.page,
        db: parsed.db,
        quiet: parsed.quiet === true,
        inputFormat: parsed["input-format"],
      },
      data as CliIo,
    );
  },
});
