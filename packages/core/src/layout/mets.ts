/**
 * METS → an issue: the ALTO files of its pages (from the `fileSec` and the physical `structMap`)
 * and its logical articles: every `div` of `TYPE` ARTICLE (any case) in a `structMap` of `TYPE`
 * LOGICAL, with the ALTO block ids its `area` elements point to (`BEGIN`, in the file `FILEID`),
 * in document order.
 */
import type { LayoutDocument } from "./model.js";
import { LayoutInputError, walkXml } from "./xml.js";

/** Logical articles of a METS file, as the layout model takes them. */
export type MetsArticles = NonNullable<LayoutDocument["articles"]>;

/** One `area` of a logical article: a block (or block group) id, in the ALTO file `fileId` when the area names one. */
export interface MetsArea {
  fileId: string | null;
  begin: string;
}

/** A logical article with the areas it is made of, in reading order. */
export interface MetsArticle {
  id: string;
  areas: MetsArea[];
}

/** A file of the `fileSec`. */
export interface MetsFile {
  /** `ID` of the `file` element. */
  id: string;
  /** `xlink:href` of its `FLocat`, as written. */
  href: string;
  /** Line of the `file` element in the METS file, for messages. */
  line: number;
}

/** What dubao reads of a METS file. */
export interface MetsIssue {
  /** The ALTO files of the issue's pages, in page order. */
  altoFiles: MetsFile[];
  /** The logical articles. */
  articles: MetsArticle[];
}

/** `fileGrp USE` values of full-text (ALTO) groups, as archives write them (DFG viewer, Europeana, ENMAP, LoC). */
const TEXT_GROUP_USE = /^(?:alto|fulltext|ocr|text|ocr-d-ocr)\b/iu;
/** MIME types of ALTO files: any XML type (text/xml, application/xml, application/alto+xml, application/vnd.alto+xml). */
const XML_MIME = /xml/iu;
/** File names of XML files, for files listed without a MIME type. */
const XML_NAME = /\.xml$/iu;

interface PendingFile extends MetsFile {
  mime: string | null;
  groupUse: string | null;
}

/**
 * Reads what dubao needs of a METS file: the ALTO file of each page and the logical articles.
 * A file is an ALTO file when its `fileGrp USE` is a full-text group (FULLTEXT, ALTO, OCR…), or,
 * outside such groups, when its MIME type (else its name) is XML. Pages follow the physical
 * `structMap` (a page's first ALTO file), else the `fileSec` order.
 * @param text the decoded METS XML
 * @param sourceName the file name, for error messages
 * @throws LayoutInputError for malformed or malicious XML, a file that is not METS, a file without
 *   a logical structMap, or one that lists no ALTO file
 */
