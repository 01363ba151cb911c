import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportFiles, FORMAT_NAMES, loadPage } from "./helpers.js";

// Golden files: what every format writes for the seed page, from a committed Page JSON (so the
// goldens change only when an export format does, not when the parser improves).
// Regenerate with `UPDATE=1 pnpm --filter @dubao/export test` and review the diff.
const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE === "1";

describe("golden output of the seed page", () => {
  const page = loadPage("seed.page.json");

  for (const format of FORMAT_NAMES) {
    it(`${format} matches its golden file(s) byte for byte`, async () => {
      const files = await exportFiles(format, page, "seed");
      const dir = path.join(GOLDEN, format);
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
      }
      expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
      for (const [name, bytes] of files) {
        const golden = readFileSync(path.join(dir, name));
        expect(Buffer.from(bytes).equals(golden), `${format}/${name} differs from its golden file`).toBe(true);
      }
    });
  }

  it("the same page gives the same bytes twice", async () => {
    for (const format of FORMAT_NAMES) {
      const [a, b] = await Promise.all([exportFiles(format, page, "seed"), exportFiles(format, page, "seed")]);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [name, bytes] of a) expect(Buffer.from(bytes).equals(b.get(name)!), `${format}/${name}`).toBe(true);
    }
  });
});
