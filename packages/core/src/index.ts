export * from "./schema.js";
export type { ParseOptions } from "./options.js";
export { parseText } from "./parse-text.js";
export { decodeInput, MAX_CONTROL_CHAR_SHARE, type DecodeResult, type InputEncoding } from "./decode.js";
