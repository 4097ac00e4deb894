import { z } from "zod";
import { formatIssues } from "../../core/index.js";
import { issueFacilitatorKey } from "../../server/facilitatorKeys.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { withService } from "../context.js";
import { CliError } from "../help.js";
import { readWorkshopFile } from "../readWorkshopFile.js";

/** `concord import FILE`: prints the new workshop's id, then its URL. */
export async function importCommand(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, z.object({ positionals: onePositional("FILE") }));
  const [file] = positionals;
  const result = readWorkshopFile(file);
  if (!result.ok)
    throw new CliError(
      `${file} is not a valid workshop/v1 file; nothing was imported:\n${formatIssues(result.error.issues)}`,
    );
  const doc = result.value;
  await withService(async ({ service, store, config }) => {
    const state = await service.importDocument(doc);
    const key = await issueFacilitatorKey(store, state.id);
    process.stdout.write(`${state.id}\n${config.publicUrl}/w/${state.id}\n`);
    process.stderr.write(`Facilitate it at ${config.publicUrl}/w/${state.id}#key=${key}\n`);
  });
  return 0;
}
