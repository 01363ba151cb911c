/**
 * One search thread of the reader's server (see search-pool.ts): its own read-only connection to
 * the library, answering the checked parameters of `GET /api/search` with the JSON body (gzipped
 * when asked), so that neither the search nor the JSON nor the compression runs on the thread
 * that serves every other request.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { Library } from "@dubao/library";
import { searchApiBody } from "../lib/search-api.js";
import { GZIP_MIN_BYTES, type SearchWorkerData, type WorkerMessage, type WorkerRequest } from "./search-protocol.js";

/**
 * SQLite page cache of a search thread's connection, in KiB (SQLite's default is 2 MiB). A search
 * reads its words' lists of articles and twenty article rows; with 8 MiB the pages of common
 * words stay cached, which halved the kernel time of reading them again (some 0.15 ms a search)
 * at 6 MiB more per thread; larger caches gained little more.
 */
const PAGE_CACHE_KIB = 8 * 1024;

const port = parentPort;
if (port === null) throw new Error("search-worker.js runs as a worker thread of the reader's server");
const { dbPath } = workerData as SearchWorkerData;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let library: Library;
try {
  library = Library.open(dbPath, { readonly: true });
  library.db.exec(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
} catch (e) {
  post({ type: "failed", error: (e as Error).message });
  process.exit(1);
}
port.on("message", ({ id, request, gzip }: WorkerRequest) => {
  try {
    const json = JSON.stringify(searchApiBody(library, request));
    // The JSON goes as a string unless compressed: posting a string costs a few microseconds,
    // bytes some 30 (the main thread writes a string to the socket as UTF-8 itself).
    if (gzip && Buffer.byteLength(json) >= GZIP_MIN_BYTES) {
      // A fresh Uint8Array: its buffer is moved to the main thread, not copied.
      const bytes = new Uint8Array(gzipSync(json));
      post({ type: "answer", id, gzipped: true, body: bytes }, [bytes.buffer]);
    } else {
      post({ type: "answer", id, gzipped: false, body: json });
    }
  } catch (e) {
    post({ type: "error", id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
post({ type: "ready" });
