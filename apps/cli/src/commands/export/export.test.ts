import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageJsonSchema } from "@dubao/core";
import { CSV_COLUMNS, FORMAT_NAMES } from "@dubao/export";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, "../../../../../corpus");
const SEED = path.join(CORPUS, "seed/000_0c30f1900352050f.txt");
const DEV = ["cnki_101.txt", "cnki_102.txt", "cnki_103.txt"].map((f) => path.join(CORPUS, "dev", f));


/** Runs the built CLI as a user would, from `cwd`, with `input` on standard input. */
const dubao = (args: string[], cwd: string, input?: string | Buffer) => runCli(args, { cwd, input });

const lines = (s: string): string[] => s.split("\n").filter((l) => l !== "");
const listFiles = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/")).sort();

let tmp: string;
/** A small archive: pages in two folders, a nested one, and the seed page as Page JSON. */
let archive: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-export-test-"));
  archive = path.join(tmp, "archive");
  await mkdir(path.join(archive, "2022-05/week1"), { recursive: true });
  await mkdir(path.join(archive, "2022-06"), { recursive: true });
  await copyFile(DEV[0]!, path.join(archive, "2022-05/p1.txt"));
  await copyFile(DEV[1]!, path.join(archive, "2022-05/week1/p1.txt"));
  await copyFile(DEV[2]!, path.join(archive, "2022-06/p1.txt"));
  const parsed = await dubao(["parse", SEED], tmp);
  await writeFile(path.join(archive, "2022-06/seed.json"), parsed.stdout);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao formats and dubao schema", () => {
  it("lists every format on a line of its own", async () => {
    const r = await dubao(["formats"], tmp);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => l.split(/\s+/)[0])).toEqual([...FORMAT_NAMES]);
    expect(r.stdout).toContain("RFC 4180");
  });

  it("prints the Page JSON Schema", async () => {
    const r = await dubao(["schema"], tmp);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual(pageJsonSchema());
  });

  it("refuses arguments it does not take, with exit code 2", async () => {
    expect((await dubao(["schema", "x"], tmp)).code).toBe(2);
    expect((await dubao(["formats", "--verbose"], tmp)).code).toBe(2);
  });

  it("shows help with examples for export", async () => {
    const r = await dubao(["export", "--help"], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--format");
    expect(r.stdout).toContain("EXAMPLES");
  });
});

