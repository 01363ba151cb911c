import { cached } from "../store/cached.js";
import type { Db } from "../store/database.js";

/** A publication and how much of it the library holds. */
export interface PublicationSummary {
  id: number;
  /** `null` when the pages did not name it. */
  name: string | null;
  issues: number;
  articles: number;
  /** Latest issue date, `null` when all issues are undated. */
  latestDate: string | null;
}

/** An issue (one publication on one date) in a list. */
export interface IssueSummary {
  id: number;
  publication: string | null;
  date: string | null;
  pages: number;
  articles: number;
}

/** How much the library holds. */
export interface LibraryStats {
  publications: number;
  issues: number;
  pages: number;
  articles: number;
  people: number;
}

const orNull = (s: string): string | null => (s === "" ? null : s);

/**
 * Counts of everything in the library.
 * @param db an open library database
 */
export function libraryStats(db: Db): LibraryStats {
  const [publications, issues, pages, articles, people] = cached(db, 
      `SELECT (SELECT count(*) FROM publications), (SELECT count(*) FROM issues), (SELECT count(*) FROM pages),
              (SELECT count(*) FROM articles), (SELECT count(*) FROM people)`,
    )
    .raw()
    .get() as [number, number, number, number, number];
  return { publications, issues, pages, articles, people };
}

/**
 * Every publication, by name.
 * @param db an open library database
 */
export function listPublications(db: Db): PublicationSummary[] {
  const rows = cached(db, 
      `SELECT pub.id, pub.name,
              (SELECT count(*) FROM issues i WHERE i.publication_id = pub.id) AS issues,
              (SELECT count(*) FROM articles a WHERE a.publication_id = pub.id) AS articles,
              (SELECT max(i.date) FROM issues i WHERE i.publication_id = pub.id AND i.date <> '') AS latest
       FROM publications pub ORDER BY pub.name = '', pub.name`,
    )
    .all() as Array<{ id: number; name: string; issues: number; articles: number; latest: string | null }>;
  return rows.map((r) => ({ id: r.id, name: orNull(r.name), issues: r.issues, articles: r.articles, latestDate: r.latest }));
}

/**
 * The latest issues, newest date first (undated ones last).
 * @param db an open library database
 * @param limit how many
 * @param publicationId only this publication's issues
 */
export function latestIssues(db: Db, limit: number, publicationId?: number): IssueSummary[] {
  const rows = cached(db, 
      `SELECT i.id, pub.name AS publication, i.date,
              (SELECT count(*) FROM pages p WHERE p.issue_id = i.id) AS pages,
              (SELECT count(*) FROM articles a WHERE a.issue_id = i.id) AS articles
       FROM issues i JOIN publications pub ON pub.id = i.publication_id
       ${publicationId === undefined ? "" : "WHERE i.publication_id = ?"}
       ORDER BY i.date = '', i.date DESC, i.id DESC LIMIT ?`,
    )
    .all(...(publicationId === undefined ? [limit] : [publicationId, limit])) as Array<{
    id: number;
    publication: string;
    date: string;
    pages: number;
    articles: number;
  }>;
  return rows.map((r) => ({ id: r.id, publication: orNull(r.publication), date: orNull(r.date), pages: r.pages, articles: r.articles }));
}

/** An article in a list: enough to link to it. */
export interface ArticleLink {
  id: string;
  seq: number;
  kind: string;
  headline: string | null;
  byline: string | null;
}

/** An issue with its pages and their articles in reading order. */
export interface IssueView extends IssueSummary {
  pageList: Array<{
    id: number;
    pageNumber: number | null;
    pageName: string | null;
    sourceName: string;
    articles: ArticleLink[];
  }>;
  /** The issues of the same publication just before and after this one by date. */
  previous: IssueSummary | null;
  next: IssueSummary | null;
}

/**
 * One issue with its pages (by page number) and their articles.
 * @param db an open library database
 * @param id issue id
 * @returns `null` when there is no such issue
 */
export function getIssue(db: Db, id: number): IssueView | null {
  const issue = cached(db, 
      `SELECT i.id, i.publication_id, pub.name AS publication, i.date FROM issues i
       JOIN publications pub ON pub.id = i.publication_id WHERE i.id = ?`,
    )
    .get(id) as { id: number; publication_id: number; publication: string; date: string } | undefined;
  if (!issue) return null;
  const pages = cached(db, 
      `SELECT id, page_number, page_name, source_name FROM pages WHERE issue_id = ?
       ORDER BY page_number IS NULL, page_number, id`,
    )
    .all(id) as Array<{ id: number; page_number: number | null; page_name: string | null; source_name: string }>;
  const articles = cached(db, "SELECT key, page_id, seq, kind, headline, byline FROM articles WHERE issue_id = ? ORDER BY page_id, seq")
    .all(id) as Array<{ key: string; page_id: number; seq: number; kind: string; headline: string | null; byline: string | null }>;
  const byPage = new Map<number, ArticleLink[]>();
  for (const a of articles) {
    const list = byPage.get(a.page_id) ?? [];
    list.push({ id: a.key, seq: a.seq, kind: a.kind, headline: a.headline, byline: a.byline });
    byPage.set(a.page_id, list);
  }
  const neighbour = (direction: "previous" | "next"): IssueSummary | null => {
    if (issue.date === "") return null;
    const row = cached(db, 
        `SELECT id FROM issues WHERE publication_id = ? AND date <> '' AND date ${direction === "previous" ? "<" : ">"} ?
         ORDER BY date ${direction === "previous" ? "DESC" : "ASC"} LIMIT 1`,
      )
      .raw()
      .get(issue.publication_id, issue.date) as [number] | undefined;
    return row ? summarizeIssue(db, row[0]) : null;
  };
  return {
    id: issue.id,
    publication: orNull(issue.publication),
    date: orNull(issue.date),
    pages: pages.length,
    articles: articles.length,
    pageList: pages.map((p) => ({
      id: p.id,
      pageNumber: p.page_number,
      pageName: p.page_name,
      sourceName: p.source_name,
      articles: byPage.get(p.id) ?? [],
    })),
    previous: neighbour("previous"),
    next: neighbour("next"),
  };
}

function summarizeIssue(db: Db, id: number): IssueSummary | null {
  const r = cached(db, 
      `SELECT i.id, pub.name AS publication, i.date,
              (SELECT count(*) FROM pages p WHERE p.issue_id = i.id) AS pages,
              (SELECT count(*) FROM articles a WHERE a.issue_id = i.id) AS articles
       FROM issues i JOIN publications pub ON pub.id = i.publication_id WHERE i.id = ?`,
    )
    .get(id) as { id: number; publication: string; date: string; pages: number; articles: number } | undefined;
  return r ? { id: r.id, publication: orNull(r.publication), date: orNull(r.date), pages: r.pages, articles: r.articles } : null;
}
