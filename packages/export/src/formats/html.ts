import type { Page } from "@dubao/core";
import { CONTENT_LANGUAGE, pageTitle } from "../page-labels.js";
import { escapeMarkup } from "../text/escape-markup.js";
import { articleMarkup, CJK_STYLESHEET } from "./article-markup.js";

/**
 * The page is inert: it loads nothing and runs nothing, whatever the text holds. Styles are the
 * inline `<style>` below; no scripts, images, fonts, frames or forms.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const PAGE_STYLESHEET = `${CJK_STYLESHEET}:root { color-scheme: light dark; }
body { max-width: 38em; margin: 0 auto; padding: 2em 1.25em 4em; font-size: 1.125rem; }
body > header { border-bottom: 1px solid; margin-bottom: 2em; }
body > header h1 { font-size: 1.4em; margin: 0 0 0.3em; }
body > header p { font-size: 0.85em; opacity: 0.75; }
article { margin: 0 0 2.5em; }
article + article { border-top: 1px solid rgba(128, 128, 128, 0.4); padding-top: 2em; }
article h2 { font-size: 1.6em; margin: 0.2em 0; }
article h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
`;

/**
 * The line under the page title: the source file (unless it is the title already) and the page's
 * running head when it has one.
 */
function sourceLine(page: Page): string {
  const parts = pageTitle(page) === page.source.name ? [] : [page.source.name];
  if (page.page.header) parts.push(page.page.header);
  return parts.join(" · ");
}

/**
 * `html`: a standalone HTML page (no outside resources, a Content-Security-Policy that forbids
 * everything but its inline styles), `lang="zh"`, CJK typography, every text escaped. The page
 * title and source come first, then each article: head (column, kicker, headline, subtitle,
 * dateline, byline) and paragraphs, subheads as `<h3>`.
 * @param page a parsed page
 */
export function pageToHtml(page: Page): string {
  const title = escapeMarkup(pageTitle(page));
  const articles = page.articles.map((a) => articleMarkup(a, 2)).join("\n");
  return `<!DOCTYPE html>
<html lang="${CONTENT_LANGUAGE}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dubao">
<title>${title}</title>
<style>
${PAGE_STYLESHEET}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${sourceLine(page) === "" ? "" : `<p>${escapeMarkup(sourceLine(page))}</p>\n`}</header>
<main>
${articles}
</main>
</body>
</html>
`;
}
