import type Database from "libsql";
import type { Db } from "./database.js";

type Statement = Database.Statement;

/** The write statements of an import, prepared once per connection. */
function prepare(db: Db): Record<StatementName, Statement> {
  return {
    pageByKey: db.prepare(`
      SELECT p.id, pub.name AS publication, i.date, p.page_number,
             (SELECT count(*) FROM articles a WHERE a.page_id = p.id) AS articles
      FROM pages p JOIN issues i ON i.id = p.issue_id JOIN publications pub ON pub.id = i.publication_id
      WHERE p.source_key = ?`),
    insertPublication: db.prepare("INSERT OR IGNORE INTO publications (name) VALUES (?)"),
    publicationId: db.prepare("SELECT id FROM publications WHERE name = ?"),
    insertIssue: db.prepare("INSERT OR IGNORE INTO issues (publication_id, date) VALUES (?, ?)"),
    issueId: db.prepare("SELECT id FROM issues WHERE publication_id = ? AND date = ?"),
    insertPage: db.prepare(`
      INSERT INTO pages (issue_id, page_number, page_name, source_name, source_format, source_encoding,
                         source_key, source_sha256, source_page, raw_text, page_json, imported_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertArticle: db.prepare(`
      INSERT INTO articles (key, page_id, seq, kind, column_label, kicker, headline, subheadline, dateline, byline,
                            body_text, body_chars, article_json, issue_id, publication_id, date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertPerson: db.prepare("INSERT OR IGNORE INTO people (name) VALUES (?)"),
    personId: db.prepare("SELECT id FROM people WHERE name = ?"),
    insertArticlePerson: db.prepare("INSERT OR IGNORE INTO article_people (article_id, person_id, role) VALUES (?, ?, ?)"),
    insertFts: db.prepare(
      "INSERT INTO article_fts (rowid, head_bigrams, body_bigrams, head_chars, body_chars) VALUES (?, ?, ?, ?, ?)",
    ),
  };
}

type StatementName =
  | "pageByKey"
  | "insertPublication"
  | "publicationId"
  | "insertIssue"
  | "issueId"
  | "insertPage"
  | "insertArticle"
  | "insertPerson"
  | "personId"
  | "insertArticlePerson"
  | "insertFts";

/** The prepared write statements of a connection. */
export type Statements = Record<StatementName, Statement>;

const cache = new WeakMap<Db, Statements>();

/**
 * The prepared write statements of a connection, prepared on first use.
 * @param db an open, migrated library database
 */
export function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}
