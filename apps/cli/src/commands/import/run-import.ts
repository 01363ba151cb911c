import { realpath } from "node:fs/promises";
import path from "node:path";
import { isIsoDate, Library, LibraryError, readPageInputs, resolveDbPath, type PageMetaOverrides } from "@dubao/library";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../../errors.js";
import { linkedFileReader } from "../../io/read-linked-file.js";
import type { CliIo } from "../../main.js";
import { findInputs } from "../parse/find-inputs.js";
import { extensionsOf, parseInputFormatOption, walkFilterOf } from "../parse/input-format.js";
import type { InputFormatOption } from "../parse/parse-file.js";

/**
 * A batch of at least this many imported pages ends by merging the search index into one segment
 * (`Library.compactSearchIndex`): each page adds index segments that every later search reads,
 * and a merged index answers 2- and 4-character searches about a third faster. Smaller batches
 * skip it: merging rewrites the whole index, which costs more than it saves for a page or two
 * added to a large library.
 */
const COMPACT_AFTER_PAGES = 20;

/** What `dubao import` picks up inside directories by default: page dumps and Page JSON. */
const IMPORT_EXTENSIONS = [".txt", ".json"] as const;

/** Files taken from directories: page dumps and Page JSON by default, else the format's own files (as `dubao parse`). */
function importExtensionsOf(format: InputFormatOption): readonly string[] {
  return format === "auto" ? IMPORT_EXTENSIONS : extensionsOf(format);
}

/** What `dubao import` was asked to do. */
export interface ImportRequest {
  inputs: readonly string[];
  publication: string | undefined;
  date: string | undefined;
  page: string | undefined;
  /** Database file; default `DUBAO_DB`, else `data/dubao.db`. */
  db: string | undefined;
  quiet: boolean;
  /** `--input-format` as given: `auto` (default), `text`, `pdf`, `alto`, `hocr` or `mets`. */
  inputFormat?: string | undefined;
}

/** Largest page page number accepted from `--page` (the thickest dailies have well under 1,000 pages). */
const MAX_PAGE_NUMBER = 999;

function overridesOf(request: ImportRequest): PageMetaOverrides {
  const overrides: PageMetaOverrides = {};
  if (request.publication !== undefined) {
    const name = request.publication.replace(/\s+/g, " ").trim();
    if (name === "") throw new UsageError("--publication needs a name");
    overrides.publication = name;
  }
  if (request.date !== undefined) {
    if (!isIsoDate(request.date)) throw new UsageError(`--date "${request.date}" is not a calendar date written YYYY-MM-DD`);
    overrides.date = request.date;
  }
  if (request.page !== undefined) {
    const n = Number(request.page);
    if (!/^\d+$/.test(request.page) || n < 1 || n > MAX_PAGE_NUMBER) {
      throw new UsageError(`--page "${request.page}" is not a page number from 1 to ${MAX_PAGE_NUMBER}`);
    }
    overrides.pageNumber = n;
  }
  return overrides;
}

/** `人民日报 2024-03-05 p4`, leaving out what is unknown. */
function describeFiling(meta: { publication: string; date: string; pageNumber: number | null }): string {
  const parts = [meta.publication || "(no publication)", meta.date || "(no date)"];
  if (meta.pageNumber !== null) parts.push(`p${meta.pageNumber}`);
  return parts.join(" ");
}

/**
 * Imports each input into the library, one transaction per input: read, decode or validate,
 * parse, store, then the next. A PDF, METS issue or dump of several pages gives several pages,
 * stored together, all or none (`--page N` numbers them N, N+1…). A page already in the library (same source SHA-256, and
 * page of it) is reported as a duplicate and left as it is. A failing input is reported as
 * `dubao: FILE: problem` and the others still run.
 * @returns the exit code: 0 when every input was imported or already there, 1 when any failed
 */
export async function runImport(request: ImportRequest, io: CliIo): Promise<number> {
  const overrides = overridesOf(request);
  const inputFormat = parseInputFormatOption(request.inputFormat);
  const dbPath = request.db !== undefined ? path.resolve(request.db) : resolveDbPath();
  if (request.db !== undefined && request.db.trim() === "") throw new UsageError("--db needs a file");

  let library: Library;
  try {
    library = Library.open(dbPath);
  } catch (error) {
    const problem = error instanceof LibraryError ? error.message : `cannot open the library: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`dubao: ${dbPath}: ${problem}\n`);
    return EXIT_FAILURE;
  }

  let imported = 0;
  let duplicates = 0;
  let articles = 0;
  let failed = 0;
  let compacted = false;
  const seen = new Set<string>();
  try {
    for await (const item of findInputs(request.inputs, importExtensionsOf(inputFormat), walkFilterOf(inputFormat))) {
      if (item.kind === "problem") {
        io.stderr.write(`dubao: ${item.path}: ${item.problem}\n`);
        failed++;
        continue;
      }
      const file = item.file.path;
      const real = await realpath(file).catch(() => path.resolve(file));
      if (seen.has(real)) continue;
      seen.add(real);
      const pages = [];
      for await (const loaded of readPageInputs(file, { inputFormat, readLinkedFile: linkedFileReader(file) })) pages.push(loaded);
      // the pages of one input are known before any is stored: a problem fails the input whole
      const problem = pages.find((p) => !p.ok);
      if (problem !== undefined && !problem.ok) {
        io.stderr.write(`dubao: ${file}: ${problem.problem}\n`);
        failed++;
        continue;
      }
      const loadedPages = pages.flatMap((p) => (p.ok ? [{ page: p.page, raw: p.raw }] : []));
      // all pages of one input in one transaction: an issue is stored whole or not at all
      const results = library.importPages(loadedPages, overrides);
      results.forEach((result, index) => {
        if (result.status === "imported") {
          imported++;
          articles += result.articleCount;
        } else {
          duplicates++;
        }
        if (!request.quiet) {
          const verb = result.status === "imported" ? "imported " : "duplicate";
          const which = results.length > 1 ? ` (page ${index + 1} of ${results.length})` : "";
          io.stdout.write(`${verb} ${file}${which} → ${describeFiling(result.meta)}, ${result.articleCount} articles\n`);
        }
      });
    }
    // a large batch leaves the search index in many segments, each read by every search: merge them
    if (imported >= COMPACT_AFTER_PAGES) {
      library.compactSearchIndex();
      compacted = true;
    }
  } finally {
    library.close();
  }

  if (!request.quiet) {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
    const extra = [duplicates > 0 ? `${n(duplicates, "page")} already there` : "", failed > 0 ? `${failed} failed` : "", compacted ? "search index compacted" : ""].filter(Boolean);
    io.stderr.write(`dubao: imported ${n(imported, "page")} (${n(articles, "article")}) into ${dbPath}${extra.length > 0 ? `; ${extra.join("; ")}` : ""}\n`);
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
