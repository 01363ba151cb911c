import { defineCommand } from "citty";
import { FORMAT_NAMES, FORMATS } from "@dubao/export";
import { assertKnownOptions } from "../../cli-args.js";
import { EXIT_OK, UsageError } from "../../errors.js";
import { writeToStream } from "../../io/write-stream.js";
import type { CliIo } from "../../main.js";

/** Examples shown by `dubao formats --help`. */
export const examples = ["dubao formats   # then: dubao export pages/ --format FORMAT --out PATH"] as const;

/** The lines `dubao formats` prints: each format's name, padded, and its summary. */
export function formatLines(): string[] {
  const width = Math.max(...FORMAT_NAMES.map((n) => n.length));
  return FORMAT_NAMES.map((name) => `${name.padEnd(width)}  ${FORMATS[name].summary}`);
}

/** `dubao formats`: the export formats, one line each. */
export default defineCommand({
  meta: { name: "formats", description: "List the formats of dubao export, one line each" },
  args: {},
  run: async ({ rawArgs, data }) => {
    assertKnownOptions(rawArgs, {});
    const extra = rawArgs.find((a) => !a.startsWith("-"));
    if (extra !== undefined) throw new UsageError(`formats takes no arguments (got "${extra}")`);
    await writeToStream((data as CliIo).stdout, `${formatLines().join("\n")}\n`);
    return EXIT_OK;
  },
});
