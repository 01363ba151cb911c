import type { Article, Page } from "@dubao/core";
import { deflateSync } from "fflate";
import { utf8 } from "../../collection/byte-sink.js";
import { articleTitle, CONTENT_LANGUAGE, pageTitle } from "../../page-labels.js";
import { escapeMarkup as esc } from "../../text/escape-markup.js";
import { articleMarkup, CJK_STYLESHEET } from "../article-markup.js";

/** Folder of the publication inside the container. */
export const EPUB_ROOT = "EPUB";
/** Paths of the package files, relative to {@link EPUB_ROOT}. */
export const OPF_PATH = "content.opf";
export const NAV_PATH = "nav.xhtml";
export const STYLESHEET_PATH = "styles/book.css";

const XHTML_START = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${CONTENT_LANGUAGE}" xml:lang="${CONTENT_LANGUAGE}">`;

/** `META-INF/container.xml`: where the package document is. */
export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${EPUB_ROOT}/${OPF_PATH}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** The book's stylesheet: the shared CJK typography and a little for the page line and contents. */
export const BOOK_STYLESHEET = `${CJK_STYLESHEET}p.page { font-size: 0.8em; text-indent: 0; opacity: 0.7; }
h1 { font-size: 1.5em; margin: 0.3em 0; }
h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
nav ol { list-style: none; padding-left: 1em; }
`;

/** DEFLATE level of the book's files: the common default, a good balance of size and speed. */
export const DEFLATE_LEVEL = 6;

/**
 * One article's chapter: an XHTML document, made and compressed wherever the page is prepared
 * (a worker thread, in the CLI), so the writer only stores it in the archive.
 */
export interface EpubChapter {
  /** The chapter's title in the table of contents (see `articleTitle`). */
  title: string;
  /** The chapter's XHTML content document, as UTF-8. */
  xhtml: Uint8Array;
  /** `xhtml` compressed with raw DEFLATE at {@link DEFLATE_LEVEL}, as the ZIP entry holds it. */
  deflated: Uint8Array;
}

/** What the EPUB writer needs of one page: prepared anywhere, structured-cloneable. */
export interface EpubPage {
  /** The page id (for the book identifier). */
  id: string;
  /** The page's title in the table of contents (see `pageTitle`). */
  title: string;
  publication: string | null;
  date: string | null;
  chapters: EpubChapter[];
}

function chapterXhtml(page: Page, article: Article, title: string): string {
  return `${XHTML_START}
<head>
<title>${esc(title)}</title>
<link rel="stylesheet" type="text/css" href="../${STYLESHEET_PATH}"/>
</head>
<body>
<p class="page">${esc(pageTitle(page))}</p>
${articleMarkup(article, 1)}
</body>
</html>
`;
}

/**
 * Prepares a page for the EPUB: one chapter per article (its head, paragraphs with subheads as
 * `<h2>`, and the page it is on), compressed. Pure, so it can run on a worker thread.
 * @param page a parsed page
 */
export function epubPage(page: Page): EpubPage {
  return {
    id: page.id,
    title: pageTitle(page),
    publication: page.page.publication ?? null,
    date: page.page.date ?? null,
    chapters: page.articles.map((article) => {
      const title = articleTitle(article);
      const xhtml = utf8(chapterXhtml(page, article, title));
      return { title, xhtml, deflated: deflateSync(xhtml, { level: DEFLATE_LEVEL }) };
    }),
  };
}

/** A page in the table of contents: its title and its chapters' paths and titles. */
export interface TocPage {
  title: string;
  chapters: { path: string; title: string }[];
}

/**
 * `nav.xhtml`: the table of contents by page, each page listing its articles.
 * @param pages pages with at least one chapter, in book order
 */
export function navXhtml(pages: readonly TocPage[]): string {
  const items = pages.map((p) => {
    const first = p.chapters[0]?.path ?? "";
    const chapters = p.chapters.map((c) => `<li><a href="${esc(c.path)}">${esc(c.title)}</a></li>`).join("\n");
    return `<li><a href="${esc(first)}">${esc(p.title)}</a>\n<ol>\n${chapters}\n</ol>\n</li>`;
  });
  return `${XHTML_START}
<head>
<title>目录</title>
<link rel="stylesheet" type="text/css" href="${STYLESHEET_PATH}"/>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>目录</h1>
<ol>
${items.join("\n")}
</ol>
</nav>
</body>
</html>
`;
}

/** The metadata of the package document. */
export interface BookMetadata {
  identifier: string;
  title: string;
  /** `dcterms:modified`, `YYYY-MM-DDThh:mm:ssZ`. */
  modified: string;
  publisher: string | null;
}

/**
 * `content.opf`: metadata, manifest (contents, stylesheet, chapters) and spine (contents first,
 * then the chapters in book order).
 * @param chapterPaths every chapter's path relative to {@link EPUB_ROOT}, in book order
 */
export function packageDocument(meta: BookMetadata, chapterPaths: readonly string[]): string {
  const itemId = (i: number) => `c${i + 1}`;
  const manifest = chapterPaths.map((path, i) => `    <item id="${itemId(i)}" href="${esc(path)}" media-type="application/xhtml+xml"/>`);
  const spine = chapterPaths.map((_, i) => `    <itemref idref="${itemId(i)}"/>`);
  const publisher = meta.publisher === null ? [] : [`    <dc:publisher>${esc(meta.publisher)}</dc:publisher>`];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${CONTENT_LANGUAGE}">`,
    `  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `    <dc:identifier id="pub-id">${esc(meta.identifier)}</dc:identifier>`,
    `    <dc:title>${esc(meta.title)}</dc:title>`,
    `    <dc:language>${CONTENT_LANGUAGE}</dc:language>`,
    ...publisher,
    `    <meta property="dcterms:modified">${esc(meta.modified)}</meta>`,
    `  </metadata>`,
    `  <manifest>`,
    `    <item id="nav" href="${NAV_PATH}" media-type="application/xhtml+xml" properties="nav"/>`,
    `    <item id="css" href="${STYLESHEET_PATH}" media-type="text/css"/>`,
    ...manifest,
    `  </manifest>`,
    `  <spine>`,
    `    <itemref idref="nav"/>`,
    ...spine,
    `  </spine>`,
    `</package>`,
    ``,
  ].join("\n");
}
