import type { Page } from "@dubao/core";
import { collectionPart, FORMATS, pageToNinjs, renderPage, type CollectionFormat, type CollectionPart, type FormatName, type NinjsFile, type PageFormat } from "@dubao/export";
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
}

/** What one page becomes, by the layout of its format. */
export type Converted =
  | { layout: "per-page"; text: string }
  | { layout: "per-article"; files: NinjsFile[] }
  | { layout: "collection"; part: CollectionPart };

/** The result of a {@link ConvertTask}: the output and counts, or the input's one-line problem. */
export type ConvertResult =
  | { id: number; ok: true; output: Converted; articles: number; warnings: number }
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
 * Loads one page and converts it: the work of a worker thread, or of the main thread with
 * `--parallel 1`. Never throws: any failure is the result's `problem`.
 */
export async function convertPage(task: ConvertTask): Promise<ConvertResult> {
  try {
    const loaded = await loadPage(task.source, task.kind, task.sourceName, task.skipOtherJson);
    if (loaded.ok === "skipped") return { id: task.id, ok: "skipped" };
    if (!loaded.ok) return { id: task.id, ok: false, problem: loaded.problem };
    const page = loaded.page;
    return { id: task.id, ok: true, output: convert(page, task.format), articles: page.articles.length, warnings: warningsOf(page) };
  } catch (error) {
    return { id: task.id, ok: false, problem: `internal error while converting: ${error instanceof Error ? error.message : String(error)}` };
  }
}
