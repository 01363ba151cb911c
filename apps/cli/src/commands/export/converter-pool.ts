import { createWorkerPool } from "../../worker-pool.js";
import { convertPage, type ConvertResult, type ConvertTask } from "./convert-page.js";

/** Converts pages: on the main thread, or on a pool of worker threads. */
export interface Converter {
  convert(task: ConvertTask): Promise<ConvertResult>;
  close(): Promise<void>;
}

/** The worker script, built next to the CLI's chunks (see tsup.config.ts). */
const WORKER_URL = new URL("./export-worker.js", import.meta.url);

/**
 * A converter for `--parallel N`: with 1, pages are converted on the main thread (no copying
 * between threads); with more, on N worker threads, each task going to the least busy one.
 * A worker that dies fails only the pages it held, and is replaced.
 */
export function createConverter(parallel: number): Converter {
  if (parallel <= 1) return { convert: convertPage, close: async () => {} };
  const pool = createWorkerPool<ConvertTask, ConvertResult>(WORKER_URL, parallel, (id, problem) => ({ id, ok: false, problem }));
  return { convert: (task) => pool.run(task), close: () => pool.close() };
}
