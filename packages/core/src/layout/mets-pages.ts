/**
 * A METS issue → Pages: each page's ALTO file (read through the caller, relative to the METS
 * file) parsed with the METS logical articles that fall on it.
 */
import { createHash } from "node:crypto";
import { decodeInput } from "../decode.js";
import { parseLayout } from "../parse-layout.js";
import type { Page } from "../schema.js";
import { readAlto } from "./alto.js";
import { articlesOfFile, metsHrefPath, readMetsIssue, type MetsFile } from "./mets.js";
import type { LayoutDocument } from "./model.js";
import { LayoutInputError } from "./xml.js";

/** Reads a file named by its path relative to the METS file's directory; rejects with a one-line message. */
export type ReadLinkedFile = (relativePath: string) => Promise<Uint8Array>;

/** Code of the info diagnostic telling a page's articles come from a METS logical structMap. */
export const METS_ARTICLES_CODE = "mets-articles";

interface PageFile {
  file: MetsFile;
  /** Path relative to the METS file's directory. */
  path: string;
}

/**
 * Parses the pages of a METS issue, in page order: the ALTO file of each page, its stories taken
 * from the logical articles (text they do not list is read from the geometry). Every ALTO file is
 * read and checked before the first page is given, so a missing, unreadable or malformed page
 * file fails the issue as a whole, never after some of its pages were written.
 * Each Page's source is its ALTO file (name: the path relative to the METS file, hash of its text).
 * @param text the decoded METS XML
 * @param sourceName the METS file's name, for messages
 * @param readLinked reads a page's ALTO file; `undefined` refuses the issue (its pages are elsewhere)
 * @throws LayoutInputError naming the METS file (and the ALTO file, when the problem is there)
 */
export async function* parseMetsPages(text: string, sourceName: string, readLinked: ReadLinkedFile | undefined): AsyncGenerator<Page> {
  const issue = readMetsIssue(text, sourceName);
  if (readLinked === undefined) {
    throw new LayoutInputError(sourceName, null, "a METS file's pages are in the ALTO files it lists: read it from its path, not from its bytes alone");
  }
  const pageFiles: PageFile[] = issue.altoFiles.map((file) => {
    const where = metsHrefPath(file.href);
    if (!where.ok) throw new LayoutInputError(sourceName, file.line, `ALTO file "${file.href}" (file ${file.id}) ${where.problem}`);
    return { file, path: where.path };
  });
  for (const pageFile of pageFiles) await readPageFile(pageFile, sourceName, readLinked);
  for (const pageFile of pageFiles) {
    const { doc, sha256, encoding } = await readPageFile(pageFile, sourceName, readLinked);
    doc.articles = articlesOfFile(issue.articles, pageFile.file.id);
    const note = {
      code: METS_ARTICLES_CODE,
      severity: "info" as const,
      message: `articles from the logical structMap of ${sourceName}: ${doc.articles.length} on this file`,
      span: null,
    };
    for (const page of parseLayout(doc, { sourceName: pageFile.path, sha256, format: "alto", encoding })) {
      page.diagnostics.push(note);
      yield page;
    }
  }
}

/** Reads, decodes and reads as ALTO one page file. @throws LayoutInputError naming the METS file and the ALTO file */
async function readPageFile({ file, path }: PageFile, sourceName: string, readLinked: ReadLinkedFile): Promise<{ doc: LayoutDocument; sha256: string; encoding: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readLinked(path);
  } catch (error) {
    throw new LayoutInputError(sourceName, file.line, `ALTO file ${path} (file ${file.id}): ${error instanceof Error ? error.message : String(error)}`);
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) throw new LayoutInputError(sourceName, file.line, `ALTO file ${path} (file ${file.id}): ${decoded.problem}`);
  try {
    const doc = readAlto(decoded.text, path);
    const sha256 = createHash("sha256").update(decoded.text, "utf8").digest("hex");
    return { doc, sha256, encoding: decoded.encoding };
  } catch (error) {
    // the ALTO reader's message names the ALTO file (and its line): keep it whole after the METS file's name
    if (error instanceof LayoutInputError) throw new LayoutInputError(sourceName, null, error.message);
    throw error;
  }
}
