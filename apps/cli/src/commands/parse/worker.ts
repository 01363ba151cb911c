// Worker thread of `dubao parse --parallel N`: parses the files it is sent, one at a time, in order.
import { parentPort } from "node:worker_threads";
import { parseFile, type ParseTask } from "./parse-file.js";

if (!parentPort) throw new Error("parse-worker runs as a worker thread of dubao parse");
const port = parentPort;
// parsing a PDF is asynchronous: chain the tasks so that one file at a time is in memory
let queue: Promise<void> = Promise.resolve();
port.on("message", (task: ParseTask) => {
  queue = queue.then(async () => port.postMessage(await parseFile(task)));
});
