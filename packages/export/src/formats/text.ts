import type { Article, Page } from "@dubao/core";

/** Lines of an article's head, in the order they are written: headline first. */
function headLines(article: Article): string[] {
  const lines = [article.headline, article.kicker, article.subheadline, article.column, article.dateline, article.byline?.raw ?? null];
  return lines.filter((l): l is string => l !== null && l !== "");
}

function articleToText(article: Article): string {
  const blocks: string[] = [];
  const head = headLines(article);
  if (head.length > 0) blocks.push(head.join("\n"));
  for (const p of article.paragraphs) blocks.push(p.text);
  for (const jump of article.jumps) blocks.push(jump.raw);
  return blocks.join("\n\n");
}

/**
 * `txt`: plain text, one article after another. Each starts with its headline, then kicker,
 * subtitle, column label, dateline and byline (those it has), one a line; then its paragraphs
 * (subheads as paragraphs of their own), separated by blank lines. Two blank lines separate
 * articles. Text is written as it is, with `\n` line ends.
 * @param page a parsed page
 * @returns the text, ending in `\n`; empty for a page without articles
 */
export function pageToText(page: Page): string {
  if (page.articles.length === 0) return "";
  return `${page.articles.map(articleToText).join("\n\n\n")}\n`;
}