export function readMetsIssue(text: string, sourceName: string): MetsIssue {
  const articles: MetsArticle[] = [];
  const files: PendingFile[] = [];
  const physicalOrder: string[][] = [];
  let sawRoot = false;
  let sawLogical = false;
  let depth = 0;
  let logicalDepth = 0;
  let physicalDepth = 0;
  let groupUses: (string | null)[] = [];
  let file: PendingFile | null = null;
  let article: { value: MetsArticle; depth: number } | null = null;
  let pageDiv: { fileIds: string[]; depth: number } | null = null;

  walkXml(text, sourceName, {
    open(el) {
      depth++;
      const type = (el.attrs.TYPE ?? "").toUpperCase();
      switch (el.name) {
        case "mets":
          if (depth === 1) sawRoot = true;
          break;
        case "fileGrp":
          groupUses = [...groupUses, el.attrs.USE ?? null];
          break;
        case "file":
          file = { id: el.attrs.ID ?? "", href: "", line: el.line, mime: el.attrs.MIMETYPE ?? null, groupUse: groupUses.findLast((u) => u !== null) ?? null };
          break;
        case "FLocat":
          if (file && file.href === "") file.href = (el.attrs.href ?? "").trim();
          break;
        case "structMap":
          if (type === "LOGICAL") {
            logicalDepth = depth;
            sawLogical = true;
          } else if (type === "PHYSICAL" && physicalDepth === 0) physicalDepth = depth;
          break;
        case "div":
          if (logicalDepth > 0 && !article && type === "ARTICLE") {
            article = { value: { id: el.attrs.ID ?? `article-${articles.length + 1}`, areas: [] }, depth };
          } else if (physicalDepth > 0 && !pageDiv && type === "PAGE") {
            pageDiv = { fileIds: [], depth };
          }
          break;
        case "fptr":
          if (pageDiv && el.attrs.FILEID) pageDiv.fileIds.push(el.attrs.FILEID);
          break;
        case "area":
          if (article && el.attrs.BEGIN) {
            const area = { fileId: el.attrs.FILEID ?? null, begin: el.attrs.BEGIN };
            if (!article.value.areas.some((a) => a.fileId === area.fileId && a.begin === area.begin)) article.value.areas.push(area);
          } else if (pageDiv && el.attrs.FILEID) pageDiv.fileIds.push(el.attrs.FILEID);
          break;
      }
    },
    close(el) {
      switch (el.name) {
        case "fileGrp":
          groupUses = groupUses.slice(0, -1);
          break;
        case "file":
          if (file && file.id !== "" && file.href !== "") files.push(file);
          file = null;
          break;
        case "div":
          if (article && depth === article.depth) {
            if (article.value.areas.length > 0) articles.push(article.value);
            article = null;
          } else if (pageDiv && depth === pageDiv.depth) {
            physicalOrder.push(pageDiv.fileIds);
            pageDiv = null;
          }
          break;
        case "structMap":
          if (depth === logicalDepth) logicalDepth = 0;
          if (depth === physicalDepth) physicalDepth = -1;
          break;
      }
      depth--;
    },
  });
  if (!sawRoot) throw new LayoutInputError(sourceName, null, "not a METS file (no <mets> root element)");
  if (!sawLogical) throw new LayoutInputError(sourceName, null, 'no logical structMap (structMap TYPE="LOGICAL"): without its articles, parse the ALTO files themselves');
  const altoFiles = pageFiles(files, physicalOrder, articles);
  if (altoFiles.length === 0) throw new LayoutInputError(sourceName, null, 'lists no ALTO file (a fileSec file in a fileGrp USE="FULLTEXT" or "ALTO", or of an XML MIME type)');
  return { altoFiles: altoFiles.map(({ id, href, line }) => ({ id, href, line })), articles };
}

/** The ALTO file of each page: by the physical structMap when it names any, else every ALTO file of the fileSec. */
function pageFiles(files: readonly PendingFile[], physicalOrder: readonly string[][], articles: readonly MetsArticle[]): PendingFile[] {
  const inTextGroups = files.some((f) => f.groupUse !== null && TEXT_GROUP_USE.test(f.groupUse));
  const isAlto = (f: PendingFile) => (inTextGroups ? f.groupUse !== null && TEXT_GROUP_USE.test(f.groupUse) : f.mime !== null ? XML_MIME.test(f.mime) : XML_NAME.test(f.href));
  // files the logical areas point into are ALTO whatever their group says
  const named = new Set(articles.flatMap((a) => a.areas.map((area) => area.fileId)));
  const alto = new Map(files.filter((f) => isAlto(f) || named.has(f.id)).map((f) => [f.id, f]));
  const out: PendingFile[] = [];
  const taken = new Set<string>();
  for (const ids of physicalOrder) {
    const id = ids.find((i) => alto.has(i) && !taken.has(i));
    if (id === undefined) continue;
    taken.add(id);
    out.push(alto.get(id)!);
  }
  return out.length > 0 ? out : [...alto.values()];
}

