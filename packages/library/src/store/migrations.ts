import { LibraryError } from "../errors.js";
import type { Db } from "./database.js";

/** One step of the database schema. Versions are consecutive from 1 and never edited once released. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/**
 * The schema, step by step. A database records the steps it has had in `schema_migrations`;
 * opening it applies the missing ones, each in its own transaction.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "library: publications, issues, pages, articles, people, search index",
    up: (db) => {
      db.exec(`
        CREATE TABLE publications (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE               -- '' when no source named it
        );
        CREATE TABLE issues (
          id INTEGER PRIMARY KEY,
          publication_id INTEGER NOT NULL REFERENCES publications(id),
          date TEXT NOT NULL,                     -- YYYY-MM-DD, '' when unknown
          UNIQUE (publication_id, date)
        );
        CREATE INDEX issues_date ON issues(date);
        CREATE TABLE pages (
          id INTEGER PRIMARY KEY,
          issue_id INTEGER NOT NULL REFERENCES issues(id),
          page_number INTEGER,
          page_name TEXT,
          source_name TEXT NOT NULL,
          source_format TEXT NOT NULL,
          source_encoding TEXT NOT NULL,
          source_sha256 TEXT NOT NULL UNIQUE,     -- the same source is imported once
          raw_text TEXT,                          -- the decoded dump; NULL when only Page JSON was given
          page_json TEXT NOT NULL,                -- the Page as imported
          imported_at TEXT NOT NULL
        );
        CREATE INDEX pages_issue ON pages(issue_id, page_number);
        CREATE TABLE articles (
          id INTEGER PRIMARY KEY,                 -- also the search index rowid
          key TEXT NOT NULL UNIQUE,               -- public id: first 12 hex of the source hash, '-', seq
          page_id INTEGER NOT NULL REFERENCES pages(id),
          seq INTEGER NOT NULL,                   -- 1-based reading order on the page
          kind TEXT NOT NULL,
          column_label TEXT,
          kicker TEXT,
          headline TEXT,
          subheadline TEXT,
          dateline TEXT,
          byline TEXT,
          body_text TEXT NOT NULL,                -- paragraph texts joined by newlines
          body_chars INTEGER NOT NULL,
          article_json TEXT NOT NULL,             -- the Article as parsed
          issue_id INTEGER NOT NULL REFERENCES issues(id),
          publication_id INTEGER NOT NULL REFERENCES publications(id),
          date TEXT NOT NULL,                     -- the issue's date, for filters
          UNIQUE (page_id, seq)
        );
        CREATE INDEX articles_date ON articles(date, id);
        CREATE INDEX articles_publication ON articles(publication_id, date);
        CREATE INDEX articles_kind ON articles(kind, date);
        CREATE TABLE people (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE article_people (
          article_id INTEGER NOT NULL REFERENCES articles(id),
          person_id INTEGER NOT NULL REFERENCES people(id),
          role TEXT NOT NULL,                     -- reporter, correspondent, photographer, editor, author
          PRIMARY KEY (article_id, person_id, role)
        );
        CREATE INDEX article_people_person ON article_people(person_id, article_id);
        -- Bigrams and single characters of the articles (see search/index-terms.ts); contentless,
        -- since the text lives in articles.
        CREATE VIRTUAL TABLE article_fts USING fts5(
          head_bigrams, body_bigrams, head_chars, body_chars,
          content = '', contentless_delete = 1, tokenize = 'ascii'
        );
      `);
    },
  },
  {
    version: 2,
    name: "pages: the storage key apart from the source's hash, and the page's place in its source",
    up: (db) => {
      // Version 1 stored pages of a source of several pages (a PDF issue) under a key derived from
      // the source hash in source_sha256. The key keeps its UNIQUE constraint under its own name;
      // source_sha256 holds the source file's hash again and source_page the page's place in it.
      db.exec(`
        ALTER TABLE pages RENAME COLUMN source_sha256 TO source_key;
        ALTER TABLE pages ADD COLUMN source_sha256 TEXT;
        ALTER TABLE pages ADD COLUMN source_page INTEGER;   -- NULL for a source of one page
        UPDATE pages SET
          source_sha256 = json_extract(page_json, '$.source.sha256'),
          source_page = CASE WHEN json_extract(page_json, '$.id') GLOB '*-p[1-9]*'
                             THEN CAST(substr(json_extract(page_json, '$.id'), instr(json_extract(page_json, '$.id'), '-p') + 2) AS INTEGER)
                        END;
        CREATE INDEX pages_source ON pages(source_sha256, source_page);
      `);
    },
  },
  {
    version: 3,
    name: "pages: page numbers by page id in an index of their own",
    up: (db) => {
      // A page row holds its dump and Page JSON, some 20 KB: reading one for its number read a
      // leaf page of its own (and more) for every search hit. The index holds just the numbers
      // (see the hit query in search.ts, which names it).
      db.exec("CREATE INDEX pages_page_number ON pages(id, page_number)");
    },
  },
  {
    version: 4,
    name: "search: how many articles held each index term when last counted",
    up: (db) => {
      db.exec(`
        CREATE TABLE term_docs (
          term TEXT PRIMARY KEY,                  -- a term of article_fts (a bigram or one unit)
          docs INTEGER NOT NULL                   -- articles up to term_docs_upto.last_rowid holding it
        ) WITHOUT ROWID;
        CREATE TABLE term_docs_upto (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          last_rowid INTEGER NOT NULL             -- the last article counted in term_docs
        );
      `);
      recountTerms(db);
    },
  },
];

/**
 * Counts again how many articles hold each index term (`term_docs`), up to the last article now
 * in the library (`term_docs_upto`). Search adds the articles imported since (a count over the end
 * of the term's list of articles: see search.ts), so the counts are never stale, only slower to
 * use the more has been imported since. Imports leave them alone (keeping them page by page made
 * an import 3.7 times as costly: every page touched most of the table); they are counted when
 * the index is compacted. Run it in the caller's transaction.
 * @param db an open library database at schema version 4 or later
 */
export function recountTerms(db: Db): void {
  db.exec(`
    DELETE FROM term_docs;
    CREATE VIRTUAL TABLE temp.article_fts_rows USING fts5vocab(main, article_fts, row);
    INSERT INTO term_docs (term, docs) SELECT term, doc FROM temp.article_fts_rows;
    DROP TABLE temp.article_fts_rows;
    INSERT OR REPLACE INTO term_docs_upto (id, last_rowid) VALUES (1, (SELECT coalesce(max(id), 0) FROM articles));
  `);
}

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings a database up to {@link SCHEMA_VERSION}. Safe when several processes open the same new
 * database at once: each step runs under a write lock and re-checks whether it is still needed.
 * @throws LibraryError when the database was made by a newer dubao
 */
export function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = currentVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new LibraryError(
      `the library database has schema version ${current}, newer than this dubao understands (${SCHEMA_VERSION}): update dubao`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      if (currentVersion(db) >= migration.version) return;
      migration.up(db);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    });
    apply.immediate();
  }
}

/** The highest migration applied to a database (0 for a new one). */
export function currentVersion(db: Db): number {
  const row = db.prepare("SELECT max(version) FROM schema_migrations").raw().get() as [number | null] | undefined;
  return row?.[0] ?? 0;
}
