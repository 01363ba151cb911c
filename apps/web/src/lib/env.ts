import "server-only";
import { parseEnv } from "./env-schema";

/** The reader's environment, validated with zod when the server first needs it. */
export const env = parseEnv();
