import type { Article, Page, PageInfo, Span, UnassignedBlock } from "@dubao/core";
import type { PersonRole } from "../import/import-page.js";
import { cached } from "../store/cached.js";
import type { Db } from "../store/database.js";
import type { ArticleLink } from "./browse.js";

/** Where an article or page sits in the library. */
export interface Placement {
  pageId: number;
  pageNumber: number | null;
  pageName: string | null;
  issueId: number;
  publication: string | null;
  date: string | null;
}

/** An article with its place in the library and its neighbours on the page. */
export interface ArticleView extends Placement {
  /** Public id. */
  id: string;
  /** 1-based reading order on the page. */
  seq: number;
  article: Article;
  /** Everyone in the byline, with their role, as filed (see `personName`). */
  people: Array<{ name: string; role: PersonRole }>;
  previous: ArticleLink | null;
  next: ArticleLink | null;
}

const orNull = (s: string): string | null => (s === "" ? null : s);

/**
 * One article by public id.
 * @param db an open library database
 * @param id public article id such as `0c30f1900352050f-3`
 * @returns `null` when there is no such article
 */
export function getArticle(db: Db, id: string): ArticleView | null {
  const row = cached(db, 
      `SELECT a.id AS rowid, a.key, a.seq, a.article_json, a.page_id, p.page_number, p.page_name, a.issue_id,
              pub.name AS publication, a.date
       FROM articles a JOIN pages p ON p.id = a.page_id JOIN publications pub ON pub.id = a.publication_id
       WHERE a.key = ?`,
    )
    .get(id) as
    | {
        rowid: number;
        key: string;
        seq: number;
        article_json: string;
        page_id: number;
        page_number: number | null;
        page_name: string | null;
        issue_id: number;
        publication: string;
        date: string;
      }
    | undefined;
  if (!row) return null;
  const people = cached(db, 
      `SELECT pe.name, ap.role FROM article_people ap JOIN people pe ON pe.id = ap.person_id
       WHERE ap.article_id = ? ORDER BY ap.rowid`,
    )
    .all(row.rowid) as Array<{ name: string; role: PersonRole }>;
  const neighbour = (seq: number): ArticleLink | null => {
    const n = cached(db, "SELECT key, seq, kind, headline, byline FROM articles WHERE page_id = ? AND seq = ?")
      .get(row.page_id, seq) as { key: string; seq: number; kind: string; headline: string | null; byline: string | null } | undefined;
    return n ? { id: n.key, seq: n.seq, kind: n.kind, headline: n.headline, byline: n.byline } : null;
  };
  return {
    id: row.key,
    seq: row.seq,
    article: JSON.parse(row.article_json) as Article,
    people: people.map((p) => ({ name: p.name, role: p.role })),
    previous: neighbour(row.seq - 1),
    next: neighbour(row.seq + 1),
    pageId: row.page_id,
    pageNumber: row.page_number,
    pageName: row.page_name,
    issueId: row.issue_id,
    publication: orNull(row.publication),
    date: orNull(row.date),
  };
}

/** A page with its source text and its articles' source lines. */
export interface PageView extends Placement {
  sourceName: string;
  sourceFormat: string;
  encoding: string;
  /** SHA-256 of the source file (of a PDF issue: the whole PDF). */
  sha256: string;
  /** The page's place in its source when the source has several pages (a PDF's page N), else null. */
  sourcePage: number | null;
  importedAt: string;
  /** The decoded dump, `null` when the page was imported from Page JSON alone. */
  raw: string | null;
  info: PageInfo;
  articles: Array<ArticleLink & { spans: Span[] }>;
  unassigned: UnassignedBlock[];
  /** Neighbouring pages of the same issue, by page number. */
  previousPageId: number | null;
  nextPageId: number | null;
}

/**
 * One page by id, with its dump and its articles in reading order.
 * @param db an open library database
 * @param id page id
 * @returns `null` when there is no such page
 */
