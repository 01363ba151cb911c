import { defineConfig } from "vitest/config";

export default defineConfig({
  // property tests and whole-corpus parses: seconds when every package's tests run at once on a
  // busy machine (vitest's default is 5 s)
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
