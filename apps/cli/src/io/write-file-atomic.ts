import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** A fresh temporary name next to `file`, so the rename stays on one file system. */
function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

/**
 * Writes `data` to `file` so that readers see either the old file or the whole new one, never a
 * half-written file: the data goes to a temporary file in the same directory, which is then
 * renamed over the target (rename is atomic within one file system). The temporary file is
 * removed when anything fails.
 * @param file the target path
 * @param data the complete contents, written as UTF-8
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = tempNameFor(file);
  try {
    await writeFile(temp, data, { encoding: "utf8", flag: "wx" });
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
  const temp = tempNameFor(file);
  try {
    writeFileSync(temp, data, { encoding: "utf8", flag: "wx" });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