export function getPage(db: Db, id: number): PageView | null {
  const row = cached(db, 
      `SELECT p.id, p.issue_id, p.page_number, p.page_name, p.source_name, p.source_format, p.source_encoding,
              p.source_sha256, p.source_page, p.raw_text, p.page_json, p.imported_at, pub.name AS publication, i.date
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN publications pub ON pub.id = i.publication_id
       WHERE p.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        issue_id: number;
        page_number: number | null;
        page_name: string | null;
        source_name: string;
        source_format: string;
        source_encoding: string;
        source_sha256: string;
        source_page: number | null;
        raw_text: string | null;
        page_json: string;
        imported_at: string;
        publication: string;
        date: string;
      }
    | undefined;
  if (!row) return null;
  const page = JSON.parse(row.page_json) as { page: PageInfo; unassigned: UnassignedBlock[] };
  const articles = cached(db, "SELECT key, seq, kind, headline, byline, article_json FROM articles WHERE page_id = ? ORDER BY seq")
    .all(id) as Array<{ key: string; seq: number; kind: string; headline: string | null; byline: string | null; article_json: string }>;
  const siblings = cached(db, "SELECT id FROM pages WHERE issue_id = ? ORDER BY page_number IS NULL, page_number, id")
    .raw()
    .all(row.issue_id) as Array<[number]>;
  const at = siblings.findIndex(([pid]) => pid === id);
  return {
    pageId: row.id,
    pageNumber: row.page_number,
    pageName: row.page_name,
    issueId: row.issue_id,
    publication: orNull(row.publication),
    date: orNull(row.date),
    sourceName: row.source_name,
    sourceFormat: row.source_format,
    encoding: row.source_encoding,
    sha256: row.source_sha256,
    sourcePage: row.source_page,
    importedAt: row.imported_at,
    raw: row.raw_text,
    info: page.page,
    unassigned: page.unassigned,
    articles: articles.map((a) => ({
      id: a.key,
      seq: a.seq,
      kind: a.kind,
      headline: a.headline,
      byline: a.byline,
      spans: (JSON.parse(a.article_json) as Article).spans,
    })),
    previousPageId: at > 0 ? siblings[at - 1]![0] : null,
    nextPageId: at >= 0 && at + 1 < siblings.length ? siblings[at + 1]![0] : null,
  };
}

/** An article someone signed, with their roles in it. */
export interface PersonArticle {
  id: string;
  headline: string | null;
  kind: string;
  date: string | null;
  publication: string | null;
  roles: PersonRole[];
}

/** Someone who signed articles, and those articles, newest first. */
export interface PersonView {
  name: string;
  /** How many articles they signed in each role. */
  roles: Partial<Record<PersonRole, number>>;
  total: number;
  articles: PersonArticle[];
}

/**
 * A person by name, with one page of the articles they signed (newest issue first).
 * @param db an open library database
 * @param name the name as filed
 * @returns `null` when nobody of that name signed anything
 */
export function getPerson(db: Db, name: string, offset = 0, limit = 50): PersonView | null {
  const person = cached(db, "SELECT id, name FROM people WHERE name = ?").get(name) as { id: number; name: string } | undefined;
  if (!person) return null;
  const roleRows = cached(db, "SELECT role, count(*) AS n FROM article_people WHERE person_id = ? GROUP BY role")
    .all(person.id) as Array<{ role: PersonRole; n: number }>;
  const total = (
    cached(db, "SELECT count(DISTINCT article_id) FROM article_people WHERE person_id = ?").raw().get(person.id) as [number]
  )[0];
  const rows = cached(db, 
      `SELECT a.key, a.headline, a.kind, a.date, pub.name AS publication, group_concat(ap.role) AS roles
       FROM article_people ap JOIN articles a ON a.id = ap.article_id JOIN publications pub ON pub.id = a.publication_id
       WHERE ap.person_id = ? GROUP BY a.id ORDER BY a.date = '', a.date DESC, a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(person.id, limit, offset) as Array<{
    key: string;
    headline: string | null;
    kind: string;
    date: string;
    publication: string;
    roles: string;
  }>;
  return {
    name: person.name,
    roles: Object.fromEntries(roleRows.map((r) => [r.role, r.n])),
    total,
    articles: rows.map((r) => ({
      id: r.key,
      headline: r.headline,
      kind: r.kind,
      date: orNull(r.date),
      publication: orNull(r.publication),
      roles: r.roles.split(",") as PersonRole[],
    })),
  };
}

/**
 * The Page of one article: its page's source and page fields (with the publication, date and
 * page number the library files it under) and that article alone. For exporting one article
 * with `@dubao/export`.
 * @param db an open library database
 * @param id public article id
 * @returns `null` when there is no such article
 */
export function getArticlePage(db: Db, id: string): Page | null {
  const row = cached(db, 
      `SELECT a.article_json, p.page_json, p.page_number, pub.name AS publication, a.date
       FROM articles a JOIN pages p ON p.id = a.page_id JOIN publications pub ON pub.id = a.publication_id
       WHERE a.key = ?`,
    )
    .get(id) as { article_json: string; page_json: string; page_number: number | null; publication: string; date: string } | undefined;
  if (!row) return null;
  const page = JSON.parse(row.page_json) as Page;
  const info: PageInfo = { ...page.page };
  if (row.publication !== "") info.publication = row.publication;
  if (row.date !== "") info.date = row.date;
  if (row.page_number !== null) info.pageNumber = row.page_number;
  return { ...page, page: info, articles: [JSON.parse(row.article_json) as Article], unassigned: [], diagnostics: [] };
}
