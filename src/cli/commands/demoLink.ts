import { z } from "zod";
import { demoLink, reissueDemoKey } from "../../server/demo.js";
import { parseCommandArgs } from "../args.js";
import { withService } from "../context.js";
import { CliError } from "../help.js";

/**
 * `concord demo-link`: a co-facilitator link to the demo. The server prints one on its first start
 * only, and keeps just a hash of its key, so this issues a new key (earlier links stop working).
 */
export async function demoLinkCommand(args: string[]): Promise<number> {
  parseCommandArgs(args, {}, z.object({ positionals: z.array(z.string()).max(0, { error: "takes no arguments" }) }));
  const link = await withService(async ({ store, config }) => {
    const demo = await reissueDemoKey(store);
    return demo && demoLink(config.publicUrl, demo);
  });
  if (!link) throw new CliError("This store has no demo workshop yet: the server imports it on its first start");
  process.stdout.write(`${link}\n`);
  return 0;
}
