import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Library } from "@dubao/library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, textOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "../../../../..");
const SEED = path.join(REPO, "corpus/seed/000_0c30f1900352050f.txt");


const dubao = async (args: string[], env: Record<string, string> = {}) => textOf(await runCli(args, { cwd: tmp, env }));

function stats(db: string) {
  const library = Library.open(db);
  try {
    return library.stats();
  } finally {
    library.close();
  }
}

let tmp: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-import-test-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao import", () => {
  it("imports a dump once: the second run reports a duplicate and changes nothing", async () => {
    const db = path.join(tmp, "once.db");
    const first = await dubao(["import", SEED, "--db", db, "--publication", "朔州日报", "--date", "2022-12-03", "--page", "2"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported .*000_0c30f1900352050f\.txt → 朔州日报 2022-12-03 p2, \d+ articles\n$/);
    expect(first.stderr).toMatch(/^dubao: imported 1 page \(\d+ articles?\) into /);
    const after = stats(db);
    expect(after).toMatchObject({ publications: 1, issues: 1, pages: 1 });

    const second = await dubao(["import", SEED, "--db", db]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^duplicate .* → 朔州日报 2022-12-03 p2/);
    expect(second.stderr).toContain("imported 0 pages (0 articles)");
    expect(second.stderr).toContain("1 page already there");
    expect(stats(db)).toEqual(after);
  });

  it("merges the search index at the end of a large batch, and searches still find every page", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dubao-import-batch-"));
    const PAGES = 20;
    for (let i = 1; i <= PAGES; i++) {
      const body = [`第${i}号通知发布`, "", `本报讯 全市第${i}批核酸检测点位今日起开放，市民可就近前往采样，`, `请携带身份证件，保持一米间距，配合工作人员做好信息登记。`];
      await writeFile(path.join(dir, `page-${String(i).padStart(2, "0")}.txt`), body.join("\n"));
    }
    const db = path.join(dir, "batch.db");
    try {
      const batch = await dubao(["import", dir, "--db", db, "--publication", "测试报", "--date", "2022-12-03"]);
      expect(batch.code).toBe(0);
      expect(batch.stderr).toContain(`imported ${PAGES} pages`);
      expect(batch.stderr).toContain("search index compacted");
      const library = Library.open(db);
      try {
        expect(library.search({ query: "核酸" }).total).toBe(PAGES);
        expect(library.search({ query: "第7批" }).total).toBe(1);
      } finally {
        library.close();
      }
      // a small import into the same library leaves the index as it is
      const small = await dubao(["import", SEED, "--db", db]);
      expect(small.code).toBe(0);
      expect(small.stderr).not.toContain("search index compacted");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("uses DUBAO_DB and the file-name convention; reports bad inputs and goes on", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dubao-import-batch-"));
    await copyFile(SEED, path.join(dir, "申报_1935-01-02_p12.txt"));
    await writeFile(path.join(dir, "broken.json"), "{ not json");
    await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const db = path.join(tmp, "env.db");
    const r = await dubao(["import", dir, "missing.txt"], { DUBAO_DB: db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("binary.txt: binary file");
    expect(r.stderr).toContain("broken.json: not valid JSON");
    expect(r.stderr).toContain("dubao: missing.txt: no such file or directory");
    expect(r.stdout).toMatch(/申报_1935-01-02_p12\.txt → 申报 1935-01-02 p12/);
    expect(stats(db).pages).toBe(1);
  });

  it("imports the Page JSON that dubao parse writes, with the dump beside it", async () => {
    const dir = path.join(tmp, "parsed");
    await mkdir(dir, { recursive: true });
    await copyFile(SEED, path.join(dir, "000_0c30f1900352050f.txt"));
    const parsed = await dubao(["parse", path.join(dir, "000_0c30f1900352050f.txt"), "--out", dir, "--quiet"]);
    expect(parsed.code).toBe(0);
    const db = path.join(tmp, "json.db");
    const r = await dubao(["import", path.join(dir, "000_0c30f1900352050f.json"), "--db", db]);
    expect(r.code).toBe(0);
    const library = Library.open(db);
    const [issue] = library.latestIssues(1);
    const page = library.page(library.issue(issue!.id)!.pageList[0]!.id)!;
    expect(page.raw).not.toBeNull();
    library.close();
  });

  it("refuses malformed options before touching anything", async () => {
    const db = path.join(tmp, "usage.db");
    for (const args of [
      ["--date", "2022-02-30"],
      ["--page", "0"],
      ["--page", "x"],
      ["--publication", " "],
      ["--bogus"],
    ]) {
      const r = await dubao(["import", SEED, "--db", db, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(/^dubao: /);
    }
    expect(existsSync(db)).toBe(false);
  });
});
