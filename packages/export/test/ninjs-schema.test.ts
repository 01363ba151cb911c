import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseText, type Page } from "@dubao/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { articleToNinjs, NINJS_SCHEMA_URI, pageToNinjs } from "../src/index.js";
import { FIXTURES, loadPage } from "./helpers.js";

// Every ninjs document is validated against the official IPTC ninjs 2.1 JSON Schema (see
// fixtures/README.md for where the copy comes from).
const schema = JSON.parse(readFileSync(path.join(FIXTURES, "ninjs/ninjs-schema_2.1.json"), "utf8")) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
// The schema refers to the GeoJSON schema for `places[].geojson`, which dubao never writes and
// which is not available offline. It is registered as a schema nothing satisfies, so a document
// that did carry `geojson` would fail rather than pass unchecked.
ajv.addSchema({ $id: "https://geojson.org/schema/GeoJSON.json", not: {} });
const validate = ajv.compile(schema);

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../corpus");

function expectValid(doc: unknown, label: string): void {
  const ok = validate(doc);
  expect(ok ? [] : validate.errors, label).toEqual([]);
}

describe("ninjs documents against the official ninjs 2.1 JSON Schema", () => {
  it("the schema is the 2.1 one dubao names in `standard.schema`", () => {
    expect(schema.$id).toBe(NINJS_SCHEMA_URI);
    expect(String(schema.title)).toContain("version 2.1");
  });

  it("rejects what is not ninjs (the check can fail)", () => {
    const page = loadPage("seed.page.json");
    const doc = articleToNinjs(page, page.articles[0]!) as unknown as Record<string, unknown>;
    expect(validate({ ...doc, uri: undefined })).toBe(false);
    expect(validate({ ...doc, headline: "not a ninjs property" })).toBe(false);
    expect(validate({ ...doc, versioncreated: "2022-06-01" })).toBe(false);
    expect(validate({ ...doc, type: "article" })).toBe(false);
  });

  it("every article of the seed and the hostile page is valid", () => {
    for (const name of ["seed.page.json", "hostile.page.json"]) {
      const page = loadPage(name);
      const files = pageToNinjs(page);
      expect(files).toHaveLength(page.articles.length);
      files.forEach((f) => expectValid(JSON.parse(f.json), `${name} #${f.suffix}`));
    }
  });

  it("every article of every corpus page, as parsed today, is valid", () => {
    let pages = 0;
    let documents = 0;
    for (const dir of ["seed", "dev"]) {
      for (const file of readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith(".txt"))) {
        const page: Page = parseText(readFileSync(path.join(CORPUS, dir, file), "utf8"), { sourceName: file });
        pages++;
        for (const article of page.articles) {
          expectValid(articleToNinjs(page, article), `${dir}/${file} ${article.id}`);
          documents++;
        }
      }
    }
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(documents).toBeGreaterThanOrEqual(pages);
  });

  it("maps the page and article fields", () => {
    const page = loadPage("hostile.page.json");
    const article = page.articles[0]!;
    const doc = articleToNinjs(page, article);
    expect(doc.headlines).toEqual([
      { role: "main", value: article.headline },
      { role: "kicker", value: article.kicker },
      { role: "sub", value: article.subheadline },
      { role: "column", value: article.column },
    ]);
    expect(doc.by).toBe(article.byline!.raw);
    expect(doc.located).toBe(article.dateline);
    expect(doc.versioncreated).toBe("2022-06-01T00:00:00+08:00");
    expect(doc.people).toEqual([
      { name: '"甲"', rel: "reporter" },
      { name: "乙 & <丙>", rel: "reporter" },
      { name: '摄影, "甲"', rel: "photographer" },
    ]);
    expect(doc.bodies[0]!.value).toBe(article.paragraphs.map((p) => p.text).join("\n"));
    expect(doc.uri).toMatch(/^urn:dubao:article:[0-9a-f]{64}:hostile0000000001-01$/);
  });
});
