import type { Page } from "@dubao/core";
import { importPage, importPages, type ImportResult, type PageToImport } from "./import/import-page.js";
import type { PageMetaOverrides } from "./import/page-meta.js";
import { getArticle, getArticlePage, getPage, getPerson, type ArticleView, type PageView, type PersonView } from "./read/article.js";
import {
  getIssue,
  latestIssues,
  libraryStats,
  listPublications,
  type IssueSummary,
  type IssueView,
  type LibraryStats,
  type PublicationSummary,
} from "./read/browse.js";
import { search, type SearchRequest, type SearchResponse } from "./search/search.js";
import { openDatabase, resolveDbPath, type Db, type OpenOptions } from "./store/database.js";
import { recountTerms } from "./store/migrations.js";

/**
 * A dubao library: parsed newspaper pages in one SQLite database, to import into, browse and
 * search. Synchronous (SQLite is in-process); one instance per process is enough.
 *
 * @example
 * const library = Library.open();            // DUBAO_DB, or data/dubao.db
 * library.importPage(page, rawText, { publication: "人民日报" });
 * const { total, hits } = library.search({ query: "核酸" });
 */
export class Library {
  private constructor(
    /** The connection, for callers that need SQL the class does not offer. */
    readonly db: Db,
    /** The database file. */
    readonly path: string,
  ) {}

  /**
   * Opens a library, creating and migrating its database as needed.
   * @param file database path (default: `DUBAO_DB`, else `data/dubao.db`), or `":memory:"`
   * @param options `readonly`: read an existing, migrated library only (see {@link openDatabase})
   * @throws LibraryError when the database was made by a newer dubao (read-only: when it is
   *   missing or not migrated)
   */
  static open(file: string = resolveDbPath(), options: OpenOptions = {}): Library {
    return new Library(openDatabase(file, options), file);
  }

  /** Imports one page in one transaction; see {@link importPage}. */
  importPage(page: Page, raw: string | null, overrides: PageMetaOverrides = {}): ImportResult {
    return importPage(this.db, page, raw, overrides);
  }

  /** Imports the pages of one input in one transaction, all or none; see {@link importPages}. */
  importPages(pages: readonly PageToImport[], overrides: PageMetaOverrides = {}): ImportResult[] {
    return importPages(this.db, pages, overrides);
  }

  /** Searches articles; see {@link search}. Never throws for any query string. */
  search(request: SearchRequest): SearchResponse {
    return search(this.db, request);
  }

  /**
   * Merges the search index into one segment (SQLite FTS5's `optimize`). An index built page by
   * page is a dozen or more segments, and a search reads each word's articles from every one of
   * them: merged, a 2- or 4-character search costs about a third less. Worth running after a
   * large import, not after each page: it rewrites the whole index (some 40 s for 100,000
   * articles, with free disk about the index's size) in one transaction.
   */
  compactSearchIndex(): void {
    this.db.transaction(() => {
      this.db.exec("INSERT INTO article_fts(article_fts) VALUES('optimize')");
      // and the terms' counts of articles, which a one-term search's total starts from
      recountTerms(this.db);
    }).immediate();
  }

  /** Counts of publications, issues, pages, articles and people. */
  stats(): LibraryStats {
    return libraryStats(this.db);
  }

  /** Every publication, by name. */
  publications(): PublicationSummary[] {
    return listPublications(this.db);
  }

  /** The latest issues, newest first; optionally of one publication. */
  latestIssues(limit: number, publicationId?: number): IssueSummary[] {
    return latestIssues(this.db, limit, publicationId);
  }

  /** An issue with its pages and articles, or `null`. */
  issue(id: number): IssueView | null {
    return getIssue(this.db, id);
  }

  /** A page with its dump and articles, or `null`. */
  page(id: number): PageView | null {
    return getPage(this.db, id);
  }

  /** An article by public id, or `null`. */
  article(id: string): ArticleView | null {
    return getArticle(this.db, id);
  }

  /** The Page of one article (that article alone, filed publication/date/page), or `null`. */
  articlePage(id: string): Page | null {
    return getArticlePage(this.db, id);
  }

  /** A person with one page of their articles, or `null`. */
  person(name: string, offset?: number, limit?: number): PersonView | null {
    return getPerson(this.db, name, offset, limit);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
