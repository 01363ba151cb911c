export * from "./schema.js";
// the parsers and their types: one list, shared with the zod-free entry @dubao/core/parse
export * from "./parse.js";
