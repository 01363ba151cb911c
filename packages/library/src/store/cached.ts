import type Database from "libsql";
import type { Db } from "./database.js";

/**
 * Most statements kept per connection. The reader's queries are a few dozen fixed texts plus one
 * per combination of search filters; the bound only guards against unforeseen growth.
 */
const MAX_CACHED_STATEMENTS = 500;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();
const rawCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/** The statement for `sql` in one connection's cache, prepared by `prepare` the first time. */
function fromCache(
  byDb: WeakMap<Db, Map<string, Database.Statement>>,
  db: Db,
  sql: string,
  prepare: () => Database.Statement,
): Database.Statement {
  let cache = byDb.get(db);
  if (!cache) {
    cache = new Map();
    byDb.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = prepare();
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * A prepared statement for `sql`, prepared once per connection and reused (preparing costs as
 * much as running a simple query). Each SQL text must always be used in the same mode (raw or not).
 * @param db an open connection
 * @param sql the statement
 */
export function cached(db: Db, sql: string): Database.Statement {
  return fromCache(caches, db, sql, () => db.prepare(sql));
}

/**
 * {@link cached}, in raw mode (rows as arrays), set once when prepared rather than on every use
 * (each switch is a call into libsql).
 * @param db an open connection
 * @param sql the statement
 */
export function cachedRaw(db: Db, sql: string): Database.Statement {
  return fromCache(rawCaches, db, sql, () => db.prepare(sql).raw());
}
