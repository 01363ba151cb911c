import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PageSchema, type Page } from "@dubao/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, textOf, untimedTextOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, "fixtures");
const ENCODINGS = path.join(FIXTURES, "encodings");


/** Runs the built CLI as a user would, from `cwd`. */
const dubao = async (args: string[], cwd = FIXTURES) => untimedTextOf(await runCli(args, { cwd }));

const lines = (s: string): string[] => s.split("\n").filter((l) => l !== "");
const pageOf = (json: string): Page => PageSchema.parse(JSON.parse(json));

let tmp: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-cli-test-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao parse, one file to stdout", () => {
  it("prints the Page JSON of a UTF-8 dump, and nothing on stderr", async () => {
    const r = await dubao(["parse", "encodings/utf8.txt"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const page = pageOf(r.stdout);
    expect(page.source).toMatchObject({ name: "utf8.txt", format: "text", encoding: "utf-8" });
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  it.each([
    ["utf8-bom.txt", "utf-8"],
    ["utf16le-bom.txt", "utf-16le"],
    ["gb18030.txt", "gb18030"],
  ])("decodes %s as %s to the same text as the UTF-8 file", async (file, encoding) => {
    const [plain, other] = await Promise.all([dubao(["parse", "encodings/utf8.txt"]), dubao(["parse", `encodings/${file}`])]);
    expect(other).toMatchObject({ code: 0, stderr: "" });
    const a = pageOf(plain.stdout);
    const b = pageOf(other.stdout);
    expect(b.source.encoding).toBe(encoding);
    // the hash is of the decoded text: equal hashes mean equal text, byte-order mark stripped
    expect(b.source.sha256).toBe(a.source.sha256);
    expect({ ...b, source: { ...b.source, name: "", encoding: "" } }).toEqual({ ...a, source: { ...a.source, name: "", encoding: "" } });
  });

  it("reads a dump on standard input (-), in any encoding, named stdin", async () => {
    const gb = await readFile(path.join(ENCODINGS, "gb18030.txt"));
    const [file, piped] = await Promise.all([dubao(["parse", "encodings/gb18030.txt"]), runCli(["parse", "-"], { cwd: FIXTURES, input: gb }).then(textOf)]);
    expect(piped).toMatchObject({ code: 0, stderr: "" });
    const a = pageOf(file.stdout);
    const b = pageOf(piped.stdout);
    expect(b.source).toMatchObject({ name: "stdin", encoding: "gb18030", sha256: a.source.sha256 });
    expect(b.articles).toEqual(a.articles);
  });

  it("writes standard input to stdin.json beside the files of a batch, and reads it once", async () => {
    const out = path.join(tmp, "stdin-batch");
    const r = textOf(await runCli(["parse", "-", "encodings/utf8.txt", "--out", out, "--quiet"], { cwd: FIXTURES, input: await readFile(path.join(ENCODINGS, "utf8.txt")) }));
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect((await readdir(out)).sort()).toEqual(["stdin.json", "utf8.json"]);
    expect(pageOf(await readFile(path.join(out, "stdin.json"), "utf8")).source.name).toBe("stdin");
    const twice = await dubao(["parse", "-", "-", "--out", out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("standard input (-) can be read once");
  });

  it("refuses a binary file with one line naming it, and prints no JSON", async () => {
    const r = await dubao(["parse", "batch/scan.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("dubao: batch/scan.txt: binary file (NUL bytes at offset 3)\n");
  });

  it("names a missing file", async () => {
    const r = await dubao(["parse", "no-such-page.txt"]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "dubao: no-such-page.txt: no such file or directory\n" });
  });
});

describe("dubao parse --out", () => {
  it("creates the output directory and writes <name>.json for each .txt found, going on past a binary file", async () => {
    const out = path.join(tmp, "new", "nested", "out");
    const r = await dubao(["parse", "batch", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([`dubao: ${path.join("batch", "scan.txt")}: binary file (NUL bytes at offset 3)`, `dubao: wrote 2 files to ${out}; 1 failed`]);
    expect((await readdir(out)).sort()).toEqual(["page-a.json", "page-b.json"]);
    const b = pageOf(await readFile(path.join(out, "page-b.json"), "utf8"));
    expect(b.source).toMatchObject({ name: "page-b.txt", encoding: "gb18030" });
  });

  it("ends with the files written, the megabytes read and the time taken", async () => {
    const out = path.join(tmp, "timed");
    const r = await runCli(["parse", "encodings/utf8.txt", "encodings/gb18030.txt", "--out", out], { cwd: FIXTURES });
    const bytes = (await readFile(path.join(ENCODINGS, "utf8.txt"))).length + (await readFile(path.join(ENCODINGS, "gb18030.txt"))).length;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^dubao: wrote 2 files to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(${(bytes / 1e6).toFixed(1).replace(".", "\\.")} MB in \\d+\\.\\d s\\)\\n$`));
  });

  it("names the files a directory holds instead of dumps, and the flag that parses them", async () => {
    const scans = path.join(tmp, "scans");
    await mkdir(path.join(scans, "2022-06"), { recursive: true });
    await writeFile(path.join(scans, "2022-06", "p1.pdf"), "%PDF-1.4\n");
    await writeFile(path.join(scans, "2022-06", "p2.PDF"), "%PDF-1.4\n");
    const r = await dubao(["parse", scans, "--out", path.join(tmp, "scans-out")]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`dubao: ${scans}: no .txt files in this directory (it has 2 .pdf files: give --input-format pdf to parse them)`);
  });

  it("parses the good files of a call that names a missing one, and exits 1", async () => {
    const out = path.join(tmp, "missing");
    const r = await dubao(["parse", "missing.txt", "encodings/utf8.txt", "--out", out, "--quiet"]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "dubao: missing.txt: no such file or directory\n" });
    expect(await readdir(out)).toEqual(["utf8.json"]);
  });

  it("writes byte-identical files when run again, and leaves no temporary files", async () => {
    const one = path.join(tmp, "run1");
    const two = path.join(tmp, "run2");
    const inputs = ["encodings", "batch/page-a.txt"];
    const [r1, r2] = [await dubao(["parse", ...inputs, "--out", one, "-q"]), await dubao(["parse", ...inputs, "--out", two, "-q"])];
    expect(r1).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(r2).toEqual(r1);
    const names = (await readdir(one)).sort();
    expect(names).toEqual(["gb18030.json", "page-a.json", "utf16le-bom.json", "utf8-bom.json", "utf8.json"]);
    expect((await readdir(two)).sort()).toEqual(names);
    for (const name of names) {
      const a = await readFile(path.join(one, name));
      expect(a.equals(await readFile(path.join(two, name)))).toBe(true);
      expect(a.toString("utf8")).toBe(`${JSON.stringify(JSON.parse(a.toString("utf8")), null, 2)}\n`);
    }
  });

  it("replaces an existing output file whole", async () => {
    const out = path.join(tmp, "replace");
    await dubao(["parse", "encodings/utf8.txt", "--out", out, "-q"]);
    await writeFile(path.join(out, "utf8.json"), "stale");
    const r = await dubao(["parse", "encodings/utf8.txt", "--out", out, "-q"]);
    expect(r.code).toBe(0);
    expect(pageOf(await readFile(path.join(out, "utf8.json"), "utf8")).source.name).toBe("utf8.txt");
  });

  it("does not let two inputs of the same name overwrite each other", async () => {
    const out = path.join(tmp, "clash");
    const r = await dubao(["parse", "encodings/utf8.txt", "batch/page-a.txt", path.join(ENCODINGS, "..", "batch", "page-a.txt"), "encodings/../batch/page-a.txt", "--out", out, "-q"]);
    // the same file named three ways is parsed once; a different file with a used name is refused
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["page-a.json", "utf8.json"]);
    await writeFile(path.join(tmp, "page-a.txt"), "另一个版面\n");
    const r2 = await dubao(["parse", "batch/page-a.txt", path.join(tmp, "page-a.txt"), "--out", out]);
    expect(r2.code).toBe(1);
    expect(lines(r2.stderr)[0]).toBe(`dubao: ${path.join(tmp, "page-a.txt")}: skipped: its output page-a.json is already written for batch/page-a.txt`);
  });

  it("writes the same bytes and reports the same lines in the same order with --parallel 1 and 3", async () => {
    // two inputs named page-a.txt: the first is binary and fails, so the second writes page-a.json
    const clash = path.join(tmp, "clash-src");
    await mkdir(clash, { recursive: true });
    await writeFile(path.join(clash, "page-a.txt"), await readFile(path.join(FIXTURES, "batch", "scan.txt")));
    const inputs = [path.join(clash, "page-a.txt"), "batch", "encodings", "no-such.txt", "encodings/utf8.txt"];
    const runs = [];
    for (const parallel of ["1", "3"]) {
      const out = path.join(tmp, `parallel-${parallel}`);
      const r = await dubao(["parse", ...inputs, "--out", out, "--parallel", parallel]);
      const names = (await readdir(out)).sort();
      const files = await Promise.all(names.map((n) => readFile(path.join(out, n), "utf8")));
      runs.push({ code: r.code, stdout: r.stdout, stderr: r.stderr.replaceAll(out, "OUT"), names, files });
    }
    expect(runs[0]!.names).toEqual(["gb18030.json", "page-a.json", "page-b.json", "utf16le-bom.json", "utf8-bom.json", "utf8.json"]);
    expect(lines(runs[0]!.stderr)).toEqual([
      `dubao: ${path.join(clash, "page-a.txt")}: binary file (NUL bytes at offset 3)`,
      `dubao: ${path.join("batch", "scan.txt")}: binary file (NUL bytes at offset 3)`,
      "dubao: no-such.txt: no such file or directory",
      "dubao: wrote 6 files to OUT; 3 failed",
    ]);
    expect(runs[1]).toEqual(runs[0]);
  });

  it.each(["0", "1.5", "many", "257"])("refuses --parallel %s", async (value) => {
    const r = await dubao(["parse", "encodings/utf8.txt", "--out", path.join(tmp, "never"), "--parallel", value]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(lines(r.stderr)[0]).toBe(`dubao: --parallel needs a whole number from 1 to 256, not "${value}"`);
  });

  it("writes a dump of several pages (form feeds between them, as pdftotext prints an issue) one file per page", async () => {
    const dir = path.join(tmp, "issue");
    await mkdir(dir, { recursive: true });
    const page = await readFile(path.join(FIXTURES, "encodings/utf8.txt"), "utf8");
    await writeFile(path.join(dir, "issue.txt"), `${page}\f${page}\f`);
    const out = path.join(tmp, "issue-out");
    expect(await dubao(["parse", path.join(dir, "issue.txt"), "--out", out])).toMatchObject({ code: 0, stderr: `dubao: wrote 2 files to ${out}\n` });
    expect((await readdir(out)).sort()).toEqual(["issue-p1.json", "issue-p2.json"]);
    const [p1, p2] = await Promise.all(["issue-p1.json", "issue-p2.json"].map(async (f) => pageOf(await readFile(path.join(out, f), "utf8"))));
    expect([p1!.id.slice(-3), p2!.id.slice(-3)]).toEqual(["-p1", "-p2"]);
    expect(p2!.articles.map((a) => a.headline)).toEqual(p1!.articles.map((a) => a.headline));
    expect(p2!.articles[0]!.spans[0]!.start).toBe(p1!.articles[0]!.spans[0]!.start + page.length + 1);

    const r = await dubao(["parse", path.join(dir, "issue.txt")]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toContain("has more than one page: give --out DIR");
  });

  it("reports an output directory it cannot create", async () => {
    const file = path.join(tmp, "a-file");
    await writeFile(file, "");
    const r = await dubao(["parse", "encodings/utf8.txt", "--out", path.join(file, "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`dubao: ${path.join(file, "out")}: cannot create the output directory: not a directory\n`);
  });
});

describe("dubao usage", () => {
  it.each([
    [["parse", "encodings/utf8.txt", "batch/page-a.txt"], "dubao: 2 inputs need --out DIR"],
    [["parse", "batch"], "dubao: batch is a directory: use --out DIR"],
    [["parse"], "dubao: missing required positional argument: INPUTS"],
    [["parse", "encodings/utf8.txt", "--outdir", "x"], "dubao: unknown option --outdir"],
    [["parse", "encodings/utf8.txt", "--out"], "dubao: option --out needs a value"],
    [["prase", "x.txt"], 'dubao: unknown command "prase"'],
    [[], "Turn newspaper page dumps"],
  ])("exits 2 on %j with a short message and no stack trace", async (args, message) => {
    const r = await dubao(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("shows help with examples, in plain text when piped", async () => {
    const r = await dubao(["parse", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("USAGE dubao parse [OPTIONS] <INPUTS>");
    expect(r.stdout).toContain("--out=<DIR>");
    expect(r.stdout).toContain("EXAMPLES");
    expect(r.stdout).toContain("dubao parse archive/2024/ --out parsed/");
    expect(r.stdout).not.toContain("\u001b[");
    const top = await dubao(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("parse");
  });

  it("prints the package version", async () => {
    const pkg = JSON.parse(await readFile(path.resolve(here, "../../../package.json"), "utf8")) as { version: string };
    expect(await dubao(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});
