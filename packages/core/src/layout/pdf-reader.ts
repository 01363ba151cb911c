/**
 * The PDF reader: a PDF's text layer, page by page, into the layout model. pdf.js (the legacy
 * build of `pdfjs-dist`, which runs on Node 20) gives text runs with their transforms; this module
 * turns them into top-down boxes in PDF points, maps look-alike glyphs back, and leaves the
 * geometry to `pdf-geometry.ts`.
 *
 * pdf.js runs in this thread (no worker download, no network): its CMaps and standard font data
 * are read from the installed `pdfjs-dist` package, so PDFs whose CJK fonts are not embedded
 * still give text.
 */
import path from "node:path";
import type { LayoutDocument, LayoutPage } from "./model.js";
import { layoutRuns, type TextRun } from "./pdf-geometry.js";
import { measureReadability, NO_UNICODE_CODE, unreadableProblem } from "./pdf-garbage.js";
import { mapLookalikes } from "./pdf-glyphs.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/** A PDF that cannot be read at all (damaged, encrypted, not a PDF): `message` is one line. */
export class PdfReadError extends Error {
  override name = "PdfReadError";
}

/** Where pdf.js finds its data files: the installed package's `cmaps/` and `standard_fonts/`. */
interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
}

let pdfjsPromise: Promise<{ pdfjs: PdfJs; assets: PdfAssets }> | null = null;

/** Loads pdf.js once, on first use (the main entry stays light for text input). */
function loadPdfJs(): Promise<{ pdfjs: PdfJs; assets: PdfAssets }> {
  pdfjsPromise ??= (async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Node's own require, taken at run time as pdf.js itself does: a bundler (the reader's Next.js
    // server) would turn `createRequire(…).resolve` into one of its module numbers.
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
    // pdf.js reads these with fs in Node: file paths, with the trailing separator it requires
    const assets = { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
    return { pdfjs, assets };
  })();
  return pdfjsPromise;
}

/** The start of every PDF file. */
export const PDF_MAGIC = "%PDF-";

/** A run is horizontal (or runs down) when its direction leans less than this from the axis. */
const AXIS_TOLERANCE = 0.1;

/** An open PDF: its page count, and its pages read one at a time. */
export interface OpenPdf {
  /** Number of pages in the document. */
  numPages: number;
  /**
   * Yields the pages in order, each read into the layout model; pdf.js lets go of a page's data
   * before the next is read, so memory stays that of the document and one page. A page that
   * cannot be read is yielded empty, with a `pdf-damaged-page` problem. Closes the document at
   * the end (or when the loop stops early).
   */
  pages(): AsyncGenerator<LayoutPage>;
  /** Releases the document (needed only when {@link pages} is not run to its end). */
  close(): Promise<void>;
}

/** Diagnostic code of a PDF page pdf.js cannot read. */
export const DAMAGED_PAGE_CODE = "pdf-damaged-page";

/**
 * Opens a PDF.
 * @param bytes the whole file (not modified)
 * @throws {PdfReadError} when the file cannot be opened: damaged, encrypted, or not a PDF
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const { pdfjs, assets } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may take over the buffer it is given: give it a copy, never the caller's bytes
    data: new Uint8Array(bytes),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw new PdfReadError(describeOpenError(error));
  }
  const close = () => doc.destroy();
  async function* pages(): AsyncGenerator<LayoutPage> {
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        let page;
        try {
          page = await doc.getPage(n);
        } catch (error) {
          yield unreadablePage(n, `page ${n} cannot be read: ${oneLine(error)}`, DAMAGED_PAGE_CODE);
          continue;
        }
        let layout: LayoutPage;
        try {
          layout = await readPage(pdfjs, page, n);
        } catch (error) {
          layout = unreadablePage(n, `page ${n}'s text cannot be read: ${oneLine(error)}`, DAMAGED_PAGE_CODE);
        } finally {
          page.cleanup();
        }
        // pdf.js caches every font it parsed for the whole document: drop them, or an issue's
        // pages pile up (a Chromium page embeds a hundred font subsets or more)
        await doc.cleanup();
        yield layout;
      }
    } finally {
      await close();
    }
  }
  return { numPages: doc.numPages, pages, close };
}

/**
 * Opens a PDF and yields its pages one at a time (see {@link OpenPdf.pages}).
 * @throws {PdfReadError} when the file cannot be opened
 */
export async function* readPdfPages(bytes: Uint8Array): AsyncGenerator<LayoutPage> {
  yield* (await openPdf(bytes)).pages();
}

/**
 * Reads a whole PDF into the layout model (every page in memory; see {@link readPdfPages} to go
 * page by page).
 * @throws {PdfReadError} when the file cannot be opened
 */
export async function readPdf(bytes: Uint8Array): Promise<LayoutDocument> {
  const pages: LayoutPage[] = [];
  for await (const page of readPdfPages(bytes)) pages.push(page);
  return { format: "pdf", pages };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;

async function readPage(pdfjs: PdfJs, page: PdfPage, pageNumber: number): Promise<LayoutPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  let rawText = "";
  let pendingSpace = false;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    rawText += item.str;
    const tx = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    const [a, b, c, d, e, f] = tx as [number, number, number, number, number, number];
    const size = Math.hypot(c, d);
    if (item.str === "" || size === 0) continue;
    const vertical = content.styles[item.fontName]?.vertical === true;
    if (item.str.trim() === "") {
      // a space the PDF draws (or pdf.js puts in for a gap): the next run starts a new word
      pendingSpace = true;
      continue;
    }
    const scale = Math.hypot(a, b);
    const dx = scale === 0 ? 1 : a / scale;
    const dy = scale === 0 ? 0 : b / scale;
    let direction: TextRun["direction"];
    if (vertical || (Math.abs(dx) < AXIS_TOLERANCE && dy > 0)) direction = "down";
    else if (Math.abs(dy) < AXIS_TOLERANCE && dx > 0) direction = "horizontal";
    else direction = "other";
    runs.push({
      text: mapLookalikes(item.str),
      x: e,
      y: f,
      size: Math.round(size * 100) / 100,
      advance: vertical ? item.height : item.width,
      direction,
      dx,
      dy,
      spaceBefore: pendingSpace,
    });
    pendingSpace = false;
  }
  const source = { start: 0, end: 0, line: pageNumber };
  const blocks = layoutRuns(runs, source, `p${pageNumber}-`);
  const problem = unreadableProblem(measureReadability(rawText));
  return {
    pageNumber,
    width: round2(viewport.width),
    height: round2(viewport.height),
    unit: "pt",
    blocks,
    explicitOrder: false,
    problems: problem === null ? [] : [{ code: NO_UNICODE_CODE, message: problem }],
  };
}

function unreadablePage(pageNumber: number, message: string, code: string): LayoutPage {
  return { pageNumber, width: 0, height: 0, unit: "pt", blocks: [], explicitOrder: false, problems: [{ code, message }] };
}

/** A one-line reason a PDF cannot be opened, from pdf.js's exception. */
function describeOpenError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return "encrypted PDF: it needs a password (dubao reads only unencrypted PDFs)";
  if (name === "InvalidPDFException") return `damaged or truncated PDF (${oneLine(error)})`;
  return `cannot read this PDF (${oneLine(error)})`;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim() || "unknown error";
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
