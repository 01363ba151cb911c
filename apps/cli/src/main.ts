import { stripVTControlCharacters } from "node:util";
import { defineCommand, renderUsage, runCommand, type CommandDef } from "citty";
import pkg from "../package.json" with { type: "json" };
import { commands, type CommandModule } from "./commands/index.js";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";

/** The streams a run writes to; tests and embedders may pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const NAME = "dubao";

const root = defineCommand({
  meta: { name: NAME, version: pkg.version, description: "Turn newspaper page dumps into structured articles" },
  subCommands: Object.fromEntries(Object.entries(commands).map(([name, load]) => [name, () => load().then((m) => m.default)])),
});

const ROOT_EXAMPLES = [
  `${NAME} parse page.txt > page.json`,
  `${NAME} parse pages/ --out parsed/`,
  `${NAME} export pages/ --format csv --out articles.csv`,
  `${NAME} parse --help`,
];

/**
 * Runs the `dubao` command line.
 * @param rawArgs the arguments after the program name
 * @param io where output and messages go
 * @returns the exit code: 0 ok, 1 some inputs failed, 2 usage error, 70 internal error
 */
export async function runCli(rawArgs: readonly string[], io: CliIo): Promise<number> {
  const args = [...rawArgs];
  const end = args.indexOf("--");
  const options = end < 0 ? args : args.slice(0, end);
  const commandIndex = args.findIndex((a, i) => (end < 0 || i < end) && !a.startsWith("-"));
  const commandName = commandIndex < 0 ? undefined : args[commandIndex]!;
  const wantsHelp = options.includes("--help") || options.includes("-h");
  try {
    if (commandName === undefined) {
      if (wantsHelp) return await printHelp(root, ROOT_EXAMPLES, io.stdout);
      if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
        io.stdout.write(`${pkg.version}\n`);
        return EXIT_OK;
      }
      if (args.length === 0) {
        await printHelp(root, ROOT_EXAMPLES, io.stderr);
        return EXIT_USAGE;
      }
      throw new UsageError(`unknown option ${options[0] ?? args[0]}`);
    }
    const load = Object.hasOwn(commands, commandName) ? commands[commandName] : undefined;
    if (!load) throw new UsageError(`unknown command "${commandName}" (commands: ${Object.keys(commands).join(", ")})`);
    const before = args.slice(0, commandIndex).filter((a) => a !== "--help" && a !== "-h");
    if (before.length > 0) throw new UsageError(`unknown option ${before[0]}`);
    const mod: CommandModule = await load();
    if (wantsHelp) return await printHelp(mod.default, mod.examples, io.stdout, root);
    const { result } = await runCommand(mod.default, { rawArgs: args.slice(commandIndex + 1), data: io });
    return typeof result === "number" ? result : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === "CLIError")) {
      const message = stripVTControlCharacters(error.message);
      const helpOf = commandName && Object.hasOwn(commands, commandName) ? `${NAME} ${commandName}` : NAME;
      io.stderr.write(`${NAME}: ${message.charAt(0).toLowerCase()}${message.slice(1)}\nRun "${helpOf} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    const detail = process.env.DUBAO_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    io.stderr.write(`${NAME}: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    return EXIT_INTERNAL;
  }
}

async function printHelp(
  cmd: CommandDef,
  examples: readonly string[],
  out: CliIo["stdout"],
  parent?: CommandDef,
): Promise<number> {
  let text = await renderUsage(cmd, parent);
  if (examples.length > 0) text += `\n\nEXAMPLES\n\n${examples.map((e) => `  ${e}`).join("\n")}`;
  // citty colours its help unless CI or NO_COLOR is set; a pipe or file wants plain text.
  if (!out.isTTY) text = stripVTControlCharacters(text);
  out.write(`${text}\n`);
  return EXIT_OK;
}
