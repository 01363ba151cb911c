import { defineCommand } from "citty";
import { pageJsonSchema } from "@dubao/core";
import { assertKnownOptions } from "../../cli-args.js";
import { EXIT_OK, UsageError } from "../../errors.js";
import { writeToStream } from "../../io/write-stream.js";
import type { CliIo } from "../../main.js";

/** Examples shown by `dubao schema --help`. */
export const examples = ["dubao schema > page.schema.json   # the JSON Schema that Page JSON follows"] as const;

/** `dubao schema`: the JSON Schema (draft 2020-12) of the Page JSON that `dubao parse` writes. */
export default defineCommand({
  meta: { name: "schema", description: "Print the JSON Schema of Page JSON (what dubao parse writes and dubao export reads)" },
  args: {},
  run: async ({ rawArgs, data }) => {
    assertKnownOptions(rawArgs, {});
    const extra = rawArgs.find((a) => !a.startsWith("-"));
    if (extra !== undefined) throw new UsageError(`schema takes no arguments (got "${extra}")`);
    await writeToStream((data as CliIo).stdout, `${JSON.stringify(pageJsonSchema(), null, 2)}\n`);
    return EXIT_OK;
  },
});
