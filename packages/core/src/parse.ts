/**
 * `@dubao/core/parse`: the parsers and their types, without the zod schemas. Loading zod costs
 * about as much as the rest of the package together (measured: ~0.27 G instructions, ~80 ms on a
 * shared 2-core machine), and a program that only parses (the CLI, in each of its threads) needs
 * none of it. `@dubao/core` exports all of this too, with the schemas.
 */
export type * from "./schema.js";
export { SCHEMA_VERSION } from "./schema-version.js";
export type { ParseOptions } from "./options.js";
export { parseText } from "./parse-text.js";
export { parseTextPages, splitTextPages, type TextPage } from "./text-pages.js";
export { decodeInput, MAX_CONTROL_CHAR_SHARE, type DecodeResult, type InputEncoding } from "./decode.js";
export {
  detectInputFormat,
  INPUT_FORMATS,
  InputError,
  parseInput,
  parseInputPages,
  type InputFormat,
  type ParseInputOptions,
} from "./parse-input.js";
