import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // epubcheck starts a JVM; slow, shared machines need room.
    testTimeout: 60_000,
  },
});
