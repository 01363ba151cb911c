import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_SCHEMA_ID, pageJsonSchema } from "../src/index.js";

/** The published JSON Schema; `UPDATE=1 pnpm --filter @dubao/core test` rewrites it. */
const SCHEMA_FILE = resolve(import.meta.dirname, "../page.schema.json");
const expected = JSON.stringify(pageJsonSchema(), null, 2) + "\n";

describe("page.schema.json", () => {
  it("is the JSON Schema generated from PageSchema (UPDATE=1 regenerates it)", () => {
    if (process.env.UPDATE === "1") writeFileSync(SCHEMA_FILE, expected);
    expect(existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing: run the tests with UPDATE=1`).toBe(true);
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(expected);
  });

  it("names itself and describes a draft 2020-12 object with the Page's fields", () => {
    const schema = pageJsonSchema();
    expect(schema.$id).toBe(PAGE_SCHEMA_ID);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties as object).sort()).toEqual(["articles", "diagnostics", "id", "page", "schemaVersion", "source", "unassigned"]);
  });
});
