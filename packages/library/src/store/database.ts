import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "libsql";
import { LibraryError } from "../errors.js";
import { currentVersion, migrate, SCHEMA_VERSION } from "./migrations.js";

/** A libsql (better-sqlite3 compatible) database connection. */
export type Db = Database.Database;

/** Default database path, relative to the working directory, when `DUBAO_DB` is not set. */
export const DEFAULT_DB_PATH = "data/dubao.db";

/**
 * How long a statement waits for another process's write lock before failing. An import holds
 * the lock for one page at a time (well under a second), so this is generous.
 */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The database path to use: `DUBAO_DB` when set and not empty, else {@link DEFAULT_DB_PATH}.
 * @param env the environment to read (default `process.env`)
 * @returns an absolute path
 */
export function resolveDbPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.DUBAO_DB?.trim();
  return path.resolve(fromEnv ? fromEnv : DEFAULT_DB_PATH);
}

/** How to open a library database. */
export interface OpenOptions {
  /**
   * Open an existing, migrated database for reading only (e.g. one connection per search
   * thread beside the connection that writes): nothing is created, migrated or written.
   */
  readonly?: boolean | undefined;
}

/**
 * Opens (creating it and its directory if needed) and migrates a library database.
 * WAL mode lets the reader serve while an import writes.
 * @param file database file path, or `":memory:"`
 * @param options `readonly` to read an existing database only
 * @throws LibraryError when the database was made by a newer dubao, or (read-only) when it is
 *   missing or not at this dubao's schema version
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (options.readonly) return openReadOnly(file);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (file !== ":memory:") db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** A connection that refuses every write (libsql has no read-only open: `PRAGMA query_only`). */
function openReadOnly(file: string): Db {
  // libsql would create a missing file.
  if (file === ":memory:" || !existsSync(file)) throw new LibraryError(`no library database at ${file}`);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec("PRAGMA query_only = ON");
    let version: number;
    try {
      version = currentVersion(db);
    } catch {
      version = 0;
    }
    if (version !== SCHEMA_VERSION) {
      throw new LibraryError(
        `the library database ${file} has schema version ${version}, not ${SCHEMA_VERSION}: open it once read-write (e.g. dubao import) first`,
      );
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
