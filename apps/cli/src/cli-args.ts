import type { ArgsDef } from "citty";
import { UsageError } from "./errors.js";

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Throws a {@link UsageError} for any option a command does not declare. citty parses leniently
 * (an unknown `--outt x` would become a flag and a positional), so a typo would otherwise run
 * the command with a wrong meaning.
 * @param rawArgs the arguments after the command name
 * @param argsDef the command's declared arguments
 */
export function assertKnownOptions(rawArgs: readonly string[], argsDef: ArgsDef): void {
  const known = new Map<string, "boolean" | "value">([
    ["help", "boolean"],
    ["h", "boolean"],
  ]);
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type === "positional") continue;
    const kind = def.type === "boolean" ? "boolean" : "value";
    const alias = "alias" in def ? def.alias : undefined;
    const aliases = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
    for (const n of [name, camel(name), kebab(name), ...aliases]) known.set(n, kind);
  }
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const name = arg.replace(/^--?/, "").split("=", 1)[0]!;
    const kind = known.get(name) ?? (name.startsWith("no-") && known.get(name.slice(3)) === "boolean" ? "boolean" : undefined);
    if (kind === undefined) throw new UsageError(`unknown option ${arg.split("=", 1)[0]}`);
    if (kind === "value" && !arg.includes("=")) {
      if (i + 1 >= rawArgs.length) throw new UsageError(`option ${arg} needs a value`);
      i++; // the value may start with "-": it is not an option
    }
  }
}
