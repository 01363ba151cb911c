import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  // searches over a test library and property tests: about a second each alone, several when
  // every package's tests run at once on a busy machine (vitest's default is 5 s)
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
