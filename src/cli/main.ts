import { parseArgs } from "node:util";
import { CliError, HELP } from "./help.js";

type Command = (args: string[]) => Promise<number>;

/**
 * Each command loads its modules only when it runs: the server, the PDF renderer and the
 * embedding model are heavy to import, and `concord tally` or `validate` needs none of them.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  import: async () => (await import("./commands/import.js")).importCommand,
  export: async () => (await import("./commands/export.js")).exportCommand,
  report: async () => (await import("./commands/report.js")).reportCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  themes: async () => (await import("./commands/themes.js")).themesCommand,
  tally: async () => (await import("./commands/tally.js")).tallyCommand,
  "demo-link": async () => (await import("./commands/demoLink.js")).demoLinkCommand,
  backup: async () => (await import("./commands/storeMoves.js")).backupCommand,
  restore: async () => (await import("./commands/storeMoves.js")).restoreCommand,
  copy: async () => (await import("./commands/storeMoves.js")).copyCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(HELP);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new CliError(`Unknown command "${name}". Run "concord --help".`, 2);
  if (parseArgs({ args: rest, strict: false }).values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const command = await load();
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`concord: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`concord: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
