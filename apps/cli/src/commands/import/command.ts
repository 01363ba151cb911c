import { defineCommand } from "citty";
import { assertKnownOptions } from "../../cli-args.js";
import type { CliIo } from "../../main.js";
import { runImport } from "./run-import.js";

const args = {
  inputs: {
    type: "positional",
    description: "Page dumps (.txt) or Page JSON (.json) files, or directories searched recursively for both",
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
    description: "Page number of the page (default: from the page or the file name)",
    valueHint: "N",
  },
  db: {
    type: "string",
    description: "Library database file (default: $DUBAO_DB, else data/dubao.db)",
    valueHint: "FILE",
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
] as const;

/** `dubao import`: page dumps or Page JSON into the library (idempotent, one transaction per page). */
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
      },
      data as CliIo,
    );
  },
});
