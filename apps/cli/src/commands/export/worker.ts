// Worker thread of `dubao export --parallel N`: converts the pages it is sent, one at a time.
import { parentPort } from "node:worker_threads";
import { convertPage, type ConvertTask } from "./convert-page.js";

if (!parentPort) throw new Error("export-worker runs as a worker thread of dubao export");
const port = parentPort;
port.on("message", (task: ConvertTask) => {
  void convertPage(task).then((result) => port.postMessage(result));
});
