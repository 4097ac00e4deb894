import { z } from "zod";
import { tallyBallots } from "../../core/index.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { readBallotsFile } from "../readBallotsFile.js";
import { tallyTable } from "../tallyTable.js";

const tallyArgs = z.object({ positionals: onePositional("FILE"), json: z.boolean().default(false) });

/** `concord tally FILE [--json]`: counts a ballots/v1 file; an invalid one is refused whole (exit 1). */
export async function tallyCommand(args: string[]): Promise<number> {
  const { positionals, json } = parseCommandArgs(args, { json: { type: "boolean" } } as const, tallyArgs);
  const [file] = positionals;
  const report = tallyBallots(readBallotsFile(file));
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : tallyTable(report));
  return 0;
}
