import { z } from "zod";
import { formatIssues } from "../../core/index.js";
import { issueFacilitatorKey } from "../../server/facilitatorKeys.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { withService } from "../context.js";
import { CliError } from "../help.js";
import { readWorkshopFile } from "../readWorkshopFile.js";

const importArgs = z.object({
  positionals: onePositional("FILE"),
  owner: z.email({ error: "owner: an account's email" }).optional(),
});

/** `concord import FILE [--owner EMAIL]`: prints the new workshop's id, then its URL. */
export async function importCommand(args: string[]): Promise<number> {
  const { positionals, owner } = parseCommandArgs(args, { owner: { type: "string" } } as const, importArgs);
  const [file] = positionals;
  const result = readWorkshopFile(file);
  if (!result.ok)
    throw new CliError(
      `${file} is not a valid workshop/v1 file; nothing was imported:\n${formatIssues(result.error.issues)}`,
    );
  const doc = result.value;
  await withService(async ({ service, store, accounts, config }) => {
    const account = owner ? await accounts.findAccountByEmail(owner.toLowerCase()) : undefined;
    if (owner && !account) throw new CliError(`No account with the email ${owner}; nothing was imported`);
    const state = await service.importDocument(doc);
    if (account) await accounts.grantAccess(state.id, account.id, "owner");
    const key = await issueFacilitatorKey(store, state.id);
    process.stdout.write(`${state.id}\n${config.publicUrl}/w/${state.id}\n`);
    process.stderr.write(`Facilitate it at ${config.publicUrl}/w/${state.id}#key=${key}\n`);
  });
  return 0;
}
