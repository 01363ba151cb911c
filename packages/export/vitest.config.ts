import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // epubcheck starts a JVM: 76 s for one book in a fresh-clone CI at load 9 (every package's
    // tests and the reader's build at once), so slow, shared machines need room.
    testTimeout: 180_000,
  },
});
