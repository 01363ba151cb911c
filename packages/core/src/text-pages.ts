/**
 * A text dump of several pages: `pdftotext issue.pdf` prints a form feed after every page, so a
 * whole issue comes as one file. Each page is parsed on its own (stories never run across the
 * form feed: a story continued on another page says so with a jump line), and its spans are
 * offsets and lines of the whole file, with the page number, as a PDF's pages have.
 */
import { createHash } from "node:crypto";
import { allSpans } from "./layout/spans.js";
import type { ParseOptions } from "./options.js";
import { parseText } from "./parse-text.js";
import { isLineBreak } from "./pipeline/lines.js";
import type { Page } from "./schema.js";
import { isLetterOrDigitCode } from "./text/chars.js";

/** Page break of a text dump: pdftotext ends every page with one. */
const FORM_FEED = "\f";

/** One page of a text dump: its text and where it starts in the whole dump. */
export interface TextPage {
  text: string;
  /** Offset of the page's first character in the dump (UTF-16 code units). */
  start: number;
  /** 1-based line of the dump that the page's first character is on. */
  line: number;
}

/**
 * The pages of a text dump, split after each form feed. A piece without a letter or digit (the
 * form feed pdftotext prints after the last page, a blank page) stays with the page before it
 * (or, at the start, the one after), so every page has text and the pages cover the whole dump.
 * A dump without two such pages is one page: the whole input.
 * @param input the decoded dump
 */
export function splitTextPages(input: string): TextPage[] {
  const laterStarts: number[] = []; // where each page but the first begins
  let seenText = false;
  let pieceStart = 0;
  for (let at = input.indexOf(FORM_FEED); at >= 0; at = input.indexOf(FORM_FEED, at + 1)) {
    if (hasLetterOrDigit(input, pieceStart, at)) {
      if (seenText) laterStarts.push(pieceStart);
      seenText = true;
    }
    pieceStart = at + 1;
  }
  if (seenText && hasLetterOrDigit(input, pieceStart, input.length)) laterStarts.push(pieceStart);
  if (laterStarts.length === 0) return [{ text: input, start: 0, line: 1 }];

  const pages: TextPage[] = [];
  let start = 0;
  let line = 1;
  for (const end of [...laterStarts, input.length]) {
    pages.push({ text: input.slice(start, end), start, line });
    line += countLineBreaks(input, start, end);
    start = end;
  }
  return pages;
}

/**
 * Parses a text dump into one Page per page (see {@link splitTextPages}). A dump of one page
 * gives exactly what {@link parseText} gives. With several, page `n`'s id is the dump's id with
 * `-p<n>` (its articles' ids follow), its source is the whole dump (name, SHA-256), and its
 * spans point into the whole dump, with `page: n`. Never throws.
 * @param input the decoded text of the dump
 * @param options source name and encoding to record
 */
export function parseTextPages(input: string, options: ParseOptions = {}): Page[] {
  const pieces = splitTextPages(input);
  if (pieces.length === 1) return [parseText(input, options)];
  const sha256 = createHash("sha256").update(input, "utf8").digest("hex");
  return pieces.map((piece, k) => {
    // the page records the whole dump's hash: each page is not hashed on its own
    const page = parseText(piece.text, { ...options, sha256 });
    const number = k + 1;
    for (const span of allSpans(page)) {
      span.start += piece.start;
      span.end += piece.start;
      span.line += piece.line - 1;
      span.endLine += piece.line - 1;
      span.page = number;
    }
    const id = `${sha256.slice(0, 16)}-p${number}`;
    const pieceId = page.id;
    for (const article of page.articles) if (article.id.startsWith(`${pieceId}-`)) article.id = id + article.id.slice(pieceId.length);
    page.id = id;
    return page;
  });
}

function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) cp = text.codePointAt(i++)!;
    if (isLetterOrDigitCode(cp)) return true;
  }
  return false;
}

/** Line breaks from `from` to `to`, counted as the dump's lines are split (`\r\n` is one). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isLineBreak(c)) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    n++;
  }
  return n;
}
