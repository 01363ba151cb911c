/** What the reader's server and its search threads (search-pool.ts, search-worker.ts) say to each other. */
import type { SearchRequest } from "@dubao/library";

/** Answers shorter than this go out uncompressed (as Next.js's compression does: 1 KiB). */
export const GZIP_MIN_BYTES = 1024;

/** Given to each search thread when it starts. */
export interface SearchWorkerData {
  /** The library database, already created and migrated by the server. */
  dbPath: string;
}

/** A search for a thread: the checked parameters of `GET /api/search`, and whether gzip is wanted. */
export interface WorkerRequest {
  id: number;
  request: SearchRequest;
  gzip: boolean;
}

/** What a search thread sends back. */
export type WorkerMessage =
  /** The thread has opened the library and takes requests. */
  | { type: "ready" }
  /** The thread could not open the library (a one-line reason) and ends. */
  | { type: "failed"; error: string }
  /** The answer (200) to request `id`: the JSON text or its gzip bytes. */
  | { type: "answer"; id: number; gzipped: false; body: string }
  | { type: "answer"; id: number; gzipped: true; body: Uint8Array }
  /** Request `id` failed unexpectedly (a bug, or the database failing). */
  | { type: "error"; id: number; error: string };