describe("dubao export: usage errors exit with 2 and write nothing", () => {
  it.each([
    [["export", SEED], "--format is required"],
    [["export", SEED, "--format", "pdf"], 'unknown format "pdf"'],
    [["export", SEED, "--format", "jsonl", "--bom"], "--bom only applies to --format csv"],
    [["export", SEED, "--format", "jsonl", "--parallel", "0"], "--parallel needs a whole number"],
    [["export", SEED, "--format", "ninjs"], "ninjs writes one file per article: give --out DIR"],
    [["export", SEED, DEV[0]!, "--format", "html"], "2 pages need --out DIR"],
    [["export", SEED, "--format", "jsonl", "--outt", "x"], "unknown option --outt"],
  ])("%j", async (args, message) => {
    const r = await dubao(args, tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(lines(r.stderr)[0]).toMatch(/^dubao: /);
  });

  it("refuses to overwrite a file without --force, and a directory as a one-file output", async () => {
    const dir = await mkdtemp(path.join(tmp, "exists-"));
    await writeFile(path.join(dir, "out.jsonl"), "keep me\n");
    const r = await dubao(["export", SEED, "--format", "jsonl", "--out", "out.jsonl"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("out.jsonl already exists (use --force to overwrite)");
    expect(await readFile(path.join(dir, "out.jsonl"), "utf8")).toBe("keep me\n");
    const d = await dubao(["export", SEED, "--format", "csv", "--out", "."], dir);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("is a directory");
  });
});

describe("dubao export: one page to standard output", () => {
  it("json is byte for byte what dubao parse writes", async () => {
    const [parsed, exported] = await Promise.all([dubao(["parse", SEED], tmp), dubao(["export", SEED, "--format", "json", "--quiet"], tmp)]);
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    expect(exported.stdout).toBe(parsed.stdout);
  });

  it("reads a page dump or Page JSON from standard input", async () => {
    const dump = await readFile(SEED);
    const fromDump = await dubao(["export", "-", "--format", "txt", "-q"], tmp, dump);
    const fromFile = await dubao(["export", SEED, "--format", "txt", "-q"], tmp);
    expect(fromDump.code).toBe(0);
    expect(fromDump.stdout).toBe(fromFile.stdout);
    const json = await readFile(path.join(archive, "2022-06/seed.json"));
    const fromJson = await dubao(["export", "-", "--format", "jsonl", "-q"], tmp, json);
    expect(fromJson.code).toBe(0);
    expect(lines(fromJson.stdout)).toHaveLength(JSON.parse(json.toString()).articles.length);
  });

  it("writes a summary on stderr: files, articles, warnings, failures", async () => {
    const r = await dubao(["export", SEED, "--format", "csv"], tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^dubao: exported 1 file to standard output as csv: 10 articles, 0 warnings, 0 failed \(\d+\.\d s\)\n$/);
    expect(r.stdout.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
  });
});

describe("dubao export: an archive to a directory", () => {
  it("keeps the inputs' relative paths, one file per page", async () => {
    const out = path.join(tmp, "md-out");
    const r = await dubao(["export", "archive", "--format", "md", "--out", out], tmp);
    expect(r.code).toBe(0);
    expect(await listFiles(out)).toEqual(["2022-05/p1.md", "2022-05/week1/p1.md", "2022-06/p1.md", "2022-06/seed.md"]);
    expect(r.stderr).toMatch(/exported 4 files to .* as md: \d+ articles/);
  });

  it("expands a quoted glob pattern, naming outputs from the folder the matches share", async () => {
    const out = path.join(tmp, "glob-out");
    const r = await dubao(["export", "archive/**/p1.txt", "--format", "txt", "--out", out], tmp);
    expect(r.code).toBe(0);
    expect(await listFiles(out)).toEqual(["2022-05/p1.txt", "2022-05/week1/p1.txt", "2022-06/p1.txt"]);
    const none = await dubao(["export", "archive/**/*.pdf", "--format", "txt", "--out", out], tmp);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("dubao: archive/**/*.pdf: no files match this pattern");
  });

  it("ninjs: one file per article, named after the page", async () => {
    const out = path.join(tmp, "ninjs-out");
    const r = await dubao(["export", "archive/2022-06/seed.json", "--format", "ninjs", "--out", out], tmp);
    expect(r.code).toBe(0);
    const files = await listFiles(out);
    expect(files).toHaveLength(10);
    expect(files[0]).toBe("seed.01.ninjs.json");
    expect(JSON.parse(await readFile(path.join(out, files[0]!), "utf8")).standard.version).toBe("2.1");
  });

  it("does not overwrite without --force (exit 1, others still written), and overwrites with it", async () => {
    const out = path.join(tmp, "force-out");
    await mkdir(path.join(out, "2022-06"), { recursive: true });
    await writeFile(path.join(out, "2022-06/p1.html"), "old");
    const r = await dubao(["export", "archive", "--format", "html", "--out", out], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dubao: ${path.join("archive", "2022-06/p1.txt")}: ${path.join(out, "2022-06/p1.html")} already exists (use --force to overwrite)`);
    expect(await readFile(path.join(out, "2022-06/p1.html"), "utf8")).toBe("old");
    expect(await listFiles(out)).toEqual(["2022-05/p1.html", "2022-05/week1/p1.html", "2022-06/p1.html", "2022-06/seed.html"]);
    const forced = await dubao(["export", "archive", "--format", "html", "--out", out, "--force"], tmp);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(out, "2022-06/p1.html"), "utf8")).toContain("<!DOCTYPE html>");
    // No temporary file is left behind.
    expect((await listFiles(out)).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("reports each bad input on one line, exports the others, and exits with 1", async () => {
    const dir = await mkdtemp(path.join(tmp, "bad-"));
    await copyFile(SEED, path.join(dir, "good.txt"));
    await writeFile(path.join(dir, "scan.txt"), Buffer.from("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "latin1"));
    const page = JSON.parse(await readFile(path.join(archive, "2022-06/seed.json"), "utf8"));
    page.articles[2].headline = 42;
    await writeFile(path.join(dir, "broken.json"), JSON.stringify(page));
    await writeFile(path.join(dir, "truncated.json"), '{"schemaVersion": "1.0", "id": ');
    const out = path.join(dir, "all.jsonl");
    const r = await dubao(["export", dir, path.join(dir, "missing.txt"), "--format", "jsonl", "--out", out], tmp);
    expect(r.code).toBe(1);
    const messages = lines(r.stderr);
    expect(messages).toContain(`dubao: ${path.join(dir, "missing.txt")}: no such file or directory`);
    expect(messages).toContain(`dubao: ${path.join(dir, "scan.txt")}: binary file (NUL bytes at offset 8)`);
    expect(messages.find((m) => m.startsWith(`dubao: ${path.join(dir, "broken.json")}: `))).toMatch(/not a valid Page: articles\[2\]\.headline: /);
    expect(messages.find((m) => m.startsWith(`dubao: ${path.join(dir, "truncated.json")}: `))).toMatch(/not valid JSON/);
    expect(messages.at(-1)).toMatch(/exported 1 file to .* 10 articles, 0 warnings, 4 failed/);
    expect(lines(await readFile(out, "utf8"))).toHaveLength(10);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
  });

  it("passes over JSON in a directory that is not Page JSON (e.g. gold annotations), but not when named", async () => {
    const walked = await dubao(["export", path.join(CORPUS, "seed"), "--format", "jsonl", "--out", path.join(tmp, "seed.jsonl")], tmp);
    expect(walked.code).toBe(0);
    expect(walked.stderr).toMatch(/exported 1 file .* 1 skipped/);
    const named = await dubao(["export", path.join(CORPUS, "seed/000_0c30f1900352050f.gold.json"), "--format", "jsonl", "-q"], tmp);
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/gold\.json: not a valid Page: schemaVersion: /);
  });

  it("skips an input whose output another input already writes", async () => {
    const dir = await mkdtemp(path.join(tmp, "collide-"));
    await copyFile(SEED, path.join(dir, "page.txt"));
    await copyFile(path.join(archive, "2022-06/seed.json"), path.join(dir, "page.json"));
    const r = await dubao(["export", dir, "--format", "txt", "--out", path.join(dir, "out")], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dubao: ${path.join(dir, "page.txt")}: skipped: its output ${path.join(dir, "out", "page.txt")} is also the output of ${path.join(dir, "page.json")}`);
    expect(await listFiles(path.join(dir, "out"))).toEqual(["page.txt"]);
  });

  it("writes no EPUB when no page has an article", async () => {
    const dir = await mkdtemp(path.join(tmp, "empty-"));
    const page = JSON.parse(await readFile(path.join(archive, "2022-06/seed.json"), "utf8"));
    await writeFile(path.join(dir, "empty.json"), JSON.stringify({ ...page, articles: [] }));
    const r = await dubao(["export", path.join(dir, "empty.json"), "--format", "epub", "--out", path.join(dir, "book.epub")], tmp);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not written: no page has an article");
    expect(await readdir(dir)).toEqual(["empty.json"]);
  });
});

describe("dubao export: the same inputs give the same bytes", () => {
  it.each(["jsonl", "csv", "epub"])("%s with --parallel 1 and --parallel 2, twice", async (format) => {
    const outs = [];
    for (const parallel of ["1", "2", "2"]) {
      const out = path.join(tmp, `same-${format}-${outs.length}.${format}`);
      const r = await dubao(["export", "archive", path.join(CORPUS, "dev"), "--format", format, "--out", out, "--parallel", parallel, "-q"], tmp);
      expect(r).toMatchObject({ code: 0, stderr: "" });
      outs.push(await readFile(out));
    }
    expect(outs[0]!.length).toBeGreaterThan(1000);
    expect(outs[1]!.equals(outs[0]!)).toBe(true);
    expect(outs[2]!.equals(outs[0]!)).toBe(true);
  });
});

describe("dubao export: interrupted", () => {
  it("leaves no temporary file and no output behind after Ctrl-C", async () => {
    const dir = await mkdtemp(path.join(tmp, "interrupt-"));
    await mkdir(path.join(dir, "pages"));
    for (let i = 0; i < 400; i++) await link(DEV[0]!, path.join(dir, "pages", `p${String(i).padStart(3, "0")}.txt`));
    const child = spawn(process.execPath, [BIN, "export", "pages", "--format", "jsonl", "--out", "out/all.jsonl", "--parallel", "1", "-q"], { cwd: dir });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Wait until the output is being written (its temporary file exists), then interrupt.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const inOut = await readdir(path.join(dir, "out")).catch(() => []);
      if (inOut.some((f) => f.endsWith(".tmp"))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(await readdir(path.join(dir, "out"))).toEqual([]);
  });
});
