import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";

/** Temporary files named so far by this thread: with the process and thread ids, a unique name. */
let tempCount = 0;

/**
 * A temporary name next to `file`, so the rename stays on one file system: unique within the
 * machine by process, thread and count (no random bytes to draw for every file), or random when
 * `random` is set (for the rare leftover of a crashed run that had the same process id).
 */
function tempNameFor(file: string, random = false): string {
  const unique = random ? randomBytes(6).toString("hex") : `${threadId}-${++tempCount}`;
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${unique}.tmp`);
}

const isAlreadyThere = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "EEXIST";

/**
 * Writes `data` to `file` so that readers see either the old file or the whole new one, never a
 * half-written file: the data goes to a temporary file in the same directory, which is then
 * renamed over the target (rename is atomic within one file system). The temporary file is
 * removed when anything fails.
 * @param file the target path
 * @param data the complete contents, written as UTF-8
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  let temp = tempNameFor(file);
  try {
    try {
      await writeFile(temp, data, { encoding: "utf8", flag: "wx" });
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      temp = tempNameFor(file, true);
      await writeFile(temp, data, { encoding: "utf8", flag: "wx" });
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * {@link writeFileAtomic} without yielding to the event loop: for worker threads that handle one
 * file at a time, where waiting on the thread pool would only leave the thread idle.
 * @param file the target path
 * @param data the complete contents, written as UTF-8
 */
export function writeFileAtomicSync(file: string, data: string): void {
  let temp = tempNameFor(file);
  try {
    try {
      writeFileSync(temp, data, { encoding: "utf8", flag: "wx" });
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
      temp = tempNameFor(file, true);
      writeFileSync(temp, data, { encoding: "utf8", flag: "wx" });
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
