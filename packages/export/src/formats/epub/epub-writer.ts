import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { ByteSink } from "../../collection/byte-sink.js";
import { utf8 } from "../../collection/byte-sink.js";
import {
  BOOK_STYLESHEET,
  CONTAINER_XML,
  DEFLATE_LEVEL,
  EPUB_ROOT,
  NAV_PATH,
  OPF_PATH,
  STYLESHEET_PATH,
  navXhtml,
  packageDocument,
  type EpubPage,
  type TocPage,
} from "./epub-documents.js";

/**
 * Time stamp of every file in the archive: the earliest a ZIP can hold (1980-01-01 00:00), so the
 * same pages give the same bytes. Built from local-time parts, as the ZIP library writes the
 * local-time parts of the date it is given.
 */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Most files a ZIP archive holds without ZIP64, which the ZIP library does not write. Each
 * article is one file, plus the six files of every book.
 */
export const MAX_ZIP_ENTRIES = 65_535;
const FIXED_ENTRIES = 6; // mimetype, container.xml, stylesheet, nav, package document, and one spare

/**
 * A ZIP entry whose data was compressed elsewhere: the uncompressed bytes are pushed (the
 * archive's checksum and size are of them, as the ZIP library requires of subclasses), and the
 * compressed bytes are what the entry stores.
 */
class PrecompressedFile extends ZipPassThrough {
  readonly #deflated: Uint8Array;
  constructor(path: string, deflated: Uint8Array) {
    super(path);
    this.compression = 8; // DEFLATE
    this.#deflated = deflated;
  }
  protected override process(_chunk: Uint8Array, final: boolean): void {
    if (final) this.ondata(null, this.#deflated as Uint8Array<ArrayBuffer>, true);
  }
}

/** `dcterms:modified` when no page has a date: the Unix epoch, so output stays reproducible. */
export const UNDATED_MODIFIED = "1970-01-01T00:00:00Z";

/** Options of {@link EpubWriter}. */
export interface EpubOptions {
  /** Book title; default from the pages (publication and dates, or the page title). */
  title?: string;
  /** `dcterms:modified` (`YYYY-MM-DDThh:mm:ssZ`); default the newest page date at 00:00 UTC. */
  modified?: string;
}

/** Thrown by {@link EpubWriter.end} when no page had an article: an EPUB needs one at least. */
export class EmptyEpubError extends Error {
  override name = "EmptyEpubError";
  constructor() {
    super("no page has an article, and an EPUB needs at least one chapter");
  }
}

/**
 * Writes an EPUB 3 book, one page at a time: each page's chapters (compressed by `epubPage`) are
 * handed to the sink as they come, and only the table of contents (titles and paths) is kept until the end,
 * when the navigation and package documents are written. The `mimetype` file comes first and
 * uncompressed, as the OCF container format requires.
 */
export class EpubWriter {
  readonly #sink: ByteSink;
  readonly #options: EpubOptions;
  readonly #zip: Zip;
  #pending: Uint8Array[] = [];
  #failure: Error | null = null;
  readonly #toc: TocPage[] = [];
  readonly #chapterPaths: string[] = [];
  readonly #pageIds: string[] = [];
  readonly #publications = new Set<string | null>();
  #firstDate: string | null = null;
  #lastDate: string | null = null;
  #firstTitle: string | null = null;
  #lastTitle: string | null = null;
  #pageCount = 0;
  #started = false;

