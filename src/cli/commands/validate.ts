import { z } from "zod";
import { formatIssues } from "../../core/index.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { readWorkshopFile } from "../readWorkshopFile.js";

/** `concord validate FILE`: exit 0 when valid, 1 with one line per problem. */
export async function validateCommand(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, z.object({ positionals: onePositional("FILE") }));
  const [file] = positionals;
  const result = readWorkshopFile(file);
  if (!result.ok) {
    process.stderr.write(`${file} is not a valid workshop/v1 file:\n${formatIssues(result.error.issues)}\n`);
    return 1;
  }
  const doc = result.value;
  const cards = doc.themes.reduce((sum, theme) => sum + theme.cards.length, doc.unclusteredCards.length);
  process.stdout.write(`${file}: valid workshop/v1 (${doc.themes.length} themes, ${cards} cards)\n`);
  return 0;
}
