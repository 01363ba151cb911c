import type { CommandDef } from "citty";

/** What a command module exports: its citty definition and the examples its help shows. */
export interface CommandModule {
  default: CommandDef;
  examples: readonly string[];
}

/**
 * Every `dubao` command, by name. Each is imported only when it runs or its help is shown,
 * so starting the CLI costs no more than the command in use.
 */
export const commands: Readonly<Record<string, () => Promise<CommandModule>>> = {
  parse: () => import("./parse/command.js") as Promise<CommandModule>,
  import: () => import("./import/command.js") as Promise<CommandModule>,
  export: () => import("./export/command.js") as Promise<CommandModule>,
  formats: () => import("./formats/command.js") as Promise<CommandModule>,
  schema: () => import("./schema/command.js") as Promise<CommandModule>,
};
