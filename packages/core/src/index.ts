export * from "./schema.js";
export type { ParseOptions } from "./options.js";
export { parseText } from "./parse-text.js";
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
