import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPageInput, readPageFile } from "../src/index.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("loadPageInput", () => {
  it("parses a text dump and keeps its text", () => {
    const r = loadPageInput(enc("标题\n正文第一段。\n"), "dumps/page.txt");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.raw).toBe("标题\n正文第一段。\n");
      expect(r.page.source.name).toBe("page.txt");
    }
  });

  it("refuses binary, undecodable, empty and oversized input with one line", () => {
    const bad = [
      loadPageInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "x.txt"),
      loadPageInput(new Uint8Array([0xff, 0xff, 0xff, 0x41, 0x81]), "x.txt"),
      loadPageInput(enc("  \n "), "x.txt"),
      loadPageInput(new Uint8Array(11), "x.txt", { maxBytes: 10 }),
      loadPageInput(enc("{not json"), "x.json"),
      loadPageInput(enc('{"schemaVersion":"1.0"}'), "x.json"),
    ];
    const problems = bad.map((r) => (r.ok ? "ok" : r.problem));
    expect(problems[0]).toMatch(/binary/);
    expect(problems[1]).toMatch(/not UTF-8, UTF-16 or GB18030/);
    expect(problems[2]).toMatch(/empty/);
    expect(problems[3]).toMatch(/too large/);
    expect(problems[4]).toMatch(/not valid JSON/);
    expect(problems[5]).toMatch(/not a dubao Page JSON/);
    for (const p of problems) expect(p).not.toContain("\n");
  });
});

describe("readPageFile", () => {
  it("reads Page JSON and the dump beside it when the hashes agree", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dubao-load-"));
    const dump = "标题\n正文。\n";
    writeFileSync(path.join(dir, "page.txt"), dump);
    const parsed = loadPageInput(enc(dump), "page.txt");
    if (!parsed.ok) throw new Error(parsed.problem);
    writeFileSync(path.join(dir, "page.json"), JSON.stringify(parsed.page));
    const r = await readPageFile(path.join(dir, "page.json"));
    expect(r.ok && r.raw).toBe(dump);

    writeFileSync(path.join(dir, "page.txt"), "changed");
    const stale = await readPageFile(path.join(dir, "page.json"));
    expect(stale.ok && stale.raw).toBeNull();
    const missing = await readPageFile(path.join(dir, "nope.txt"));
    expect(missing).toEqual({ ok: false, problem: "no such file or directory" });
  });
});
