export * from "./schema.js";
export type { ParseOptions } from "./options.js";
export { parseText } from "./parse-text.js";
