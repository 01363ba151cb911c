import type { Article, Page } from "@dubao/core";
import { indexTerms } from "../search/index-terms.js";
import type { Db } from "../store/database.js";
import { statements } from "../store/statements.js";
import { pageSourceKey, sourcePageOf } from "./page-key.js";
import { resolvePageMeta, type PageMetaOverrides, type ResolvedPageMeta } from "./page-meta.js";

/** What importing one page did. */
export interface ImportResult {
  /** `duplicate`: a page with the same source hash was already in the library; nothing changed. */
  status: "imported" | "duplicate";
  pageId: number;
  articleCount: number;
  /** Where the page is filed (for a duplicate, where the earlier import filed it). */
  meta: Pick<ResolvedPageMeta, "publication" | "date" | "pageNumber">;
}

/** Byline roles as stored in `article_people.role`, with the Byline field that lists them. */
export const PERSON_ROLES = [
  ["reporter", "reporters"],
  ["correspondent", "correspondents"],
  ["photographer", "photographers"],
  ["editor", "editors"],
  ["author", "authors"],
] as const;

/** A role someone has in an article's byline. */
export type PersonRole = (typeof PERSON_ROLES)[number][0];

/** Length of the source-hash prefix in public article ids, as in `Page.id`. */
const KEY_HASH_CHARS = 16;

/**
 * The public id of an article: its page's source hash prefix and its place in reading order.
 * Stable across databases for the same source, so links keep working after a re-import.
 */
export function articleKey(sourceSha256: string, seq: number): string {
  return `${sourceSha256.slice(0, KEY_HASH_CHARS)}-${seq}`;
}

/** A parsed page to import, with the decoded dump its spans point into (if known). */
export interface PageToImport {
  page: Page;
  raw: string | null;
}

/**
 * Imports one page in one transaction: either the page with all its articles, people and search
 * terms is stored, or (on any error, or if the process dies) nothing is. A page whose source hash
 * (and page, for a source of several pages: see {@link pageSourceKey}) is already in the library
 * is not imported again.
 * @param db an open library database
 * @param page the parsed page
 * @param raw the decoded dump the page's spans point into, if known
 * @param overrides publication, date and page number given by the user
 * @throws LibraryError when an override is malformed
 */
export function importPage(db: Db, page: Page, raw: string | null, overrides: PageMetaOverrides = {}): ImportResult {
  return importPages(db, [{ page, raw }], overrides)[0]!;
}

/**
 * Imports the pages of one input (a dump of several pages, a PDF issue) in one transaction: all
 * of them or none. A page number given by the user is the first page's; the pages after it count
 * on from it, as they follow in the input. Pages already in the library are left as they are
 * (`duplicate`), as {@link importPage} does.
 * @param db an open library database
 * @param pages the pages, in input order
 * @param overrides publication, date and first page number given by the user
 * @returns what happened to each page, in the same order
 * @throws LibraryError when an override is malformed (before anything is stored)
 */
export function importPages(db: Db, pages: readonly PageToImport[], overrides: PageMetaOverrides = {}): ImportResult[] {
  const metas = pages.map(({ page }, n) => resolvePageMeta(page, overridesForPage(overrides, n)));
  return db.transaction(() => pages.map(({ page, raw }, n) => storePage(db, page, raw, metas[n]!))).immediate();
}

/**
 * The overrides of the input's page at `index`: its page number counts on from the one given.
 * @param overrides the user's overrides for the whole input
 * @param index the page's place in the input, from 0
 */
export function overridesForPage(overrides: PageMetaOverrides, index: number): PageMetaOverrides {
  return overrides.pageNumber === undefined ? overrides : { ...overrides, pageNumber: overrides.pageNumber + index };
}

/** Stores one page (inside the caller's transaction), unless its source key is stored already. */
function storePage(db: Db, page: Page, raw: string | null, meta: ResolvedPageMeta): ImportResult {
  const s = statements(db);
  const key = pageSourceKey(page);
  const existing = s.pageByKey.get(key) as
    | { id: number; publication: string; date: string; page_number: number | null; articles: number }
    | undefined;
  if (existing) {
    return {
      status: "duplicate",
      pageId: existing.id,
      articleCount: existing.articles,
      meta: { publication: existing.publication, date: existing.date, pageNumber: existing.page_number },
    };
  }
  s.insertPublication.run(meta.publication);
  const publicationId = (s.publicationId.raw().get(meta.publication) as [number])[0];
  s.insertIssue.run(publicationId, meta.date);
  const issueId = (s.issueId.raw().get(publicationId, meta.date) as [number])[0];
  const pageId = Number(
    s.insertPage.run(
      issueId,
      meta.pageNumber,
      meta.pageName,
      page.source.name,
      page.source.format,
      page.source.encoding,
      key,
      page.source.sha256,
      sourcePageOf(page),
      raw,
      JSON.stringify(page),
      new Date().toISOString(),
    ).lastInsertRowid,
  );
  page.articles.forEach((article, index) => {
    const seq = index + 1;
    const bodyText = article.paragraphs.map((p) => p.text).join("\n");
    const articleId = Number(
      s.insertArticle.run(
        articleKey(key, seq),
        pageId,
        seq,
        article.kind,
        article.column,
        article.kicker,
        article.headline,
        article.subheadline,
        article.dateline,
        article.byline?.raw ?? null,
        bodyText,
        Array.from(bodyText).length,
        JSON.stringify(article),
        issueId,
        publicationId,
        meta.date,
      ).lastInsertRowid,
    );
    for (const [role, name] of peopleOf(article)) {
      s.insertPerson.run(name);
      const personId = (s.personId.raw().get(name) as [number])[0];
      s.insertArticlePerson.run(articleId, personId, role);
    }
    const head = indexTerms(headTexts(article));
    const body = indexTerms(bodyTexts(article));
    s.insertFts.run(articleId, head.bigrams, body.bigrams, head.chars, body.chars);
  });
  return {
    status: "imported",
    pageId,
    articleCount: page.articles.length,
    meta: { publication: meta.publication, date: meta.date, pageNumber: meta.pageNumber },
  };
}

/**
 * The texts indexed as an article's head (weighted above its body in ranking).
 * @param article a parsed article
 */
export function headTexts(article: Article): string[] {
  return [article.kicker, article.headline, article.subheadline].filter((t): t is string => t !== null && t !== "");
}

/**
 * The texts indexed as an article's body: column, dateline, byline and every paragraph.
 * @param article a parsed article
 */
export function bodyTexts(article: Article): string[] {
  const meta = [article.column, article.dateline, article.byline?.raw ?? null].filter((t): t is string => t !== null && t !== "");
  return [...meta, ...article.paragraphs.map((p) => p.text)];
}

/** Each distinct (role, name) of an article's byline. */
function peopleOf(article: Article): Array<[PersonRole, string]> {
  const byline = article.byline;
  if (!byline) return [];
  const seen = new Set<string>();
  const out: Array<[PersonRole, string]> = [];
  for (const [role, field] of PERSON_ROLES) {
    for (const raw of byline[field]) {
      const name = personName(raw);
      if (name === "" || seen.has(`${role}\u0000${name}`)) continue;
      seen.add(`${role}\u0000${name}`);
      out.push([role, name]);
    }
  }
  return out;
}

/**
 * A person's name as filed: runs of whitespace made one space, and none between two Chinese
 * characters, since bylines space out two-character names (`张  骏` is `张骏`).
 * @param raw the name as the byline printed it
 */
export function personName(raw: string): string {
  return raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, "$1");
}
