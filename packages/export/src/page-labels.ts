import type { Article, Page } from "@dubao/core";

/**
 * Language of the text dubao reads: Chinese. The script (simplified or traditional) is whatever
 * the page used, so the tag names the language alone (BCP 47 `zh`).
 */
export const CONTENT_LANGUAGE = "zh";

/**
 * Longest stretch of an article's first paragraph used as its title when it has no headline,
 * kicker, subtitle or column label (a photo caption, a brief). Long enough to recognise, short
 * enough for a table of contents line.
 */
export const TITLE_FROM_TEXT_CHARS = 24;

/**
 * The page as a reader names it: publication, date, page number and page name, as far as they
 * are known, else the source file name.
 * @example "2022-06-01 第2版 要闻"
 */
export function pageTitle(page: Page): string {
  const { publication, date, pageNumber, pageName } = page.page;
  const parts = [publication, date, pageNumber === undefined ? undefined : `第${pageNumber}版`, pageName];
  const known = parts.filter((p): p is string => p !== undefined && p.trim() !== "");
  return known.length > 0 ? known.join(" ") : page.source.name;
}

/**
 * A title for an article wherever one is required (a table of contents, a document title): its
 * headline, else its subtitle, kicker or column label, else the start of its first paragraph.
 * The article's own fields say which of them was printed as the headline.
 */
export function articleTitle(article: Article): string {
  for (const candidate of [article.headline, article.subheadline, article.kicker, article.column]) {
    if (candidate !== null && candidate.trim() !== "") return candidate.replace(/\s+/g, " ").trim();
  }
  const text = article.paragraphs.find((p) => p.text.trim() !== "")?.text.replace(/\s+/g, " ").trim();
  if (text === undefined) return article.id;
  const chars = [...text];
  return chars.length <= TITLE_FROM_TEXT_CHARS ? text : `${chars.slice(0, TITLE_FROM_TEXT_CHARS).join("")}…`;
}

/** The paragraphs of an article as plain text, one paragraph a line. */
export function articleText(article: Article): string {
  return article.paragraphs.map((p) => p.text).join("\n");
}

/**
 * Names listed in a byline, by role, in the order of {@link BYLINE_ROLES}.
 * @returns pairs of role and name; empty when the article has no byline
 */
export function bylinePeople(article: Article): { role: BylineRole; name: string }[] {
  if (article.byline === null) return [];
  const byline = article.byline;
  return BYLINE_ROLES.flatMap((role) => byline[role].map((name) => ({ role, name })));
}

/** The role lists of a byline. */
export const BYLINE_ROLES = ["reporters", "correspondents", "photographers", "editors", "authors"] as const;
/** One of {@link BYLINE_ROLES}. */
export type BylineRole = (typeof BYLINE_ROLES)[number];
