import { Worker } from "node:worker_threads";
import { UsageError } from "./errors.js";

/** A message to or from a worker thread: tasks and results carry the id that pairs them. */
export interface Identified {
  id: number;
}

/** Runs tasks on worker threads; see {@link createWorkerPool}. */
export interface WorkerPool<Task extends Identified, Result extends Identified> {
  /** Sends a task to the least busy worker; resolves with its result (never rejects). */
  run(task: Task): Promise<Result>;
  /** Tasks sent to the least busy worker that it has not answered yet. */
  leastPending(): number;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface PooledWorker<Result> {
  worker: Worker;
  pending: Map<number, (result: Result) => void>;
}

/**
 * Starts `size` worker threads running the script at `script`. Each task goes to the worker
 * with the fewest tasks pending; the worker answers with one message per task, carrying the
 * task's id. A worker that fails or exits resolves the tasks it held with `failed(id, why)`
 * and is replaced, so one crash fails only the pages it was working on.
 * @param script URL of the built worker script (one of the CLI's tsup entries)
 * @param size number of worker threads, at least 1
 * @param failed the result of a task whose worker died
 */
export function createWorkerPool<Task extends Identified, Result extends Identified>(
  script: URL,
  size: number,
  failed: (id: number, why: string) => Result,
): WorkerPool<Task, Result> {
  const pool: PooledWorker<Result>[] = [];
  const spawn = (): PooledWorker<Result> => {
    const entry: PooledWorker<Result> = { worker: new Worker(script), pending: new Map() };
    const failAll = (why: string) => {
      for (const [id, resolve] of entry.pending) resolve(failed(id, `internal error: ${why}`));
      entry.pending.clear();
      const at = pool.indexOf(entry);
      if (at >= 0) pool.splice(at, 1, spawn());
    };
    entry.worker.on("message", (result: Result) => {
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
  for (let i = 0; i < Math.max(1, size); i++) pool.push(spawn());

  const leastBusy = (): PooledWorker<Result> => {
    let target = pool[0]!;
    for (const entry of pool) if (entry.pending.size < target.pending.size) target = entry;
    return target;
  };

  return {
    run(task) {
      const target = leastBusy();
      return new Promise((resolve) => {
        target.pending.set(task.id, resolve);
        target.worker.postMessage(task);
      });
    },
    leastPending() {
      return leastBusy().pending.size;
    },
    async close() {
      const workers = pool.splice(0);
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** Most worker threads `--parallel` accepts: more than any machine's cores gains nothing and costs memory. */
export const MAX_PARALLEL = 256;

/**
 * The thread count a `--parallel` option asks for.
 * @param value the option as given, if given
 * @param fallback the command's default
 * @throws {UsageError} for anything but a whole number from 1 to {@link MAX_PARALLEL}
 */
export function parallelOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARALLEL) throw new UsageError(`--parallel needs a whole number from 1 to ${MAX_PARALLEL}, not "${value}"`);
  return n;
}
