import { z } from "zod";

/** The environment the reader reads, validated once at start. */
export const EnvSchema = z.object({
  /** Library database file; default `data/dubao.db` under the working directory. */
  DUBAO_DB: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  /** `off` hides the upload page (a read-only archive); default `on`. */
  DUBAO_UPLOAD: z.enum(["on", "off"]).default("on"),
});

/** The validated environment. */
export type Env = z.infer<typeof EnvSchema>;

/**
 * Validates the environment.
 * @param source variables to read (default `process.env`)
 * @throws Error with one line per bad variable
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment for the dubao reader: ${lines.join("; ")}`);
  }
  return result.data;
}
