import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The tests run the built CLI as a subprocess: give slow, shared machines room.
    testTimeout: 30_000,
  },
});
