import { defineConfig } from "tsup";

export default defineConfig({
  // parse.ts: the parsers without the zod schemas (`@dubao/core/parse`)
  entry: ["src/index.ts", "src/parse.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // the CommonJS build gets import.meta.url (the PDF reader finds pdfjs-dist's CMaps from it)
  shims: true,
});
