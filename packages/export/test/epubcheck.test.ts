import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseText, type Page } from "@dubao/core";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { EmptyEpubError } from "../src/index.js";
import { collectionBytes, loadPage } from "./helpers.js";

// EPUB output checked by the W3C's EPUBCheck (Debian package `epubcheck`, which .ci/run installs).
// Without it the checks are skipped on a developer machine, and fail in CI.
const EPUBCHECK = "/usr/bin/epubcheck";
const HAVE_EPUBCHECK = existsSync(EPUBCHECK) && spawnSync("java", ["-version"]).status === 0;
if (!HAVE_EPUBCHECK && process.env.CI) throw new Error(`${EPUBCHECK} (and java) are needed in CI: apt-get install -y epubcheck`);

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(HERE, "../../../corpus");
const GOLDEN = path.join(HERE, "golden");
const work = mkdtempSync(path.join(os.tmpdir(), "dubao-epub-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs EPUBCheck; returns its report when it found anything, else "". */
function epubcheck(file: string): string {
  const run = spawnSync("java", ["-jar", EPUBCHECK, file], { encoding: "utf8" });
  const report = `${run.stdout}\n${run.stderr}`;
  return run.status === 0 && report.includes("No errors or warnings detected") ? "" : report;
}

function corpusPages(): Page[] {
  const dir = path.join(CORPUS, "dev");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseText(readFileSync(path.join(dir, f), "utf8"), { sourceName: f }));
}

describe.skipIf(!HAVE_EPUBCHECK)("EPUBCheck", () => {
  it("passes the golden book of the seed page without errors or warnings", () => {
    expect(epubcheck(path.join(GOLDEN, "epub/seed.epub"))).toBe("");
  });

  it("passes a book of many pages (seed, hostile, every dev corpus page, a page without articles)", async () => {
    const empty: Page = { ...loadPage("seed.page.json"), id: "empty", articles: [] };
    const pages = [loadPage("seed.page.json"), empty, loadPage("hostile.page.json"), ...corpusPages()];
    const file = path.join(work, "many.epub");
    writeFileSync(file, await collectionBytes("epub", pages));
    expect(epubcheck(file)).toBe("");
  });
});

describe("EPUB container", () => {
  it("starts with the mimetype file, stored uncompressed and without extra field", async () => {
    const bytes = Buffer.from(await collectionBytes("epub", [loadPage("seed.page.json")]));
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50); // local file header
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.readUInt16LE(26)).toBe("mimetype".length);
    expect(bytes.readUInt16LE(28)).toBe(0); // extra field length
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(bytes.subarray(38, 58).toString("latin1")).toBe("application/epub+zip");
  });

  it("holds one chapter per article, listed in the contents by page", async () => {
    const seed = loadPage("seed.page.json");
    const hostile = loadPage("hostile.page.json");
    const files = unzipSync(await collectionBytes("epub", [seed, hostile]));
    const chapters = Object.keys(files).filter((f) => f.startsWith("EPUB/text/"));
    expect(chapters).toHaveLength(seed.articles.length + hostile.articles.length);
    const nav = Buffer.from(files["EPUB/nav.xhtml"]!).toString("utf8");
    expect(nav.match(/<li>/g)).toHaveLength(2 + chapters.length); // two pages, then their articles
    expect(nav).toContain("2022-06-01 第3版");
  });

  it("refuses to write a book without any article", async () => {
    const empty: Page = { ...loadPage("seed.page.json"), articles: [] };
    await expect(collectionBytes("epub", [empty])).rejects.toBeInstanceOf(EmptyEpubError);
  });

  it("gives the same bytes for the same pages", async () => {
    const pages = [loadPage("seed.page.json"), loadPage("hostile.page.json")];
    const [a, b] = await Promise.all([collectionBytes("epub", pages), collectionBytes("epub", pages)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