/**
 * The logical articles on one ALTO file, as the layout model takes them: areas naming that file,
 * or naming no file at all.
 * @param articles the issue's articles
 * @param fileId `ID` of the ALTO file in the fileSec
 */
export function articlesOfFile(articles: readonly MetsArticle[], fileId: string): MetsArticles {
  return articles
    .map((a) => ({ id: a.id, blockIds: [...new Set(a.areas.filter((area) => area.fileId === null || area.fileId === fileId).map((area) => area.begin))] }))
    .filter((a) => a.blockIds.length > 0);
}

/**
 * Reads the logical articles of a METS file, whatever files they point into.
 * @param text the decoded METS XML
 * @param sourceName the file name, for error messages
 * @returns one entry per article with the ids of its ALTO blocks (or block groups)
 * @throws LayoutInputError for malformed or malicious XML, or a file without a logical structMap
 */
export function readMets(text: string, sourceName: string): MetsArticles {
  const articles: MetsArticles = [];
  let logicalDepth = 0;
  let sawLogical = false;
  let article: { id: string; blockIds: string[]; depth: number } | null = null;
  let depth = 0;
  walkXml(text, sourceName, {
    open(el) {
      depth++;
      if (el.name === "structMap" && (el.attrs.TYPE ?? "").toUpperCase() === "LOGICAL") {
        logicalDepth = depth;
        sawLogical = true;
      }
      if (logicalDepth === 0) return;
      if (el.name === "div" && !article && (el.attrs.TYPE ?? "").toUpperCase() === "ARTICLE") {
        article = { id: el.attrs.ID ?? `article-${articles.length + 1}`, blockIds: [], depth };
      } else if (el.name === "area" && article && el.attrs.BEGIN) {
        if (!article.blockIds.includes(el.attrs.BEGIN)) article.blockIds.push(el.attrs.BEGIN);
      }
    },
    close(el) {
      if (article && el.name === "div" && depth === article.depth) {
        if (article.blockIds.length > 0) articles.push({ id: article.id, blockIds: article.blockIds });
        article = null;
      }
      if (el.name === "structMap" && depth === logicalDepth) logicalDepth = 0;
      depth--;
    },
  });
  if (!sawLogical) throw new LayoutInputError(sourceName, null, "no logical structMap (structMap TYPE=\"LOGICAL\") in this METS file");
  return articles;
}

/** URL schemes besides `file:`: a METS file pointing at the web or a repository is not read from disk. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/iu;

/**
 * Where a `FLocat` href points, as a path relative to the METS file's directory (`/`-separated,
 * normalised), or the one-line reason it cannot be read: dubao reads only files inside that
 * directory (so a METS file cannot make it read `/etc/passwd` or `../../secret.xml`).
 * Accepts `ALTO/0001.xml`, `./ALTO/0001.xml`, `file://./ALTO/0001.xml`, `file:ALTO/0001.xml`,
 * percent-encoded names and backslashes.
 * @param href the `xlink:href` as written
 */
export function metsHrefPath(href: string): { ok: true; path: string } | { ok: false; problem: string } {
  let h = href.trim();
  if (/^file:/iu.test(h)) h = h.replace(/^file:(?:\/\/(?=\.)|\/\/localhost(?=\/)|)/iu, "");
  else if (URL_SCHEME.test(h)) return { ok: false, problem: "is a URL, not a file beside the METS file" };
  try {
    h = decodeURIComponent(h);
  } catch {
    return { ok: false, problem: "is not a valid percent-encoded path" };
  }
  h = h.replace(/\\/gu, "/");
  if (h.startsWith("/") || /^[a-z]:/iu.test(h)) return { ok: false, problem: "is an absolute path: only files in the METS file's directory are read" };
  const parts: string[] = [];
  for (const part of h.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return { ok: false, problem: "points outside the METS file's directory" };
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0) return { ok: false, problem: "names no file" };
  return { ok: true, path: parts.join("/") };
}
