"use server";

import { isIsoDate, LibraryError, loadPageInputs, MAX_PAGE_INPUT_BYTES, overridesForPage, resolvePageMeta, type PageMetaOverrides, type PageToImport } from "@dubao/library";
import type { Page } from "@dubao/core";
import { env } from "@/lib/env";
import { getLibrary } from "@/lib/library";
import { MAX_PUBLICATION_CHARS, MAX_UPLOAD_BYTES } from "@/lib/upload-limits";
import { describeUploadProblem } from "@/lib/upload-problems";
import type { PreviewPage, UploadPreview, UploadState } from "./upload-state";

/** Characters of each article's opening shown in the preview. */
const EXCERPT_CHARS = 60;

function overridesOf(form: FormData): PageMetaOverrides | string {
  const publication = String(form.get("publication") ?? "").trim();
  const date = String(form.get("date") ?? "").trim();
  const page = String(form.get("page") ?? "").trim();
  const out: PageMetaOverrides = {};
  if (publication !== "") {
    if (publication.length > MAX_PUBLICATION_CHARS) return `报刊名称太长（最多 ${MAX_PUBLICATION_CHARS} 个字）`;
    out.publication = publication;
  }
  if (date !== "") {
    if (!isIsoDate(date)) return `日期“${date}”无效，应为 YYYY-MM-DD`;
    out.date = date;
  }
  if (page !== "") {
    const n = Number(page);
    if (!Number.isInteger(n) || n < 1 || n > 999) return `版次“${page}”无效，应为 1 至 999 的整数`;
    out.pageNumber = n;
  }
  return out;
}

/**
 * Reads the upload: a file, or pasted text. Checks the size before reading a file's bytes.
 * @returns the bytes and a source name, or the problem to show
 */
async function inputOf(form: FormData): Promise<{ bytes: Uint8Array; name: string } | string> {
  const file = form.get("file");
  const text = String(form.get("text") ?? "");
  const hasFile = file instanceof File && file.size > 0;
  if (hasFile && text.trim() !== "") return "请只提供一种：上传文件，或粘贴文本";
  if (hasFile) {
    if (file.size > MAX_UPLOAD_BYTES) return describeUploadProblem(`file too large (${(file.size / 2 ** 20).toFixed(1)} MiB)`);
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || "upload.txt" };
  }
  if (text.trim() === "") return "请上传一个版面文件，或粘贴版面文本";
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_UPLOAD_BYTES) return describeUploadProblem(`file too large (${(bytes.length / 2 ** 20).toFixed(1)} MiB)`);
  return { bytes, name: "pasted.txt" };
}

/** Largest upload of any format: a page dump, Page JSON, or a PDF of a few pages. */
const UPLOAD_LIMIT_BYTES = Math.min(MAX_UPLOAD_BYTES, MAX_PAGE_INPUT_BYTES);

/**
 * Parses the upload into its pages, as `dubao import` does: a text dump (one page per form-feed
 * page), Page JSON, PDF, ALTO or hOCR. A METS issue is refused (its pages are in the ALTO files it
 * lists, which an upload of one file does not carry).
 * @returns the pages in input order, or the problem to show
 */
async function pagesOf(input: { bytes: Uint8Array; name: string }): Promise<PageToImport[] | string> {
  const pages: PageToImport[] = [];
  for await (const loaded of loadPageInputs(input.bytes, input.name, { maxBytes: UPLOAD_LIMIT_BYTES, maxPdfBytes: UPLOAD_LIMIT_BYTES })) {
    if (!loaded.ok) return `${input.name}：${describeUploadProblem(loaded.problem)}`;
    pages.push({ page: loaded.page, raw: loaded.raw });
  }
  return pages.length > 0 ? pages : `${input.name}：${describeUploadProblem("no pages")}`;
}

/** One page as the preview shows it, filed where saving would file it. */
function previewPage(page: Page, overrides: PageMetaOverrides): PreviewPage {
  const meta = resolvePageMeta(page, overrides);
  return {
    publication: meta.publication === "" ? null : meta.publication,
    date: meta.date === "" ? null : meta.date,
    pageNumber: meta.pageNumber,
    pageName: meta.pageName,
    unassigned: page.unassigned.length,
    diagnostics: page.diagnostics.length,
    articles: page.articles.map((a) => ({
      kind: a.kind,
      kicker: a.kicker,
      headline: a.headline,
      subheadline: a.subheadline,
      byline: a.byline?.raw ?? null,
      paragraphs: a.paragraphs.length,
      excerpt: Array.from(a.paragraphs.find((p) => p.role !== "subhead")?.text ?? "").slice(0, EXCERPT_CHARS).join(""),
    })),
  };
}

/**
 * The upload form's action: `intent=preview` parses and shows the result, `intent=save` parses
 * and imports the input's pages in one transaction (all or none: nothing is half-saved).
 */
export async function uploadAction(_previous: UploadState, form: FormData): Promise<UploadState> {
  if (env.DUBAO_UPLOAD !== "on") return { status: "error", message: "这个文库不接受上传" };
  const intent = form.get("intent") === "save" ? "save" : "preview";
  const overrides = overridesOf(form);
  if (typeof overrides === "string") return { status: "error", message: overrides };
  const input = await inputOf(form);
  if (typeof input === "string") return { status: "error", message: input };
  const pages = await pagesOf(input);
  if (typeof pages === "string") return { status: "error", message: pages };
  const first = pages[0]!;
  try {
    if (intent === "save") {
      const results = (await getLibrary()).importPages(pages, overrides);
      return {
        status: "saved",
        sourceName: first.page.source.name,
        pages: results.map((r) => ({ pageId: r.pageId, articleCount: r.articleCount, duplicate: r.status === "duplicate" })),
      };
    }
    const preview: UploadPreview = {
      sourceName: first.page.source.name,
      encoding: first.page.source.encoding,
      characters: first.raw === null ? null : first.raw.length,
      pages: pages.map(({ page }, index) => previewPage(page, overridesForPage(overrides, index))),
    };
    return { status: "preview", preview };
  } catch (error) {
    if (error instanceof LibraryError) return { status: "error", message: error.message };
    throw error;
  }
}
