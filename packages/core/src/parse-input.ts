/**
 * One entry for every input dubao reads: a page dump (text), a PDF, ALTO or hOCR, told apart by
 * their content (or named by the caller), each turned into Pages: one per page (a text dump's pages
 * are split at form feeds, as pdftotext prints them).
 */
import { createHash } from "node:crypto";
import { decodeInput } from "./decode.js";
import { readAlto } from "./layout/alto.js";
import { readHocr } from "./layout/hocr.js";
import { parseMetsPages } from "./layout/mets-pages.js";
import type { LayoutDocument, LayoutPage } from "./layout/model.js";
import { NO_UNICODE_CODE } from "./layout/pdf-garbage.js";
import { DAMAGED_PAGE_CODE, openPdf, PDF_MAGIC, PdfReadError } from "./layout/pdf-reader.js";
import { LayoutInputError } from "./layout/xml.js";
import { parseLayout } from "./parse-layout.js";
import { parseTextPages } from "./text-pages.js";
import type { Page } from "./schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";

/** Formats {@link parseInput} reads. */
export const INPUT_FORMATS = ["text", "pdf", "alto", "hocr", "mets"] as const;
/** One of {@link INPUT_FORMATS}. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Options of {@link parseInput}. */
export interface ParseInputOptions {
  /** Name of the source, usually its file name; recorded in `source.name`. Default `"input"`. */
  sourceName?: string;
  /** The input's format, or `"auto"` (the default) to tell it from the content. */
  inputFormat?: "auto" | InputFormat;
  /**
   * Reads a file a METS input points to, given as a path relative to the METS file's directory
   * (`/`-separated, never absolute, never above that directory: see the METS reader). Rejects
   * with an Error whose message is the one-line problem (e.g. "no such file or directory").
   * Without it, a METS input is refused: its pages are in other files.
   */
  readLinkedFile?: (relativePath: string) => Promise<Uint8Array>;
}

/** An input that cannot be read at all. `problem` is one line and does not name the file; `message` does. */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly sourceName: string,
    readonly problem: string,
  ) {
    super(`${sourceName}: ${problem}`);
  }
}

/** How far into a file a PDF header may start (the PDF reference allows some bytes before it). */
const PDF_HEADER_WINDOW = 1024;
/** How much of the start of a text file is searched for the XML root or hOCR's `ocr_page`. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Tells an input's format from its content: `%PDF-` near the start is a PDF; XML whose root
 * element is `alto` (any namespace) is ALTO, `mets` is METS; (X)HTML with an `ocr_page` element
 * is hOCR; anything else is a text dump.
 * @param bytes the start of the file (or all of it)
 */
export function detectInputFormat(bytes: Uint8Array): InputFormat {
  if (findPdfHeader(bytes) >= 0) return "pdf";
  if (opensAsPlainText(bytes)) return "text";
  const decoded = decodeInput(bytes.subarray(0, Math.min(bytes.length, SNIFF_CHARS)));
  // a cut in the middle of a UTF-8 sequence is no reason to call it binary: sniff leniently
  const head = decoded.ok ? decoded.text : new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_CHARS));
  return sniffMarkup(head) ?? "text";
}

/**
 * True when the first byte after an optional UTF-8 BOM and ASCII white space is a character
 * (an ASCII one, or the lead byte of a CJK character) that cannot open markup: most page dumps
 * are told apart from XML without decoding them twice. UTF-16 and anything doubtful take the
 * full sniff.
 */
function opensAsPlainText(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const first = bytes[i];
  if (first === undefined) return false;
  // printable ASCII other than `<`, or a UTF-8 lead byte of the CJK ideograph blocks (U+4E00–U+9FFF: E4–E9)
  return (first > 0x20 && first < 0x7f && first !== 0x3c) || (first >= 0xe4 && first <= 0xe9);
}

function findPdfHeader(bytes: Uint8Array): number {
  const window = bytes.subarray(0, Math.min(bytes.length, PDF_HEADER_WINDOW + PDF_MAGIC.length));
  return Buffer.from(window.buffer, window.byteOffset, window.byteLength).indexOf(PDF_MAGIC, 0, "latin1");
}

