import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PageSchema, type Page } from "@dubao/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, textOf, untimedTextOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
/** A two-page METS issue: mets.xml, and alto/cnki_101.xml, alto/cnki_102.xml (dev pages) it points to. */
const ISSUE = path.resolve(here, "../../../../../packages/core/test/layout/fixtures/mets-issue");

const dubao = async (args: string[], cwd: string) => untimedTextOf(await runCli(args, { cwd }));
const pageOf = (json: string): Page => PageSchema.parse(JSON.parse(json));
const headlines = (page: Page) => page.articles.map((a) => (a.headline ?? "").replace(/\s+/g, ""));

let tmp: string;
/** A copy of the issue in an archive tree, with a second issue beside it. */
let archive: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-mets-test-"));
  archive = path.join(tmp, "archive");
  await cp(ISSUE, path.join(archive, "2022-06-01"), { recursive: true });
  await cp(ISSUE, path.join(archive, "2022-06-02"), { recursive: true });
  await rm(path.join(archive, "2022-06-02", "alto", "cnki_101.xml"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao parse of a METS issue", () => {
  it("writes one Page per page, in the physical order, with the METS articles", async () => {
    const out = path.join(tmp, "parsed");
    const r = await dubao(["parse", path.join(ISSUE, "mets.xml"), "--out", out], tmp);
    expect(r).toEqual({ code: 0, stdout: "", stderr: `dubao: wrote 2 files to ${out}\n` });
    expect((await readdir(out)).sort()).toEqual(["mets-p1.json", "mets-p2.json"]);
    const [p1, p2] = await Promise.all(["mets-p1.json", "mets-p2.json"].map(async (f) => pageOf(await readFile(path.join(out, f), "utf8"))));
    expect(p1!.source).toMatchObject({ name: "alto/cnki_102.xml", format: "alto" });
    expect(p2!.source).toMatchObject({ name: "alto/cnki_101.xml", format: "alto" });
    expect(headlines(p2!)).toEqual(["打通物流堵点，政策扶持要明确细则", "上海公布“50条”加快经济恢复和重振", "加大为企服务加快经济恢复重振", "保障供应，大型商超拿起数字化工具"]);
    expect(p1!.articles).toHaveLength(6);
    for (const page of [p1!, p2!]) expect(page.diagnostics.map((d) => d.code)).toContain("mets-articles");
  });

  it("fails an issue whose ALTO file is missing with one line naming both files, and writes none of its pages", async () => {
    const out = path.join(tmp, "missing");
    const r = await dubao(["parse", "archive/2022-06-02/mets.xml", "archive/2022-06-01/mets.xml", "--out", out], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toMatch(/^dubao: archive\/2022-06-02\/mets\.xml: line \d+: ALTO file alto\/cnki_101\.xml \(file ALTO101\): no such file or directory$/);
    // the other issue (same output name) is written; nothing of the broken one was
    expect(r.stderr.split("\n")[1]).toBe(`dubao: wrote 2 files to ${out}; 1 failed`);
    const written = await Promise.all((await readdir(out)).sort().map(async (f) => pageOf(await readFile(path.join(out, f), "utf8")).source.name));
    expect(written).toEqual(["alto/cnki_102.xml", "alto/cnki_101.xml"]);
  });

  it("refuses an href out of the issue's directory, and a METS file without a logical structMap", async () => {
    const dir = path.join(tmp, "bad");
    await cp(ISSUE, dir, { recursive: true });
    const mets = await readFile(path.join(dir, "mets.xml"), "utf8");
    await writeFile(path.join(dir, "escape.xml"), mets.replace("file://./alto/cnki_101.xml", "../../etc/passwd"));
    await writeFile(path.join(dir, "flat.xml"), mets.replace('TYPE="LOGICAL"', 'TYPE="CONTENTS"'));
    const r = await dubao(["parse", "escape.xml", "flat.xml", "--out", "out"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([
      expect.stringMatching(/^dubao: escape\.xml: line \d+: ALTO file "\.\.\/\.\.\/etc\/passwd" \(file ALTO101\) points outside the METS file's directory$/),
      'dubao: flat.xml: no logical structMap (structMap TYPE="LOGICAL"): without its articles, parse the ALTO files themselves',
      "dubao: wrote 0 files to out; 2 failed",
      "",
    ]);
  });

  it("takes only the METS files of a directory with --input-format mets", async () => {
    const out = path.join(tmp, "walked");
    const r = await dubao(["parse", "archive/2022-06-01", "--input-format", "mets", "--out", out], tmp);
    expect(r).toEqual({ code: 0, stdout: "", stderr: `dubao: wrote 2 files to ${out}\n` });
    expect((await readdir(out)).sort()).toEqual(["mets-p1.json", "mets-p2.json"]);
    const none = await dubao(["parse", "archive/2022-06-01/alto", "--input-format", "mets", "--out", out], tmp);
    expect(none.stderr.split("\n")[0]).toBe("dubao: archive/2022-06-01/alto: no input files in this directory (none of its .xml files is one)");
  });
});

describe("dubao parse --help", () => {
  it("tells how METS issues are read", async () => {
    const r = await dubao(["parse", "--help"], tmp);
    expect(r.stdout).toContain("dubao parse issue/mets.xml --out parsed/");
    expect(r.stdout).toMatch(/hocr\s+or\s+mets/);
  });
});

describe("dubao export of a METS issue", () => {
  it("exports each page of the issue, and refuses METS on standard input with one line", async () => {
    const r = await dubao(["export", path.join(ISSUE, "mets.xml"), "--format", "jsonl", "--out", "issue.jsonl", "-q"], tmp);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    const lines = (await readFile(path.join(tmp, "issue.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(10);
    const stdin = textOf(await runCli(["export", "-", "--format", "txt", "-q"], { cwd: tmp, input: await readFile(path.join(ISSUE, "mets.xml")) }));
    expect(stdin).toEqual({ code: 1, stdout: "", stderr: "dubao: stdin: a METS file's pages are in the ALTO files it lists: read it from its path, not from its bytes alone\n" });
  });
});
