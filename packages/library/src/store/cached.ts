import type Database from "libsql";
import type { Db } from "./database.js";

/**
 * Most statements kept per connection. The reader's queries are a few dozen fixed texts plus one
 * per combination of search filters; the bound only guards against unforeseen growth.
 */
const MAX_CACHED_STATEMENTS = 500;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for `sql`, prepared once per connection and reused (preparing costs as
 * much as running a simple query). Each SQL text must always be used in the same mode (raw or not).
 * @param db an open connection
 * @param sql the statement
 */
export function cached(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const rawCaches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * {@link cached}, in raw mode (rows as arrays), set once when prepared rather than on every use
 * (each switch is a call into libsql).
 * @param db an open connection
 * @param sql the statement
 */
export function cachedRaw(db: Db, sql: string): Database.Statement {
  let cache = rawCaches.get(db);
  if (!cache) {
    cache = new Map();
    rawCaches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = db.prepare(sql).raw();
    cache.set(sql, statement);
  }
  return statement;
}
