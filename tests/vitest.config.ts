import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["eval/**/*.test.ts"],
    // The eval parses and scores 13 pages; slow shared machines need room.
    testTimeout: 120_000,
  },
});
