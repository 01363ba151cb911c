import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes `data` to `file` so that readers see either the old file or the whole new one, never a
 * half-written file: the data goes to a temporary file in the same directory, which is then
 * renamed over the target (rename is atomic within one file system). The temporary file is
 * removed when anything fails.
 * @param file the target path
 * @param data the complete contents, written as UTF-8
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { encoding: "utf8", flag: "wx" });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
