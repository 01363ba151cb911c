import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Library } from "@dubao/library";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, textOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "../../../../..");
const DEV = path.join(REPO, "corpus/dev");
const ISSUE = path.join(REPO, "packages/core/test/layout/fixtures/mets-issue");

const dubao = async (args: string[]) => textOf(await runCli(args, { cwd: tmp }));
const lines = (s: string) => s.split("\n").filter((l) => l !== "");

/** Every stored page: its source name and format, where it is filed, and its articles' ids. */
function pagesOf(db: string) {
  const library = Library.open(db);
  try {
    return library.latestIssues(100).flatMap((issue) =>
      library.issue(issue.id)!.pageList.map((p) => {
        const page = library.page(p.id)!;
        return { name: page.sourceName, format: page.sourceFormat, pageNumber: page.pageNumber, date: page.date, articles: page.articles.map((a) => a.id) };
      }),
    );
  } finally {
    library.close();
  }
}

/** A PDF of light pages, one line of text each (quick for pdf.js). */
async function pdfOf(texts: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) doc.addPage([400, 300]).drawText(text, { x: 30, y: 250, size: 12, font });
  return doc.save();
}

let tmp: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-import-layout-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao import of PDF, ALTO, hOCR and METS", () => {
  it("stores each page of a PDF on its own, once: a second run finds every page there", async () => {
    const file = path.join(tmp, "Gazette_2024-01-02.pdf");
    await writeFile(file, await pdfOf(["First page of the issue, 2024", "Second page of the issue", "Third page of the issue"]));
    const db = path.join(tmp, "pdf.db");
    const first = await dubao(["import", file, "--db", db]);
    expect(first.code).toBe(0);
    expect(lines(first.stdout).map((l) => l.replace(/, \d+ articles$/, ""))).toEqual([1, 2, 3].map((n) => `imported  ${file} (page ${n} of 3) → Gazette 2024-01-02 p${n}`));
    expect(first.stderr).toMatch(/^dubao: imported 3 pages \(\d+ articles?\) into /);
    const stored = pagesOf(db);
    expect(stored.map((p) => [p.name, p.format, p.pageNumber])).toEqual([1, 2, 3].map((n) => ["Gazette_2024-01-02.pdf", "pdf", n]));

    const again = await dubao(["import", file, "--db", db]);
    expect(again.code).toBe(0);
    expect(lines(again.stdout).every((l) => l.startsWith("duplicate "))).toBe(true);
    expect(again.stderr).toContain("imported 0 pages (0 articles)");
    expect(again.stderr).toContain("3 pages already there");
    expect(pagesOf(db)).toEqual(stored);
  });

  it("numbers a PDF's pages from --page on", async () => {
    const file = path.join(tmp, "later.pdf");
    await writeFile(file, await pdfOf(["Page five", "Page six"]));
    const db = path.join(tmp, "numbered.db");
    const r = await dubao(["import", file, "--db", db, "--publication", "Gazette", "--date", "2024-01-03", "--page", "5", "-q"]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(pagesOf(db).map((p) => p.pageNumber)).toEqual([5, 6]);
  });

  it("imports ALTO and hOCR told from their content, and the .xml files of a directory with --input-format alto", async () => {
    const dir = path.join(tmp, "scans");
    await mkdir(dir, { recursive: true });
    await copyFile(path.join(DEV, "cnki_103.alto.xml"), path.join(dir, "cnki_103.xml"));
    await copyFile(path.join(DEV, "cnki_104.hocr"), path.join(tmp, "cnki_104.hocr"));
    const db = path.join(tmp, "xml.db");
    const r = await dubao(["import", dir, "cnki_104.hocr", "--input-format", "alto", "--db", db, "--publication", "解放日报", "--date", "2022-06-01", "-q"]);
    // --input-format alto makes the hOCR file an ALTO input, which it is not
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^dubao: cnki_104\.hocr: /)]);
    const r2 = await dubao(["import", "cnki_104.hocr", "--db", db, "--publication", "解放日报", "--date", "2022-06-01", "-q"]);
    expect(r2).toEqual({ code: 0, stdout: "", stderr: "" });
    const stored = pagesOf(db);
    expect(stored.map((p) => [p.name, p.format])).toEqual([
      ["cnki_103.xml", "alto"],
      ["cnki_104.hocr", "hocr"],
    ]);
    for (const p of stored) expect(p.articles.length).toBeGreaterThanOrEqual(3);
  });

  it("imports a METS issue's pages, and nothing of an issue whose ALTO file is missing", async () => {
    const issue = path.join(tmp, "issue");
    await cp(ISSUE, issue, { recursive: true });
    const broken = path.join(tmp, "broken");
    await cp(ISSUE, broken, { recursive: true });
    await rm(path.join(broken, "alto", "cnki_101.xml"));
    const db = path.join(tmp, "mets.db");
    const r = await dubao(["import", path.join(broken, "mets.xml"), path.join(issue, "mets.xml"), "--db", db, "--publication", "解放日报", "--date", "2022-06-01"]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/^dubao: .*broken\/mets\.xml: line \d+: ALTO file alto\/cnki_101\.xml \(file ALTO101\): no such file or directory$/);
    expect(lines(r.stdout)).toHaveLength(2);
    const stored = pagesOf(db);
    expect(stored.map((p) => [p.name, p.format, p.articles.length])).toEqual([
      ["alto/cnki_102.xml", "alto", 6],
      ["alto/cnki_101.xml", "alto", 4],
    ]);
  });
});
