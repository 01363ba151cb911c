import { defineCommand } from "citty";
import { assertKnownOptions } from "../../cli-args.js";
import type { CliIo } from "../../main.js";
import { INPUT_FORMAT_HELP } from "./input-format.js";
import { MAX_DEFAULT_PARALLEL, runParse } from "./run-parse.js";

const args = {
  inputs: {
    type: "positional",
    description: "Page dumps (- for standard input), PDFs (one Page per PDF page), ALTO or hOCR files, METS files (one Page per page: the ALTO files it lists, beside it, with its logical articles), or directories searched recursively for .txt files (see --input-format)",
    required: true,
  },
  out: {
    type: "string",
    description: "Write DIR/<name>.json for each input (created if missing; DIR/<name>-p1.json, -p2.json… for a PDF of several pages) instead of JSON on stdout",
    valueHint: "DIR",
  },
  quiet: {
    type: "boolean",
    alias: "q",
    description: "Print only errors on stderr, not the summary line",
  },
  "input-format": {
    type: "string",
    description: INPUT_FORMAT_HELP,
    valueHint: "FORMAT",
  },
  parallel: {
    type: "string",
    alias: "j",
    description: `Worker threads parsing files with --out (default: CPU cores, at most ${MAX_DEFAULT_PARALLEL}; 1: main thread only)`,
    valueHint: "N",
  },
} as const;

/** Examples shown by `dubao parse --help`. */
export const examples = [
  "dubao parse page.txt > page.json          # one page, JSON on stdout",
  "pdftotext page.pdf - | dubao parse -      # a dump on standard input (source name stdin)",
  "dubao parse a.txt b.txt --out parsed/     # writes parsed/a.json and parsed/b.json",
  "dubao parse archive/2024/ --out parsed/   # every .txt under archive/2024, recursively",
  "dubao parse archive/ --out parsed/ -j 2   # on two worker threads",
  "dubao parse issue.pdf --out parsed/       # parsed/issue-p1.json, issue-p2.json… (one per PDF page)",
  "dubao parse scans/ --input-format hocr --out parsed/  # every .hocr and .html under scans/",
  "dubao parse issue/mets.xml --out parsed/  # a METS issue: parsed/mets-p1.json… (its ALTO pages, its articles)",
  "dubao parse archive/ --input-format mets --out parsed/  # every METS file under archive/",
] as const;

/** `dubao parse`: page dumps (UTF-8, UTF-16 with BOM, GB18030), PDF, ALTO, hOCR and METS issues to Page JSON. */
export default defineCommand({
  meta: { name: "parse", description: "Parse page dumps, PDFs, ALTO, hOCR or METS issues into Page JSON (articles, page fields, unassigned text)" },
  args,
  run: ({ rawArgs, args: parsed, data }) => {
    assertKnownOptions(rawArgs, args);
    return runParse({ inputs: parsed._, outDir: parsed.out, quiet: parsed.quiet === true, parallel: parsed.parallel, inputFormat: parsed["input-format"] }, data as CliIo);
  },
});
