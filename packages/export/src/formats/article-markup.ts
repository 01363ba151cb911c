import type { Article } from "@dubao/core";
import { escapeMarkup } from "../text/escape-markup.js";

/**
 * Markup of one article, shared by the `html` page and the EPUB chapters. It uses no void
 * elements, so the same text is valid HTML and well-formed XHTML.
 *
 * Classes: `column`, `kicker`, `subtitle`, `dateline`, `byline` on the head's paragraphs,
 * `lead`, `caption` and `jump` on the body's; the headline is `<h{level}>` and subheads
 * `<h{level+1}>`.
 * @param article the article
 * @param headingLevel level of the headline (2 in a page of articles, 1 in a chapter of its own)
 */
export function articleMarkup(article: Article, headingLevel: 1 | 2): string {
  const h = `h${headingLevel}`;
  const sub = `h${headingLevel + 1}`;
  const lines: string[] = [];
  const head: string[] = [];
  if (article.column) head.push(`<p class="column">${escapeMarkup(article.column)}</p>`);
  if (article.kicker) head.push(`<p class="kicker">${escapeMarkup(article.kicker)}</p>`);
  if (article.headline) head.push(`<${h}>${escapeMarkup(article.headline)}</${h}>`);
  if (article.subheadline) head.push(`<p class="subtitle">${escapeMarkup(article.subheadline)}</p>`);
  if (article.dateline) head.push(`<p class="dateline">${escapeMarkup(article.dateline)}</p>`);
  if (article.byline) head.push(`<p class="byline">${escapeMarkup(article.byline.raw)}</p>`);
  lines.push(`<article id="${escapeMarkup(articleAnchor(article))}" class="${escapeMarkup(article.kind)}">`);
  if (head.length > 0) lines.push("<header>", ...head, "</header>");
  for (const p of article.paragraphs) {
    const text = escapeMarkup(p.text);
    if (p.role === "subhead") lines.push(`<${sub}>${text}</${sub}>`);
    else if (p.role === "body") lines.push(`<p>${text}</p>`);
    else lines.push(`<p class="${p.role}">${text}</p>`);
  }
  for (const jump of article.jumps) lines.push(`<p class="jump">${escapeMarkup(jump.raw)}</p>`);
  lines.push("</article>");
  return lines.join("\n");
}

/**
 * The `id` attribute of an article: `a-` and its id, with anything but letters, digits, `-`,
 * `_` and `.` replaced, so it is a valid XML name and fragment whatever the Page JSON held.
 */
export function articleAnchor(article: Article): string {
  return `a-${article.id.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

/**
 * Typography for Chinese text, shared by the `html` page and the EPUB: a Song (serif) face for
 * the body and a Hei (sans) face for heads from the fonts the reader has, generous line height,
 * first-line indent of two characters, justified lines with CJK line-breaking rules.
 */
export const CJK_STYLESHEET = `html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  line-height: 1.8;
  text-align: justify;
  text-justify: inter-character;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
}
h1, h2, h3, h4, .kicker, .subtitle, .column {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  line-height: 1.4;
  text-align: start;
}
p { margin: 0 0 0.6em; text-indent: 2em; }
header p, p.caption, p.jump { text-indent: 0; }
.column { font-size: 0.85em; font-weight: bold; letter-spacing: 0.1em; }
.kicker { font-size: 1.05em; margin-bottom: 0.2em; }
.subtitle { font-size: 1.1em; margin-top: 0.2em; }
.dateline, .byline, .caption, .jump { font-size: 0.9em; opacity: 0.8; }
`;
