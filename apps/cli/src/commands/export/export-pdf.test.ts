import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, textOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const DEV = path.resolve(here, "../../../../../corpus/dev");
/** pdf.js reads every embedded font of the Chromium-made dev pages: seconds per page on a busy machine. */
const SLOW = 120_000;


const dubao = async (args: string[], cwd: string, input?: Buffer) => textOf(await runCli(args, { cwd, input }));

let tmp: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-export-pdf-"));
  // a dev page, then a light page of Latin text (quick to parse)
  const issue = await PDFDocument.create();
  const src = await PDFDocument.load(await readFile(path.join(DEV, "cnki_104.pdf")));
  for (const page of await issue.copyPages(src, src.getPageIndices())) issue.addPage(page);
  issue.addPage([400, 300]).drawText("Second page of the issue, 2024", { x: 30, y: 250, size: 12, font: await issue.embedFont(StandardFonts.Helvetica) });
  await writeFile(path.join(tmp, "issue.pdf"), await issue.save());
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao export with PDF input", () => {
  it(
    "exports every page of a PDF: one file per page (NAME-pN) for per-page formats, all pages in one collection",
    async () => {
      const html = await dubao(["export", "issue.pdf", "--format", "html", "--out", "html", "-j", "1", "-q"], tmp);
      expect(html).toMatchObject({ code: 0, stderr: "" });
      expect(await readdir(path.join(tmp, "html"))).toEqual(["issue-p1.html", "issue-p2.html"]);
      const jsonl = await dubao(["export", "issue.pdf", "--format", "jsonl", "-j", "1", "-q"], tmp);
      expect(jsonl.code).toBe(0);
      const records = jsonl.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records.length).toBeGreaterThanOrEqual(5);
      const html1 = await readFile(path.join(tmp, "html", "issue-p1.html"), "utf8");
      expect(html1).toContain("<html");
    },
    SLOW,
  );

  it(
    "reads a PDF from standard input, and refuses several pages of one per-page format on stdout",
    async () => {
      const one = await dubao(["export", "-", "--format", "txt", "-q"], tmp, await readFile(path.join(DEV, "cnki_104.pdf")));
      expect(one.code).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(1000);
      const many = await dubao(["export", "issue.pdf", "--format", "md", "-q"], tmp);
      expect(many.code).toBe(1);
      expect(many.stdout).toBe("");
      expect(many.stderr).toBe("dubao: issue.pdf: has 2 pages: give --out DIR to write one md file per page\n");
    },
    SLOW,
  );

  it(
    "reports a bad PDF in one line and exports the other inputs",
    async () => {
      await writeFile(path.join(tmp, "cut.pdf"), (await readFile(path.join(DEV, "cnki_104.pdf"))).subarray(0, 3000));
      const r = await dubao(["export", "cut.pdf", path.join(DEV, "cnki_101.txt"), "--format", "jsonl", "--out", "out.jsonl", "-j", "1"], tmp);
      expect(r.code).toBe(1);
      const lines = r.stderr.split("\n").filter((l) => l !== "");
      expect(lines[0]).toMatch(/^dubao: cut\.pdf: damaged or truncated PDF/);
      expect(lines[1]).toMatch(/^dubao: exported 1 file to out\.jsonl as jsonl: \d+ articles, 0 warnings, 1 failed/);
      expect((await readFile(path.join(tmp, "out.jsonl"), "utf8")).length).toBeGreaterThan(0);
    },
    SLOW,
  );
});
