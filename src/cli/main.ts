import { parseArgs } from "node:util";
import { demoLinkCommand } from "./commands/demoLink.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { reportCommand } from "./commands/report.js";
import { serveCommand } from "./commands/serve.js";
import { backupCommand, copyCommand, restoreCommand } from "./commands/storeMoves.js";
import { tallyCommand } from "./commands/tally.js";
import { themesCommand } from "./commands/themes.js";
import { validateCommand } from "./commands/validate.js";
import { CliError, HELP } from "./help.js";

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  serve: serveCommand,
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  validate: validateCommand,
  themes: themesCommand,
  tally: tallyCommand,
  "demo-link": demoLinkCommand,
  backup: backupCommand,
  restore: restoreCommand,
  copy: copyCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}". Run "concord --help".`, 2);
  if (parseArgs({ args: rest, strict: false }).values.help) {
    process.stdout.write(HELP);
    return 0;
  }
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
