/**
 * Version of the Page JSON format. Bumped on any breaking change of the schema. In a module of
 * its own so the parsers stamp it on every Page without loading zod (see parse.ts).
 */
export const SCHEMA_VERSION = "1.0" as const;
