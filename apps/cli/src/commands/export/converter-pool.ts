import { Worker } from "node:worker_threads";
import { convertPage, type ConvertResult, type ConvertTask } from "./convert-page.js";

/** Converts pages: on the main thread, or on a pool of worker threads. */
export interface Converter {
  convert(task: ConvertTask): Promise<ConvertResult>;
  close(): Promise<void>;
}

/** The worker script, built next to the CLI's chunks (see tsup.config.ts). */
const WORKER_URL = new URL("./export-worker.js", import.meta.url);

interface PooledWorker {
  worker: Worker;
  pending: Map<number, (result: ConvertResult) => void>;
}

/**
 * A converter for `--parallel N`: with 1, pages are converted on the main thread (no copying
 * between threads); with more, on N worker threads, each task going to the least busy one.
 * A worker that dies fails only the pages it held, and is replaced.
 */
export function createConverter(parallel: number): Converter {
  if (parallel <= 1) return { convert: convertPage, close: async () => {} };

  const pool: PooledWorker[] = [];
  const spawn = (): PooledWorker => {
    const entry: PooledWorker = { worker: new Worker(WORKER_URL), pending: new Map() };
    const failAll = (why: string) => {
      for (const [id, resolve] of entry.pending) resolve({ id, ok: false, problem: `internal error: ${why}` });
      entry.pending.clear();
      const at = pool.indexOf(entry);
      if (at >= 0) pool.splice(at, 1, spawn());
    };
    entry.worker.on("message", (result: ConvertResult) => {
      const resolve = entry.pending.get(result.id);
      entry.pending.delete(result.id);
      resolve?.(result);
    });
    entry.worker.on("error", (error) => failAll(`a worker thread failed: ${error.message}`));
    entry.worker.on("exit", (code) => {
      if (entry.pending.size > 0) failAll(`a worker thread stopped (exit code ${code})`);
    });
    return entry;
  };
  for (let i = 0; i < parallel; i++) pool.push(spawn());

  return {
    convert(task) {
      let target = pool[0]!;
      for (const entry of pool) if (entry.pending.size < target.pending.size) target = entry;
      return new Promise((resolve) => {
        target.pending.set(task.id, resolve);
        target.worker.postMessage(task);
      });
    },
    async close() {
      const workers = pool.splice(0);
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
