import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SearchRequest } from "@dubao/library";
import type { SearchWorkerData, WorkerMessage, WorkerRequest } from "./search-protocol.js";

/**
 * Most search threads. A search is CPU work in SQLite and JavaScript (a few milliseconds), so
 * threads beyond the cores only queue on them; the main thread keeps serving pages meanwhile.
 */
const MAX_SEARCH_THREADS = 4;

/**
 * Heap of one search thread. A search holds one page of results (100 at most) and the statements
 * of one connection; 64 MB is far above that and bounds what a thread can add to the server.
 */
const THREAD_HEAP_MB = 64;

/**
 * Requests a thread holds at once; the rest wait in the pool's one queue and go to whichever
 * thread frees up first. Two, not one, so that a thread has the next search at hand while its
 * last answer travels to the main thread; not more, so that a thread held up by a costly search
 * (a common word) does not keep a backlog the other threads could have served.
 */
const MAX_IN_FLIGHT_PER_THREAD = 2;

/** Wait before starting again a thread that could not open the library (e.g. its file vanished). */
const RESTART_DELAY_MS = 1000;

/** The answer (200) to one search: the JSON text or its gzip bytes. */
export type SearchAnswer = { gzipped: false; body: string } | { gzipped: true; body: Uint8Array };

interface Pending {
  resolve: (answer: SearchAnswer) => void;
  reject: (error: Error) => void;
}

interface Queued {
  request: WorkerRequest;
  pending: Pending;
}

interface Thread {
  worker: Worker;
  /** Requests sent to this thread and not yet answered. */
  pending: Map<number, Pending>;
}

/**
 * The search threads of the reader's server: each has its own read-only connection to the library
 * and answers `GET /api/search` (search, JSON and gzip) off the main thread, so that concurrent
 * searches run on all cores and never hold up the article pages the main thread serves. Requests
 * wait in one queue and go to the first thread with room (see {@link MAX_IN_FLIGHT_PER_THREAD}).
 * A thread that dies fails the requests it held (the server answers 500) and is replaced.
 */
export class SearchPool {
  private readonly threads: Thread[] = [];
  /** Requests not yet sent to a thread, oldest first. */
  private readonly queue: Queued[] = [];
  private nextId = 1;
  /** Set once every first thread is ready: from then on a thread that stops is replaced. */
  private started = false;
  private closing = false;

  private constructor(
    private readonly dbPath: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  /**
   * Starts the threads and waits until each has opened the library.
   * @param dbPath the library database, created and migrated already (the threads open it read-only)
   * @param size threads (default: the cores, at most 4)
   * @param onProblem where a thread's failure is reported once it has been replaced
   * @throws Error with the reason when a thread cannot open the library
   */
  static async start(dbPath: string, size = defaultThreads(), onProblem: (message: string) => void = console.error): Promise<SearchPool> {
    const pool = new SearchPool(dbPath, onProblem);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
      pool.started = true;
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  /** Threads running (for tests and diagnostics). */
  get size(): number {
    return this.threads.length;
  }

  /**
   * Answers one `GET /api/search`.
   * @param search the request's parameters, checked (see `parseSearchApi`)
   * @param gzip whether the client takes a gzip body (short answers are sent as they are)
   * @throws Error when the thread failed or died meanwhile
   */
  answer(search: SearchRequest, gzip: boolean): Promise<SearchAnswer> {
    if (this.closing) return Promise.reject(new Error("the search threads are stopping"));
    if (this.threads.length === 0) return Promise.reject(new Error("no search thread is running"));
    const request: WorkerRequest = { id: this.nextId++, request: search, gzip };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  /** Stops every thread; requests in flight or waiting fail. */
  async close(): Promise<void> {
    this.closing = true;
    this.failQueued("the search threads are stopping");
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  /** Sends waiting requests to the threads with room, the least busy first. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let thread: Thread | undefined;
      for (const t of this.threads) if (t.pending.size < MAX_IN_FLIGHT_PER_THREAD && (thread === undefined || t.pending.size < thread.pending.size)) thread = t;
      if (thread === undefined) return;
      const { request, pending } = this.queue.shift()!;
      thread.pending.set(request.id, pending);
      thread.worker.postMessage(request);
    }
  }

  private failQueued(reason: string): void {
    for (const { pending } of this.queue.splice(0)) pending.reject(new Error(reason));
  }

  /** Starts a thread; resolves once it has opened the library. */
  private spawn(): Promise<void> {
    const { entry, isCode } = workerEntry();
    const worker = new Worker(entry, {
      eval: isCode,
      workerData: { dbPath: this.dbPath } satisfies SearchWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    const thread: Thread = { worker, pending: new Map() };
    this.threads.push(thread);
    return new Promise((resolve, reject) => {
      let ready = false;
      let failure: string | null = null;
      worker.on("message", (message: WorkerMessage) => {
        switch (message.type) {
          case "ready":
            ready = true;
            resolve();
            break;
          case "failed":
            failure = message.error;
            break;
          case "answer": {
            const p = thread.pending.get(message.id);
            thread.pending.delete(message.id);
            p?.resolve(message.gzipped ? { gzipped: true, body: message.body } : { gzipped: false, body: message.body });
            this.dispatch();
            break;
          }
          case "error": {
            const p = thread.pending.get(message.id);
            thread.pending.delete(message.id);
            p?.reject(new Error(`search failed: ${message.error}`));
            this.dispatch();
            break;
          }
        }
      });
      // An uncaught exception ends the thread: 'exit' follows and handles it.
      worker.on("error", (e) => (failure ??= e.message));
      worker.on("exit", (code) => {
        const index = this.threads.indexOf(thread);
        if (index !== -1) this.threads.splice(index, 1);
        const reason = failure ?? `exit code ${code}`;
        for (const p of thread.pending.values()) p.reject(new Error(`the search thread stopped: ${reason}`));
        thread.pending.clear();
        if (!ready) reject(new Error(reason));
        if (this.closing || !this.started) return;
        // Requests still waiting go to the other threads, or wait for the replacement; with no
        // thread left (one that could not even start), they fail.
        if (this.threads.length === 0) this.failQueued(`the search thread stopped: ${reason}`);
        this.onProblem(`dubao reader: a search thread stopped (${reason}); starting another`);
        const restart = () => {
          if (this.closing) return;
          this.spawn().catch(() => {
            // reported by that thread's own exit
          });
          this.dispatch();
        };
        if (ready) restart();
        else setTimeout(restart, RESTART_DELAY_MS).unref();
      });
    });
  }
}

/**
 * What a search thread runs. From the built server (dist/…/search-pool.js) it is the .js sibling;
 * from the sources (the tests) the .ts one, loaded through tsx's loader, registered in the thread
 * first (Node 20 does not apply `--import tsx` to a worker's entry module).
 */
function workerEntry(): { entry: URL | string; isCode: boolean } {
  if (!import.meta.url.endsWith(".ts")) return { entry: new URL("./search-worker.js", import.meta.url), isCode: false };
  const tsx = tsxLoaderUrl();
  const source = new URL("./search-worker.ts", import.meta.url).href;
  return { entry: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, isCode: true };
}

/** tsx's `tsx/esm/api` module (its ES module build: the CommonJS one cannot load from a worker). */
function tsxLoaderUrl(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

/** Search threads for this machine: one per core, at most {@link MAX_SEARCH_THREADS}. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_SEARCH_THREADS, availableParallelism()));
}
