import type { Article, Page } from "@dubao/core";
import { articleTitle, bylinePeople, CONTENT_LANGUAGE, type BylineRole } from "../page-labels.js";
import { escapeMarkup } from "../text/escape-markup.js";

/** The ninjs version written, and the `$id` of its JSON Schema. */
export const NINJS_VERSION = "2.1";
export const NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#";

/**
 * Offset written with a page's date in `versioncreated`: the corpus is Chinese newspapers, dated
 * in China Standard Time. ninjs has no date-only property, so the date is written as the start
 * of the publication day there (`YYYY-MM-DDT00:00:00+08:00`).
 */
export const PUBLICATION_TIME_ZONE_OFFSET = "+08:00";

/** ninjs `people[].rel` for each byline role. */
const PERSON_REL: Readonly<Record<BylineRole, string>> = {
  reporters: "reporter",
  correspondents: "correspondent",
  photographers: "photographer",
  editors: "editor",
  authors: "author",
};

/** One ninjs document (the properties dubao writes; all are ninjs 2.1 properties). */
export interface NinjsDocument {
  uri: string;
  standard: { name: "ninjs"; version: string; schema: string };
  type: "text";
  representationtype: "full";
  profile: string;
  language: string;
  versioncreated?: string;
  title: string;
  headlines: { role: string; value: string }[];
  by?: string;
  located?: string;
  people?: { name: string; rel: string }[];
  genres: { literal: string }[];
  bodies: { role: string; contenttype: string; charcount: number; value: string }[];
  altids: { role: string; value: string }[];
  infosources?: { name: string; role: string }[];
}

/**
 * The `uri` of an article: a URN from its page's source hash and its id, percent-encoded where
 * an id from a hand-made Page JSON holds characters a URI may not.
 */
export function articleUri(page: Page, article: Article): string {
  return `urn:dubao:article:${encodeURIComponent(page.source.sha256)}:${encodeURIComponent(article.id)}`;
}

/** Body paragraphs as HTML: `<p>` per paragraph, `<h2>` per subhead; every text escaped. */
function bodyHtml(article: Article): string {
  return article.paragraphs
    .map((p) => (p.role === "subhead" ? `<h2>${escapeMarkup(p.text)}</h2>` : `<p>${escapeMarkup(p.text)}</p>`))
    .join("\n");
}

/** Characters of the body text (Unicode code points), without captions, as ninjs defines it. */
function charCount(article: Article): number {
  let n = 0;
  for (const p of article.paragraphs) if (p.role !== "caption") n += [...p.text].length;
  return n;
}

/**
 * One article as an IPTC ninjs 2.1 document: `uri`, `type` text, `language`, `headlines` (roles
 * `main`, `kicker`, `sub`, `column`), `by` (the byline as printed), `located` (the dateline),
 * `people` (byline names with their roles), `bodies` (plain text, one paragraph a line, and the
 * same as HTML), `versioncreated` (the page's date), `altids` (dubao ids and the source hash).
 */
export function articleToNinjs(page: Page, article: Article): NinjsDocument {
  const headlines: { role: string; value: string }[] = [];
  if (article.headline) headlines.push({ role: "main", value: article.headline });
  if (article.kicker) headlines.push({ role: "kicker", value: article.kicker });
  if (article.subheadline) headlines.push({ role: "sub", value: article.subheadline });
  if (article.column) headlines.push({ role: "column", value: article.column });
  const people = bylinePeople(article).map(({ role, name }) => ({ name, rel: PERSON_REL[role] }));
  const chars = charCount(article);
  const { date, publication } = page.page;
  const doc: NinjsDocument = {
    uri: articleUri(page, article),
    standard: { name: "ninjs", version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    type: "text",
    representationtype: "full",
    profile: "dubao-article",
    language: CONTENT_LANGUAGE,
    ...(date ? { versioncreated: `${date}T00:00:00${PUBLICATION_TIME_ZONE_OFFSET}` } : {}),
    title: articleTitle(article),
    headlines,
    ...(article.byline ? { by: article.byline.raw } : {}),
    ...(article.dateline ? { located: article.dateline } : {}),
    ...(people.length > 0 ? { people } : {}),
    ...(publication ? { infosources: [{ name: publication, role: "originator" }] } : {}),
    genres: [{ literal: article.kind }],
    bodies: [
      { role: "main", contenttype: "text/plain", charcount: chars, value: article.paragraphs.map((p) => p.text).join("\n") },
      { role: "main", contenttype: "text/html", charcount: chars, value: bodyHtml(article) },
    ],
    altids: [
      { role: "dubao-article-id", value: article.id },
      { role: "dubao-page-id", value: page.id },
      { role: "source-sha256", value: page.source.sha256 },
    ],
  };
  return doc;
}

/** One ninjs file: its name relative to the page's output stem, and its JSON text. */
export interface NinjsFile {
  /** 1-based position of the article on the page, zero-padded to two digits, e.g. `01`. */
  suffix: string;
  /** The document as JSON (two-space indentation, final newline). */
  json: string;
}

/**
 * `ninjs`: one document per article of the page, in reading order.
 * @param page a parsed page
 */
export function pageToNinjs(page: Page): NinjsFile[] {
  return page.articles.map((article, i) => ({
    suffix: String(i + 1).padStart(2, "0"),
    json: `${JSON.stringify(articleToNinjs(page, article), null, 2)}\n`,
  }));
}
