import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { detectInputFormat } from "@dubao/core/parse";
import { describeFsError } from "../errors.js";

/**
 * Largest file a METS issue may point to: an ALTO page is a few megabytes; as for any input, a
 * file this big is a mistake (see `MAX_INPUT_BYTES` of `dubao parse`).
 */
export const MAX_LINKED_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The reader of the files a METS input points to (its pages' ALTO files), given to `parseInput`
 * as `readLinkedFile`: paths relative to the METS file's directory (core has checked they stay
 * inside it), read whole. Rejects with a one-line message, never a stack trace.
 * @param inputFile path of the METS file
 */
export function linkedFileReader(inputFile: string): (relativePath: string) => Promise<Uint8Array> {
  const dir = path.dirname(inputFile);
  return async (relativePath) => {
    const target = path.join(dir, ...relativePath.split("/"));
    let info;
    try {
      info = await stat(target);
    } catch (error) {
      throw new Error(describeFsError(error));
    }
    if (!info.isFile()) throw new Error("not a regular file");
    if (info.size > MAX_LINKED_FILE_BYTES) throw new Error(`file too large (${(info.size / 2 ** 20).toFixed(1)} MiB; a page file may have at most ${MAX_LINKED_FILE_BYTES / 2 ** 20} MiB)`);
    try {
      return await readFile(target);
    } catch (error) {
      throw new Error(describeFsError(error));
    }
  };
}

/** Bytes read from the start of an XML file to tell METS from ALTO: the root element follows a short prolog. */
const SNIFF_BYTES = 64 * 1024;

/**
 * True when the file's content is a METS file (its root element is `mets`): with `--input-format
 * mets`, the `.xml` files of a directory are the METS files and the ALTO files they point to;
 * only the METS files are inputs. A file that cannot be read counts as METS, so its problem is reported.
 * @param file path of a file found in a directory
 */
export async function isMetsFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "r");
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectInputFormat(buffer.subarray(0, bytesRead)) === "mets";
  } catch {
    return true;
  } finally {
    await handle?.close();
  }
}
