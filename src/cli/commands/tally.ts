import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatIssues, parseBallotsDocument, tallyBallots } from "../../core/index.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { CliError } from "../help.js";
import { tallyTable } from "../tallyTable.js";

const tallyArgs = z.object({ positionals: onePositional("FILE"), json: z.boolean().default(false) });

/** `concord tally FILE [--json]`: counts a ballots/v1 file; an invalid one is refused whole (exit 1). */
export async function tallyCommand(args: string[]): Promise<number> {
  const { positionals, json } = parseCommandArgs(args, { json: { type: "boolean" } } as const, tallyArgs);
  const [file] = positionals;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseBallotsDocument(text);
  if (!parsed.ok)
    throw new CliError(
      `${file} is not a valid ballots/v1 file; nothing was counted:\n${formatIssues(parsed.error.issues)}`,
    );
  const report = tallyBallots(parsed.value);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : tallyTable(report));
  return 0;
}
