import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { ByteSink } from "@dubao/export";

/**
 * Temporary files being written, so that an interrupted run (Ctrl-C) removes them instead of
 * leaving half-written files behind.
 */
export class TempFiles {
  readonly #files = new Set<string>();

  /** A new temporary path next to `target` (same file system, so the final rename is atomic). */
  create(target: string): string {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    this.#files.add(temp);
    return temp;
  }

  release(temp: string): void {
    this.#files.delete(temp);
  }

  /** Removes every temporary file still listed (synchronous enough for a signal handler). */
  async removeAll(): Promise<void> {
    await Promise.all([...this.#files].map((f) => rm(f, { force: true })));
    this.#files.clear();
  }
}

/** `target` exists and `--force` was not given. */
export class OutputExistsError extends Error {
  override name = "OutputExistsError";
  constructor(readonly target: string) {
    super(`${target} already exists (use --force to overwrite)`);
  }
}

/**
 * Moves a finished temporary file to its target: with `force` by rename (replacing any file
 * there), else by a hard link that fails when the target exists, so nothing is overwritten
 * even if the target appeared during the run.
 */
async function publish(temp: string, target: string, force: boolean): Promise<void> {
  if (force) {
    await rename(temp, target);
    return;
  }
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new OutputExistsError(target);
    // File systems without hard links: check, then rename (a small window, but no overwrite seen).
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (await exists(target)) throw new OutputExistsError(target);
    await rename(temp, target);
    return;
  }
  await rm(temp, { force: true });
}

/** Whether anything is at `file`. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a whole file atomically: readers see no file or the complete one, never a part.
 * @param force replace an existing file; without it an existing file is an {@link OutputExistsError}
 */
export async function writeOutputFile(target: string, data: string, force: boolean, temps: TempFiles): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = temps.create(target);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data, "utf8");
    } finally {
      await handle.close();
    }
    await publish(temp, target, force);
  } finally {
    await rm(temp, { force: true });
    temps.release(temp);
  }
}

/**
 * A streamed output file: bytes go to a temporary file as they come, and {@link commit} moves
 * it into place at the end; {@link abort} removes it.
 */
export class StreamedOutputFile implements ByteSink {
  private constructor(
    readonly target: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
    private readonly temps: TempFiles,
  ) {}

  static async open(target: string, temps: TempFiles): Promise<StreamedOutputFile> {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = temps.create(target);
    try {
      return new StreamedOutputFile(target, temp, await open(temp, "wx"), temps);
    } catch (error) {
      temps.release(temp);
      throw error;
    }
  }

  async write(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) offset += (await this.handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
  }

  async commit(force: boolean): Promise<void> {
    try {
      await this.handle.close();
      await publish(this.temp, this.target, force);
    } finally {
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.temp, { force: true });
    this.temps.release(this.temp);
  }
}

/** A sink writing to a stream (stdout), waiting for it to drain when its buffer is full. */
export function streamSink(stream: NodeJS.WritableStream): ByteSink {
  return {
    write(chunk) {
      return new Promise((resolve, reject) => {
        stream.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
