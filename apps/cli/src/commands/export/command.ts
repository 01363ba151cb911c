import { defineCommand } from "citty";
import { FORMAT_NAMES } from "@dubao/export";
import { assertKnownOptions } from "../../cli-args.js";
import type { CliIo } from "../../main.js";
import { INPUT_FORMAT_HELP } from "../parse/input-format.js";
import { runExport } from "./run-export.js";

const args = {
  inputs: {
    type: "positional",
    description: "Page dumps (.txt), PDFs, ALTO, hOCR or METS files, Page JSON (.json from dubao parse), directories, glob patterns, or - (stdin)",
    required: true,
  },
  format: {
    type: "string",
    alias: "f",
    description: `Output format: ${FORMAT_NAMES.join(", ")} (see "dubao formats")`,
    valueHint: "FORMAT",
  },
  out: {
    type: "string",
    alias: "o",
    description: "The file (jsonl, csv, epub) or directory (other formats) to write; default: standard output",
    valueHint: "PATH",
  },
  parallel: {
    type: "string",
    alias: "j",
    description: "Worker threads converting pages (default: CPU cores; 1: main thread only)",
    valueHint: "N",
  },
  force: {
    type: "boolean",
    description: "Overwrite existing output files",
  },
  bom: {
    type: "boolean",
    description: "csv: start with a UTF-8 byte-order mark (Excel needs it for Chinese)",
  },
  "input-format": {
    type: "string",
    description: INPUT_FORMAT_HELP,
    valueHint: "FORMAT",
  },
  quiet: {
    type: "boolean",
    alias: "q",
    description: "No progress bar and no summary; only problems on stderr",
  },
} as const;

/** Examples shown by `dubao export --help`. */
export const examples = [
  "dubao export archive/ --format jsonl --out archive.jsonl      # one article per line, every page under archive/",
  "dubao export parsed/*.json --format csv --bom --out pages.csv  # Page JSON from dubao parse, for Excel",
  "dubao export 2024/ --format epub --out 2024.epub               # a book: one chapter per article",
  "dubao export page.txt --format html > page.html                # one page to standard output",
  "dubao export archive/ --format tei --out tei/ --parallel 4      # tei/<same relative paths>.tei.xml",
  "cat page.txt | dubao export - --format md                      # standard input",
  "dubao export issue.pdf --format html --out html/                # html/issue-p1.html, issue-p2.html… (one per PDF page)",
  "dubao export issue/mets.xml --format jsonl --out issue.jsonl    # a METS issue: its ALTO pages, its articles",
] as const;

/** `dubao export`: pages (dumps or Page JSON) to json, jsonl, md, html, txt, csv, epub, tei or ninjs. */
export default defineCommand({
  meta: { name: "export", description: "Export pages to JSON Lines, CSV, Markdown, HTML, text, EPUB, TEI or ninjs" },
  args,
  run: ({ rawArgs, args: parsed, data }) => {
    assertKnownOptions(rawArgs, args);
    return runExport(
      {
        inputs: parsed._,
        format: parsed.format,
        out: parsed.out,
        parallel: parsed.parallel,
        quiet: parsed.quiet === true,
        force: parsed.force === true,
        bom: parsed.bom === true,
        inputFormat: parsed["input-format"],
      },
      data as CliIo,
    );
  },
});
