/**
 * Builds (or reuses) the synthetic benchmark database: `node --import tsx bench/bench-db.ts [FILE] [ARTICLES]`.
 * A finished build leaves FILE.done; a database without it (an interrupted build) is rebuilt.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Library } from "../src/index.js";
import { syntheticPages } from "./synthetic.js";

/** Bumped whenever the generator changes, so an old benchmark database is rebuilt. */
const GENERATOR_VERSION = 1;

/**
 * How the archive's search index is left after the import: compacted, as after a large
 * `dubao import` (see `Library.compactSearchIndex`). A database built before this step was added
 * (its marker says nothing of the index) is compacted in place rather than imported again.
 */
const SEARCH_INDEX = "compacted";

/** Articles in the benchmark archive, as the reader's benchmark requires. */
export const BENCH_ARTICLES = 100_000;

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Default benchmark database path (under the git-ignored data/ folder). */
export const DEFAULT_BENCH_DB = path.join(REPO, "data/bench/library-100k.db");

/** How a benchmark database came to be. */
export interface BenchDb {
  file: string;
  articles: number;
  /** Seconds the import took, or `null` when an earlier build was reused. */
  importSeconds: number | null;
}

/**
 * Returns a finished benchmark database of `articles` synthetic articles at `file`, building it if needed.
 * @param log where progress goes
 */
export function ensureBenchDb(file = DEFAULT_BENCH_DB, articles = BENCH_ARTICLES, log: (line: string) => void = console.log): BenchDb {
  const marker = `${file}.done`;
  const want = JSON.stringify({ generator: GENERATOR_VERSION, articles, searchIndex: SEARCH_INDEX });
  const built = existsSync(file) && existsSync(marker) ? readFileSync(marker, "utf8") : null;
  if (built === want) {
    log(`bench: reusing ${path.relative(process.cwd(), file)} (${articles} articles)`);
    return { file, articles, importSeconds: null };
  }
  if (built === JSON.stringify({ generator: GENERATOR_VERSION, articles })) {
    log(`bench: compacting the search index of ${path.relative(process.cwd(), file)} …`);
    compact(file);
    writeFileSync(marker, want);
    return { file, articles, importSeconds: null };
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, marker]) rmSync(f, { force: true });
  log(`bench: importing ${articles} synthetic articles into ${path.relative(process.cwd(), file)} …`);
  const library = Library.open(file);
  const started = performance.now();
  let done = 0;
  for (const page of syntheticPages(articles, path.join(REPO, "corpus"))) {
    library.importPage(page, null);
    done += page.articles.length;
    if (done % 20_000 === 0) log(`bench:   ${done} articles, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const importSeconds = (performance.now() - started) / 1000;
  library.close();
  log(`bench: imported ${articles} articles in ${importSeconds.toFixed(1)} s (${(articles / importSeconds).toFixed(0)} articles/s)`);
  compact(file);
  writeFileSync(marker, want);
  return { file, articles, importSeconds };
}

/** Compacts the search index of a finished archive, as after a large import, and checkpoints. */
function compact(file: string): void {
  const library = Library.open(file);
  library.compactSearchIndex();
  library.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  library.close();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBenchDb(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_BENCH_DB, Number(process.argv[3] ?? BENCH_ARTICLES));
}