/** `alto`, `mets` or `hocr` from the start of a text, else `null`. */
function sniffMarkup(head: string): "alto" | "mets" | "hocr" | null {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (!text.startsWith("<")) return null;
  // the root element: the first tag that is no declaration, comment, doctype or processing instruction
  const prolog = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/i;
  const root = prolog.exec(text);
  const rootName = root?.[2]!.toLowerCase();
  if (rootName === "alto" || rootName === "mets") return rootName;
  if (/class\s*=\s*["'][^"']*\bocr_page\b/.test(text) && /<html\b/i.test(text)) return "hocr";
  return null;
}

/**
 * Parses any input dubao reads into Pages, one page at a time (see {@link parseInput}).
 * @throws {InputError} when the input cannot be read at all (undecodable text, a damaged or
 *   encrypted PDF, malformed XML); a PDF page that cannot be read is a Page with an error diagnostic
 */
export async function* parseInputPages(bytes: Uint8Array, options: ParseInputOptions = {}): AsyncGenerator<Page> {
  const sourceName = options.sourceName ?? "input";
  const requested = options.inputFormat ?? "auto";
  const format = requested === "auto" ? detectInputFormat(bytes) : requested;
  // a file named .pdf that is no PDF is a mistake (a download error page, a renamed file), not a dump
  if (format === "pdf" || (requested === "auto" && /\.pdf$/i.test(sourceName))) {
    yield* parsePdf(bytes, sourceName);
    return;
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) throw new InputError(sourceName, decoded.problem);
  if (format === "text") {
    yield* parseTextPages(decoded.text, { sourceName, encoding: decoded.encoding });
    return;
  }
  if (format === "mets") {
    try {
      yield* parseMetsPages(decoded.text, sourceName, options.readLinkedFile);
    } catch (error) {
      if (error instanceof LayoutInputError) throw new InputError(sourceName, layoutProblem(error));
      throw error;
    }
    return;
  }
  let doc: LayoutDocument;
  try {
    doc = format === "alto" ? readAlto(decoded.text, sourceName) : readHocr(decoded.text, sourceName);
  } catch (error) {
    if (error instanceof LayoutInputError) throw new InputError(sourceName, layoutProblem(error));
    throw error;
  }
  const sha256 = createHash("sha256").update(decoded.text, "utf8").digest("hex");
  yield* parseLayout(doc, { sourceName, sha256, format, encoding: decoded.encoding });
}

/**
 * Parses any input dubao reads into Pages: one Page per page of a text dump (pages end at form
 * feeds), a PDF, ALTO or hOCR file. The format is told from the content (`%PDF-`, an `alto` root, hOCR's
 * `ocr_page`) unless `inputFormat` names it. Every letter and digit of the input is in the Pages.
 * @param bytes the whole file
 * @param options source name and format
 * @returns the Pages, in page order
 * @throws {InputError} when the input cannot be read at all
 */
export async function parseInput(bytes: Uint8Array, options: ParseInputOptions = {}): Promise<Page[]> {
  const pages: Page[] = [];
  for await (const page of parseInputPages(bytes, options)) pages.push(page);
  return pages;
}

async function* parsePdf(bytes: Uint8Array, sourceName: string): AsyncGenerator<Page> {
  if (findPdfHeader(bytes) < 0) throw new InputError(sourceName, "not a PDF (no %PDF- header at its start)");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let pdf;
  try {
    pdf = await openPdf(bytes);
  } catch (error) {
    if (error instanceof PdfReadError) throw new InputError(sourceName, error.message);
    throw error;
  }
  if (pdf.numPages === 0) {
    await pdf.close();
    throw new InputError(sourceName, "the PDF has no pages");
  }
  const options = { sourceName, sha256, format: "pdf" as const, encoding: "binary" };
  for await (const layoutPage of pdf.pages()) {
    const id = pdf.numPages > 1 ? `${sha256.slice(0, 16)}-p${layoutPage.pageNumber}` : sha256.slice(0, 16);
    const unreadable = layoutPage.problems.find((p) => p.code === NO_UNICODE_CODE || p.code === DAMAGED_PAGE_CODE);
    if (unreadable) {
      yield unreadablePage(layoutPage, id, unreadable, options);
      continue;
    }
    // one page at a time (memory); parseLayout names a lone page by the file: give it the page's id
    const [page] = parseLayout({ format: "pdf", pages: [layoutPage] }, options);
    yield renamePage(page!, id);
  }
}

/** A Page for a PDF page that cannot be read: no articles, its text (if any) kept in `unassigned`, an error diagnostic. */
function unreadablePage(layoutPage: LayoutPage, id: string, problem: { code: string; message: string }, options: { sourceName: string; sha256: string; encoding: string }): Page {
  const n = layoutPage.pageNumber;
  const lines = layoutPage.blocks.flatMap((b) => b.lines);
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    source: { name: options.sourceName, format: "pdf", sha256: options.sha256, encoding: options.encoding },
    page: { pageNumber: n },
    articles: [],
    unassigned: lines.map((line) => ({
      text: line.words.map((w, i) => (i > 0 && w.spaceBefore ? " " : "") + w.text).join(""),
      reason: problem.code,
      spans: [{ start: 0, end: 0, line: n, endLine: n, page: n, bbox: line.box }],
    })),
    diagnostics: [{ code: problem.code, severity: "error", message: problem.message, span: null }],
  };
}

/** The Page with another id, its articles' ids (`<page id>-NN`) following. */
function renamePage(page: Page, id: string): Page {
  if (page.id === id) return page;
  const old = page.id;
  return { ...page, id, articles: page.articles.map((a) => (a.id.startsWith(`${old}-`) ? { ...a, id: `${id}${a.id.slice(old.length)}` } : a)) };
}

/** The problem of a layout file, without the file name (the caller names it). */
function layoutProblem(error: LayoutInputError): string {
  const prefix = error.line === null ? `${error.sourceName}: ` : `${error.sourceName}:${error.line}: `;
  const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return error.line === null ? problem : `line ${error.line}: ${problem}`;
}
