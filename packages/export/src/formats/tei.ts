import type { Article, Page, Paragraph } from "@dubao/core";
import { CONTENT_LANGUAGE, pageTitle } from "../page-labels.js";
import { escapeMarkup as esc } from "../text/escape-markup.js";
import { articleAnchor } from "./article-markup.js";

/** The TEI namespace. */
export const TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0";

const indent = (depth: number) => "  ".repeat(depth);

/** Elements of the TEI header's `<sourceDesc>`: the printed page this file transcribes. */
function bibl(page: Page, depth: number): string[] {
  const { publication, date, pageNumber, pageName } = page.page;
  const i = indent(depth + 1);
  const lines = [`${indent(depth)}<bibl>`];
  if (publication) lines.push(`${i}<title level="j">${esc(publication)}</title>`);
  if (date) lines.push(`${i}<date when="${esc(date)}">${esc(date)}</date>`);
  if (pageNumber !== undefined) lines.push(`${i}<biblScope unit="page" n="${pageNumber}">${pageNumber}</biblScope>`);
  if (pageName) lines.push(`${i}<title level="a" type="section">${esc(pageName)}</title>`);
  lines.push(`${i}<idno type="filename">${esc(page.source.name)}</idno>`);
  lines.push(`${i}<idno type="sha256">${esc(page.source.sha256)}</idno>`);
  lines.push(`${indent(depth)}</bibl>`);
  return lines;
}

function paragraph(p: Paragraph, depth: number): string {
  const rend = p.role === "body" ? "" : ` rend="${p.role}"`;
  return `${indent(depth)}<p${rend}>${esc(p.text)}</p>`;
}

/**
 * An article as `<div type="article">`: heads (`<head type="column|kicker|main|sub">`), then
 * `<dateline>` and `<byline>`, then paragraphs; a subhead opens a `<div type="section">` with
 * its `<head>`, as TEI wants heads at the start of a division.
 */
function articleDiv(article: Article, depth: number): string[] {
  const i = indent(depth + 1);
  const lines = [`${indent(depth)}<div type="article" subtype="${esc(article.kind)}" xml:id="${esc(articleAnchor(article))}">`];
  if (article.column) lines.push(`${i}<head type="column">${esc(article.column)}</head>`);
  if (article.kicker) lines.push(`${i}<head type="kicker">${esc(article.kicker)}</head>`);
  if (article.headline) lines.push(`${i}<head type="main">${esc(article.headline)}</head>`);
  if (article.subheadline) lines.push(`${i}<head type="sub">${esc(article.subheadline)}</head>`);
  if (article.dateline) lines.push(`${i}<dateline>${esc(article.dateline)}</dateline>`);
  if (article.byline) lines.push(`${i}<byline>${esc(article.byline.raw)}</byline>`);

  // TEI wants content in every division: an article with heads only, or a section with a head
  // only, gets an empty paragraph.
  if (article.paragraphs.length === 0) lines.push(`${i}<p/>`);
  let section: { empty: boolean } | null = null;
  const closeSection = () => {
    if (section === null) return;
    if (section.empty) lines.push(`${i}  <p/>`);
    lines.push(`${i}</div>`);
  };
  for (const p of article.paragraphs) {
    if (p.role === "subhead") {
      closeSection();
      lines.push(`${i}<div type="section">`, `${i}  <head>${esc(p.text)}</head>`);
      section = { empty: true };
    } else {
      lines.push(paragraph(p, depth + (section === null ? 1 : 2)));
      if (section !== null) section.empty = false;
    }
  }
  for (const jump of article.jumps) {
    const n = jump.page === null ? "" : ` n="${jump.page}"`;
    lines.push(`${indent(depth + (section === null ? 1 : 2))}<note type="${jump.direction}"${n}>${esc(jump.raw)}</note>`);
  }
  closeSection();
  lines.push(`${indent(depth)}</div>`);
  return lines;
}

/**
 * `tei`: a TEI P5 document of one page. The header names the page (title from publication, date,
 * page number and name) and its source (`<bibl>` with the file name and SHA-256); the body holds
 * one `<div type="article">` per article (see the article markup above) in reading order.
 * @param page a parsed page
 */
export function pageToTei(page: Page): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<TEI xmlns="${TEI_NAMESPACE}" xml:lang="${CONTENT_LANGUAGE}">`,
    `  <teiHeader>`,
    `    <fileDesc>`,
    `      <titleStmt>`,
    `        <title>${esc(pageTitle(page))}</title>`,
    `      </titleStmt>`,
    `      <publicationStmt>`,
    `        <p>Converted by dubao from the page dump ${esc(page.source.name)}.</p>`,
    `      </publicationStmt>`,
    `      <sourceDesc>`,
    ...bibl(page, 4),
    `      </sourceDesc>`,
    `    </fileDesc>`,
    `  </teiHeader>`,
    `  <text>`,
    `    <body>`,
    ...page.articles.flatMap((a) => articleDiv(a, 3)),
  ];
  // TEI wants some content in a body: a page without articles gets an empty paragraph.
  if (page.articles.length === 0) lines.push(`      <p/>`);
  lines.push(`    </body>`, `  </text>`, `</TEI>`, ``);
  return lines.join("\n");
}
