import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PageSchema, type Page } from "@dubao/core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, runCli, untimedTextOf } from "../../test-support/run-cli.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const DEV = path.resolve(here, "../../../../../corpus/dev");
/** pdf.js reads every embedded font of the Chromium-made dev pages: seconds per page on a busy machine. */
const SLOW = 120_000;


const dubao = async (args: string[], cwd: string) => untimedTextOf(await runCli(args, { cwd }));

const pageOf = (json: string): Page => PageSchema.parse(JSON.parse(json));

/**
 * One PDF of the given pages, in order: a dev page's name (copied by pdf-lib, text layer
 * untouched) or a line of Latin text (a light page of its own, quick to parse).
 */
async function issueOf(pages: readonly string[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const font = await out.embedFont(StandardFonts.Helvetica);
  for (const name of pages) {
    if (name.startsWith("cnki_")) {
      const src = await PDFDocument.load(await readFile(path.join(DEV, `${name}.pdf`)));
      for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    } else {
      out.addPage([400, 300]).drawText(name, { x: 30, y: 250, size: 12, font });
    }
  }
  return out.save();
}

let tmp: string;
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "pnpm build" first`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "dubao-cli-pdf-"));
  await writeFile(path.join(tmp, "issue.pdf"), await issueOf(["cnki_104", "Page two of the issue, 2024", "Page three, with 3 words"]));
  await writeFile(path.join(tmp, "one.pdf"), await readFile(path.join(DEV, "cnki_104.pdf")));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("dubao parse with PDF, ALTO and hOCR input", () => {
  it(
    "prints the Page of a one-page PDF, told from its content",
    async () => {
      await writeFile(path.join(tmp, "page-without-extension"), await readFile(path.join(DEV, "cnki_104.pdf")));
      const r = await dubao(["parse", "page-without-extension"], tmp);
      expect(r).toMatchObject({ code: 0, stderr: "" });
      const page = pageOf(r.stdout);
      expect(page.source).toMatchObject({ name: "page-without-extension", format: "pdf", encoding: "binary" });
      expect(page.articles.length).toBeGreaterThanOrEqual(4);
      expect(page.articles[0]!.spans[0]).toMatchObject({ page: 1 });
    },
    SLOW,
  );

  it(
    "writes one Page per PDF page as NAME-pN.json, and NAME.json for a one-page PDF",
    async () => {
      const r = await dubao(["parse", "issue.pdf", "one.pdf", "--out", "out"], tmp);
      expect(r).toMatchObject({ code: 0, stdout: "" });
      expect(r.stderr).toBe("dubao: wrote 4 files to out\n");
      expect((await readdir(path.join(tmp, "out"))).sort()).toEqual(["issue-p1.json", "issue-p2.json", "issue-p3.json", "one.json"]);
      const pages = await Promise.all([1, 2, 3].map(async (n) => pageOf(await readFile(path.join(tmp, "out", `issue-p${n}.json`), "utf8"))));
      expect(new Set(pages.map((p) => p.id)).size).toBe(3);
      pages.forEach((page, i) => {
        expect(page.id.endsWith(`-p${i + 1}`)).toBe(true);
        expect(page.source.name).toBe("issue.pdf");
        for (const a of page.articles) for (const s of a.spans) expect(s.page).toBe(i + 1);
        for (const u of page.unassigned) for (const s of u.spans) expect(s.page).toBe(i + 1);
      });
      const text = (page: Page) => JSON.stringify([page.articles, page.unassigned]);
      expect(text(pages[1]!)).toContain("2024");
      expect(text(pages[2]!)).toContain("words");
      // the same page reads the same, alone or inside an issue
      const alone = pageOf(await readFile(path.join(tmp, "out", "one.json"), "utf8"));
      expect(pages[0]!.articles.map((a) => a.headline)).toEqual(alone.articles.map((a) => a.headline));
    },
    SLOW,
  );

  it(
    "refuses to print a PDF of several pages on stdout",
    async () => {
      const r = await dubao(["parse", "issue.pdf"], tmp);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe("dubao: issue.pdf: has more than one page: give --out DIR to write one JSON file per page (NAME-p1.json, NAME-p2.json…)\n");
    },
    SLOW,
  );

  it(
    "reports a truncated PDF, a PDF that is none and a binary file in one line each, and parses the rest",
    async () => {
      const dir = path.join(tmp, "bad");
      await mkdir(dir, { recursive: true });
      const good = await readFile(path.join(DEV, "cnki_104.pdf"));
      await writeFile(path.join(dir, "a-cut.pdf"), good.subarray(0, 2000));
      await writeFile(path.join(dir, "b-fake.pdf"), "<html><body>404 Not Found</body></html>");
      await writeFile(path.join(dir, "c-good.pdf"), good);
      await writeFile(path.join(dir, "d-noise.pdf"), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0, 1, 2, 3, 4]));
      const r = await dubao(["parse", "bad", "--input-format", "pdf", "--out", "bad-out", "-j", "1"], tmp);
      expect(r.code).toBe(1);
      const lines = r.stderr.split("\n").filter((l) => l !== "");
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^dubao: bad\/a-cut\.pdf: damaged or truncated PDF/);
      expect(lines[1]).toBe("dubao: bad/b-fake.pdf: not a PDF (no %PDF- header at its start)");
      expect(lines[2]).toMatch(/^dubao: bad\/d-noise\.pdf: /);
      expect(lines[3]).toBe("dubao: wrote 1 file to bad-out; 3 failed");
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(await readdir(path.join(tmp, "bad-out"))).toEqual(["c-good.json"]);
    },
    SLOW,
  );

  it("reads ALTO and hOCR by their content, and takes their files from directories with --input-format", async () => {
    const dir = path.join(tmp, "xml");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "p101.xml"), await readFile(path.join(DEV, "cnki_101.alto.xml")));
    await writeFile(path.join(dir, "p101.txt"), await readFile(path.join(DEV, "cnki_101.txt")));
    const alto = await dubao(["parse", "xml/p101.xml"], tmp);
    expect(alto.code).toBe(0);
    expect(pageOf(alto.stdout).source.format).toBe("alto");
    const hocr = await dubao(["parse", path.join(DEV, "cnki_101.hocr")], tmp);
    expect(pageOf(hocr.stdout).source.format).toBe("hocr");
    // by default a directory gives its .txt dumps; --input-format alto gives its .xml files
    const dumps = await dubao(["parse", "xml", "--out", "xml-txt"], tmp);
    expect(dumps.code).toBe(0);
    expect(await readdir(path.join(tmp, "xml-txt"))).toEqual(["p101.json"]);
    expect(pageOf(await readFile(path.join(tmp, "xml-txt", "p101.json"), "utf8")).source.format).toBe("text");
    const xml = await dubao(["parse", "xml", "--input-format", "alto", "--out", "xml-alto"], tmp);
    expect(xml.code).toBe(0);
    expect(pageOf(await readFile(path.join(tmp, "xml-alto", "p101.json"), "utf8")).source.format).toBe("alto");
    // forced to text, an ALTO file is parsed as a dump
    const forced = await dubao(["parse", "xml/p101.xml", "--input-format", "text"], tmp);
    expect(pageOf(forced.stdout).source.format).toBe("text");
  });

  it("refuses an unknown --input-format with a usage error", async () => {
    const r = await dubao(["parse", "one.pdf", "--input-format", "docx"], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe('dubao: --input-format must be one of auto, text, pdf, alto, hocr, mets, not "docx"');
  });
});