  constructor(sink: ByteSink, options: EpubOptions = {}) {
    this.#sink = sink;
    this.#options = options;
    this.#zip = new Zip((error, chunk) => {
      if (error) this.#failure = error;
      else this.#pending.push(chunk);
    });
  }

  /** Adds one page's chapters (see `epubPage`). Pages without articles add nothing to the book. */
  async addPage(page: EpubPage): Promise<void> {
    if (!this.#started) this.#start();
    this.#pageCount++;
    this.#pageIds.push(page.id);
    this.#publications.add(page.publication);
    if (page.date !== null) {
      if (this.#firstDate === null || page.date < this.#firstDate) this.#firstDate = page.date;
      if (this.#lastDate === null || page.date > this.#lastDate) this.#lastDate = page.date;
    }
    this.#firstTitle ??= page.title;
    this.#lastTitle = page.title;
    if (page.chapters.length === 0) return this.#flush();
    if (this.#chapterPaths.length + page.chapters.length + FIXED_ENTRIES > MAX_ZIP_ENTRIES) {
      throw new Error(`the EPUB is full: a ZIP without ZIP64 holds at most ${MAX_ZIP_ENTRIES} files (one per article); export fewer pages per book`);
    }
    const pageNo = String(this.#pageCount).padStart(4, "0");
    const entry: TocPage = { title: page.title, chapters: [] };
    page.chapters.forEach((chapter, i) => {
      const path = `text/p${pageNo}-${String(i + 1).padStart(2, "0")}.xhtml`;
      const file = new PrecompressedFile(`${EPUB_ROOT}/${path}`, chapter.deflated);
      file.mtime = ZIP_TIME;
      this.#zip.add(file);
      file.push(chapter.xhtml as Uint8Array<ArrayBuffer>, true);
      this.#chapterPaths.push(path);
      entry.chapters.push({ path, title: chapter.title });
    });
    this.#toc.push(entry);
    return this.#flush();
  }

  /**
   * Writes the table of contents, the package document and the ZIP directory.
   * @throws EmptyEpubError when no page had an article
   */
  async end(): Promise<void> {
    if (!this.#started) this.#start();
    if (this.#chapterPaths.length === 0) throw new EmptyEpubError();
    this.#addFile(`${EPUB_ROOT}/${NAV_PATH}`, navXhtml(this.#toc));
    const metadata = {
      identifier: await this.#identifier(),
      title: this.#options.title ?? this.#defaultTitle(),
      modified: this.#options.modified ?? (this.#lastDate === null ? UNDATED_MODIFIED : `${this.#lastDate}T00:00:00Z`),
      publisher: this.#publications.size === 1 ? ([...this.#publications][0] ?? null) : null,
    };
    this.#addFile(`${EPUB_ROOT}/${OPF_PATH}`, packageDocument(metadata, this.#chapterPaths));
    this.#zip.end();
    await this.#flush();
  }

  #start(): void {
    this.#started = true;
    const mimetype = new ZipPassThrough("mimetype");
    mimetype.mtime = ZIP_TIME;
    this.#zip.add(mimetype);
    mimetype.push(utf8("application/epub+zip"), true);
    this.#addFile("META-INF/container.xml", CONTAINER_XML);
    this.#addFile(`${EPUB_ROOT}/${STYLESHEET_PATH}`, BOOK_STYLESHEET);
  }

  #addFile(path: string, text: string): void {
    const file = new ZipDeflate(path, { level: DEFLATE_LEVEL });
    file.mtime = ZIP_TIME;
    this.#zip.add(file);
    file.push(utf8(text), true);
  }

  async #flush(): Promise<void> {
    if (this.#failure) throw this.#failure;
    const chunks = this.#pending;
    this.#pending = [];
    for (const chunk of chunks) await this.#sink.write(chunk);
  }

  /** The single page's title; else publication and date range; else first and last page titles. */
  #defaultTitle(): string {
    const first = this.#firstTitle ?? "";
    if (this.#pageCount <= 1) return first;
    const publication = this.#publications.size === 1 ? ([...this.#publications][0] ?? null) : null;
    const dates = this.#firstDate === null ? null : this.#firstDate === this.#lastDate ? this.#firstDate : `${this.#firstDate} – ${this.#lastDate}`;
    const parts = [publication, dates].filter((s): s is string => s !== null && s !== "");
    if (parts.length > 0) return parts.join(" ");
    return first === this.#lastTitle ? first : `${first} … ${this.#lastTitle ?? ""}`;
  }

  /**
   * A UUID (version 8, RFC 9562) made from the SHA-256 of the page ids in book order: the same
   * pages give the same book identifier, other pages another.
   */
  async #identifier(): Promise<string> {
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", utf8(this.#pageIds.join("\n"))));
    const b = digest.slice(0, 16);
    b[6] = (b[6]! & 0x0f) | 0x80; // version 8
    b[8] = (b[8]! & 0x3f) | 0x80; // variant 10xx
    const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
