/** What the reader's server and its search threads (search-pool.ts, search-worker.ts) say to each other. */

/** Answers shorter than this go out uncompressed (as Next.js's compression does: 1 KiB). */
export const GZIP_MIN_BYTES = 1024;

/** Given to each search thread when it starts. */
export interface SearchWorkerData {
  /** The library database, already created and migrated by the server. */
  dbPath: string;
}

/** A search for a thread: the query string of `GET /api/search`, and whether gzip is wanted. */
export interface WorkerRequest {
  id: number;
  query: string;
  gzip: boolean;
}

/** What a search thread sends back. */
export type WorkerMessage =
  /** The thread has opened the library and takes requests. */
  | { type: "ready" }
  /** The thread could not open the library (a one-line reason) and ends. */
  | { type: "failed"; error: string }
  /** The answer to request `id`: HTTP status and body, the JSON text or its gzip bytes. */
  | { type: "answer"; id: number; status: number; gzipped: false; body: string }
  | { type: "answer"; id: number; status: number; gzipped: true; body: Uint8Array }
  /** Request `id` failed unexpectedly (a bug, or the database failing). */
  | { type: "error"; id: number; error: string };
