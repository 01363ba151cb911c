import type { Page } from "@dubao/core";
import { collectionPart, FORMATS, pageToNinjs, renderPage, type CollectionFormat, type CollectionPart, type FormatName, type NinjsFile, type PageFormat } from "@dubao/export";
import type { InputFormatOption } from "../parse/parse-file.js";
import type { InputKind } from "./find-export-inputs.js";
import { loadPage, type PageSource } from "./load-page.js";

/** One page to convert: sent to a worker thread (structured-cloneable). */
export interface ConvertTask {
  id: number;
  source: PageSource;
  kind: InputKind;
  sourceName: string;
  /** Pass over JSON that is not Page JSON at all (see `ExportInput.walked`). */
  skipOtherJson: boolean;
  format: FormatName;
  /** `--input-format`: the format of inputs to parse, or `auto`. */
  inputFormat: InputFormatOption;
}

/** What one page becomes, by the layout of its format. */
export type Converted =
  | { layout: "per-page"; text: string }
  | { layout: "per-article"; files: NinjsFile[] }
  | { layout: "collection"; part: CollectionPart };

/**
 * The result of a {@link ConvertTask}: the outputs (one per page: a PDF, ALTO or hOCR file may
 * hold several) and counts, or the input's one-line problem.
 */
export type ConvertResult =
  | { id: number; ok: true; outputs: Converted[]; articles: number; warnings: number }
  | { id: number; ok: false; problem: string }
  | { id: number; ok: "skipped" };

/** Diagnostics counted as warnings in the summary: everything the parser did not call `info`. */
function warningsOf(page: Page): number {
  return page.diagnostics.filter((d) => d.severity !== "info").length;
}

function convert(page: Page, format: FormatName): Converted {
  const layout = FORMATS[format].layout;
  if (layout === "collection") return { layout, part: collectionPart(format as CollectionFormat, page) };
  if (layout === "per-article") return { layout, files: pageToNinjs(page) };
  return { layout, text: renderPage(format as PageFormat, page) };
}

/**
 * Loads one input and converts its pages: the work of a worker thread, or of the main thread with
 * `--parallel 1`. Never throws: any failure is the result's `problem`.
 */
export async function convertPage(task: ConvertTask): Promise<ConvertResult> {
  try {
    const loaded = await loadPage(task.source, task.kind, task.sourceName, task.skipOtherJson, task.inputFormat);
    if (loaded.ok === "skipped") return { id: task.id, ok: "skipped" };
    if (!loaded.ok) return { id: task.id, ok: false, problem: loaded.problem };
    const { pages } = loaded;
    return {
      id: task.id,
      ok: true,
      outputs: pages.map((page) => convert(page, task.format)),
      articles: pages.reduce((n, page) => n + page.articles.length, 0),
      warnings: pages.reduce((n, page) => n + warningsOf(page), 0),
    };
  } catch (error) {
    return { id: task.id, ok: false, problem: `internal error while converting: ${error instanceof Error ? error.message : String(error)}` };
  }
}
