import type { Article, Page } from "@dubao/core";
import { stringify } from "yaml";
import { escapeMarkdown, escapeMarkdownLine } from "../text/escape-markdown.js";
import { pageTitle } from "../page-labels.js";

/**
 * YAML options: no line folding (a folded headline would read back with spaces added), and
 * plain keys. Strings that YAML could mistake for something else are quoted by the library.
 */
const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** The front matter of one article (every key present; `null` when the page had none). */
function articleMeta(article: Article) {
  return {
    id: article.id,
    kind: article.kind,
    column: article.column,
    kicker: article.kicker,
    headline: article.headline,
    subtitle: article.subheadline,
    dateline: article.dateline,
    byline: article.byline,
  };
}

/** The front matter of a page: where it comes from, and the heads of its articles. */
function frontMatter(page: Page) {
  const { publication, date, pageNumber, pageName } = page.page;
  return {
    title: pageTitle(page),
    publication: publication ?? null,
    date: date ?? null,
    page: pageNumber ?? null,
    pageName: pageName ?? null,
    source: page.source.name,
    sha256: page.source.sha256,
    pageId: page.id,
    articles: page.articles.map(articleMeta),
  };
}

/**
 * Text in emphasis markers, trimmed (`* x*` would not be emphasis). Emphasis may run over line
 * breaks but not over a blank line, so text with one is written without the markers.
 */
function emphasis(marker: "*" | "**", text: string): string {
  const trimmed = text.trim();
  if (/\n[ \t]*(?:\r?\n)/.test(trimmed)) return escapeMarkdown(trimmed);
  return `${marker}${escapeMarkdown(trimmed)}${marker}`;
}

function articleToMarkdown(article: Article): string {
  const blocks: string[] = [];
  if (article.column?.trim()) blocks.push(emphasis("*", article.column));
  if (article.kicker?.trim()) blocks.push(emphasis("*", article.kicker));
  if (article.headline) blocks.push(`## ${escapeMarkdownLine(article.headline)}`);
  if (article.subheadline?.trim()) blocks.push(emphasis("**", article.subheadline));
  if (article.dateline?.trim()) blocks.push(escapeMarkdown(article.dateline.trim()));
  if (article.byline?.raw.trim()) blocks.push(escapeMarkdown(article.byline.raw.trim()));
  for (const p of article.paragraphs) {
    if (p.role === "subhead") blocks.push(`### ${escapeMarkdownLine(p.text)}`);
    else if (p.role === "caption" && p.text.trim() !== "") blocks.push(emphasis("*", p.text));
    else blocks.push(escapeMarkdown(p.text));
  }
  for (const jump of article.jumps) if (jump.raw.trim() !== "") blocks.push(emphasis("*", jump.raw));
  return blocks.join("\n\n");
}

/**
 * `md`: Markdown with YAML front matter. The front matter holds the page (title, publication,
 * date, page number and name, source file and its SHA-256) and, under `articles`, the heads of
 * each article exactly as parsed (id, kind, column, kicker, headline, subtitle, dateline, byline
 * with its roles). The body has the page title as a level-1 heading and then each article: column
 * and kicker in italics, the headline as a level-2 heading, the subtitle in bold, dateline and
 * byline, the paragraphs, subheads as level-3 headings, captions and jump lines in italics.
 * Articles are separated by a thematic break (`* * *`). All page text is escaped, so it renders
 * as written and never as Markdown or HTML; a heading is one line, so a line break inside a
 * headline or subhead is shown as a space there (the front matter keeps the headline as it is).
 * @param page a parsed page
 */
export function pageToMarkdown(page: Page): string {
  const yaml = stringify(frontMatter(page), YAML_OPTIONS);
  const title = `# ${escapeMarkdownLine(pageTitle(page))}`;
  const body = page.articles.map(articleToMarkdown).join("\n\n* * *\n\n");
  return `---\n${yaml}---\n\n${title}\n${body === "" ? "" : `\n${body}\n`}`;
}
