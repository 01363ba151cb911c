// Writes page.schema.json from the zod schema. A test (test/schema.test.ts) keeps it current.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pageJsonSchema } from "../src/schema.js";

writeFileSync(resolve(import.meta.dirname, "../page.schema.json"), JSON.stringify(pageJsonSchema(), null, 2) + "\n");
