import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { metsHrefPath, readMetsIssue } from "../../src/layout/mets.js";
import { detectInputFormat, InputError, PageSchema, parseInput, parseInputPages, type Page } from "../../src/index.js";

const ISSUE = fileURLToPath(new URL("./fixtures/mets-issue/", import.meta.url));
const GOLD = fileURLToPath(new URL("../../../../corpus/dev/", import.meta.url));
const METS = readFileSync(path.join(ISSUE, "mets.xml"), "utf8");
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Reads the issue's files as the CLI does: relative to the METS file. */
const fromIssue = (files: Record<string, string> = {}) => async (rel: string) => {
  if (rel in files) return utf8(files[rel]!);
  return readFile(path.join(ISSUE, rel));
};
const parseMets = (mets: string, files?: Record<string, string>) => parseInput(utf8(mets), { sourceName: "mets.xml", readLinkedFile: fromIssue(files) });
const problemOf = async (mets: string, files?: Record<string, string>): Promise<string> => {
  try {
    await parseMets(mets, files);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  return "no error";
};

const letters = (s: string) => [...s.replace(/[^\p{L}\p{N}]/gu, "")].sort().join("");
/** Every CONTENT of an ALTO file's strings (a hyphenated word's SUBS_CONTENT would count twice: the fixture has none). */
const altoLetters = (xml: string) => letters([...xml.matchAll(/CONTENT="([^"]*)"/gu)].map((m) => m[1]).join(""));
function pageLetters(page: Page): string {
  const parts: string[] = [page.page.pageName ?? "", page.page.header ?? "", page.page.banner ?? "", page.page.publication ?? ""];
  for (const a of page.articles) {
    parts.push(a.kicker ?? "", a.headline ?? "", a.subheadline ?? "", a.dateline ?? "", a.column ?? "", a.byline?.raw ?? "");
    for (const p of a.paragraphs) parts.push(p.text);
    for (const j of a.jumps) parts.push(j.raw);
  }
  for (const u of page.unassigned) parts.push(u.text);
  return letters(parts.join(""));
}
const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/gu, "");
const goldHeadlines = (name: string) => (JSON.parse(readFileSync(`${GOLD}${name}.gold.json`, "utf8")) as { articles: { headline: string }[] }).articles.map((a) => squash(a.headline));

describe("readMetsIssue", () => {
  it("lists the ALTO file of each page in the physical order and the logical articles with their files", () => {
    const issue = readMetsIssue(METS, "mets.xml");
    // the fileSec lists 101 first, the physical structMap puts 102 first; the TIFFs are no text
    expect(issue.altoFiles.map((f) => [f.id, f.href])).toEqual([
      ["ALTO102", "file://./alto/cnki_102.xml"],
      ["ALTO101", "file://./alto/cnki_101.xml"],
    ]);
    expect(issue.articles).toHaveLength(10);
    expect(issue.articles[0]).toEqual({
      id: "ART102_1",
      areas: ["block_1_1", "block_1_2", "block_1_3", "block_1_4", "block_1_8"].map((begin) => ({ fileId: "ALTO102", begin })),
    });
  });

  it("takes the fileSec order and XML files by MIME type or name when there is no physical structMap nor text group", () => {
    const mets = `<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"><fileSec><fileGrp>
      <file ID="i1" MIMETYPE="image/jp2"><FLocat xlink:href="p1.jp2"/></file>
      <file ID="t1" MIMETYPE="application/alto+xml"><FLocat xlink:href="p1.alto"/></file>
      <file ID="t2"><FLocat xlink:href="p2.xml"/></file>
    </fileGrp></fileSec><structMap TYPE="LOGICAL"/></mets>`;
    expect(readMetsIssue(mets, "m.xml").altoFiles.map((f) => f.id)).toEqual(["t1", "t2"]);
  });

  it("refuses a file that is not METS, has no logical structMap, or lists no ALTO file", () => {
    expect(() => readMetsIssue("<alto/>", "m.xml")).toThrow("m.xml: not a METS file (no <mets> root element)");
    expect(() => readMetsIssue(METS.replace('TYPE="LOGICAL"', 'TYPE="FILES"'), "m.xml")).toThrow(/^m\.xml: no logical structMap/u);
    expect(() => readMetsIssue('<mets><fileSec/><structMap TYPE="LOGICAL"/></mets>', "m.xml")).toThrow(/^m\.xml: lists no ALTO file/u);
  });
});

describe("metsHrefPath", () => {
  it.each([
    ["alto/0001.xml", "alto/0001.xml"],
    ["./alto/0001.xml", "alto/0001.xml"],
    ["file://./alto/0001.xml", "alto/0001.xml"],
    ["file:alto/0001.xml", "alto/0001.xml"],
    ["alto\\0001.xml", "alto/0001.xml"],
    ["alto/a%20b.xml", "alto/a b.xml"],
    ["alto/../pages/0001.xml", "pages/0001.xml"],
  ])("reads %s as %s", (href, expected) => {
    expect(metsHrefPath(href)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ["../secret.xml", "points outside the METS file's directory"],
    ["alto/../../secret.xml", "points outside the METS file's directory"],
    ["/etc/passwd", "is an absolute path: only files in the METS file's directory are read"],
    ["file:///etc/passwd", "is an absolute path: only files in the METS file's directory are read"],
    ["C:\\alto\\1.xml", "is an absolute path: only files in the METS file's directory are read"],
    ["https://example.org/alto/1.xml", "is a URL, not a file beside the METS file"],
    ["%2e%2e/secret.xml", "points outside the METS file's directory"],
    ["./", "names no file"],
  ])("refuses %s", (href, problem) => {
    expect(metsHrefPath(href)).toEqual({ ok: false, problem });
  });
});

describe("parseInput of a METS issue", () => {
  it("is told from its content", () => {
    expect(detectInputFormat(utf8(METS))).toBe("mets");
    expect(detectInputFormat(utf8('<?xml version="1.0"?>\n<mets xmlns="http://www.loc.gov/METS/"/>'))).toBe("mets");
  });

  it("parses each page's ALTO file, in page order, into the METS articles, losing no letter", async () => {
    const pages = await parseMets(METS);
    expect(pages.map((p) => p.source.name)).toEqual(["alto/cnki_102.xml", "alto/cnki_101.xml"]);
    for (const [page, name] of [[pages[0]!, "cnki_102"], [pages[1]!, "cnki_101"]] as const) {
      PageSchema.parse(page);
      const alto = readFileSync(path.join(ISSUE, `alto/${name}.xml`), "utf8");
      expect(page.source.format).toBe("alto");
      expect(page.id).toBe(page.source.sha256.slice(0, 16));
      expect(page.diagnostics).toContainEqual(expect.objectContaining({ code: "mets-articles", severity: "info" }));
      // one article per METS article, in the METS order, headed as the gold says
      expect(page.articles.map((a) => squash(a.headline))).toEqual(goldHeadlines(name));
      expect(pageLetters(page)).toBe(altoLetters(alto));
      for (const a of page.articles) for (const s of a.spans) expect(alto.slice(s.start, s.end)).toMatch(/^<TextLine/u);
    }
  });

  it("follows the METS articles where the geometry would read otherwise", async () => {
    // move the last column of 加大为企服务… (block_1_17) into 上海公布“50条”…
    const moved = METS.replace('          <mets:area FILEID="ALTO101" BETYPE="IDREF" BEGIN="block_1_17"/>\n', "").replace(
      '<mets:area FILEID="ALTO101" BETYPE="IDREF" BEGIN="block_1_14"/>',
      '<mets:area FILEID="ALTO101" BETYPE="IDREF" BEGIN="block_1_14"/><mets:area FILEID="ALTO101" BETYPE="IDREF" BEGIN="block_1_17"/>',
    );
    expect(moved).not.toBe(METS);
    const [, page] = await parseMets(moved);
    const text = (headline: string) => page!.articles.find((a) => squash(a.headline) === headline)!.paragraphs.map((p) => p.text).join("");
    expect(text("上海公布“50条”加快经济恢复和重振")).toContain("推进复工复产情况");
    expect(text("加大为企服务加快经济恢复重振")).not.toContain("推进复工复产情况");
  });

  it("refuses an issue whose ALTO file is missing, outside its directory, a URL or malformed, before giving any page", async () => {
    const to = (href: string) => METS.replace("file://./alto/cnki_101.xml", href);
    expect(await problemOf(to("alto/missing.xml"))).toMatch(/^mets\.xml: line \d+: ALTO file alto\/missing\.xml \(file ALTO101\): ENOENT/u);
    expect(await problemOf(to("../../secret.xml"))).toMatch(/^mets\.xml: line \d+: ALTO file "\.\.\/\.\.\/secret\.xml" \(file ALTO101\) points outside the METS file's directory$/u);
    expect(await problemOf(to("https://example.org/1.xml"))).toMatch(/is a URL, not a file beside the METS file$/u);
    expect(await problemOf(to("alto/cut.xml"), { "alto/cut.xml": readFileSync(path.join(ISSUE, "alto/cnki_101.xml"), "utf8").slice(0, 3000) })).toMatch(
      /^mets\.xml: alto\/cut\.xml:\d+: malformed XML/u,
    );
    expect(await problemOf(to("alto/page.txt"), { "alto/page.txt": "要闻\n本报讯" })).toMatch(/^mets\.xml: alto\/page\.txt:\d+: malformed XML/u);
    // the broken file is the second page: the first is never given
    const pages = parseInputPages(utf8(to("alto/missing.xml")), { sourceName: "mets.xml", readLinkedFile: fromIssue() });
    await expect(pages.next()).rejects.toThrow(InputError);
  });

  it("refuses a METS file without a logical structMap, and one given without a way to read its files", async () => {
    expect(await problemOf(METS.replace('TYPE="LOGICAL"', 'TYPE="FILES"'))).toMatch(/^mets\.xml: no logical structMap .*parse the ALTO files themselves$/u);
    await expect(parseInput(utf8(METS), { sourceName: "mets.xml" })).rejects.toThrow("mets.xml: a METS file's pages are in the ALTO files it lists: read it from its path, not from its bytes alone");
  });
});
