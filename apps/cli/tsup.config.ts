import { defineConfig } from "tsup";

export default defineConfig({
  // One entry; each command is a dynamic import, so it becomes its own chunk, loaded only when run.
  // `dubao export --parallel` and `dubao parse --parallel` run export-worker.js and parse-worker.js on worker threads.
  entry: { bin: "src/bin.ts", "export-worker": "src/commands/export/worker.ts", "parse-worker": "src/commands/parse/worker.ts" },
  format: ["esm"],
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
});
