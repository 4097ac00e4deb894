import { z } from "zod";
import { loadConfig } from "../../server/config.js";
import { startServer } from "../../server/server.js";
import { parseCommandArgs } from "../args.js";

/** `concord serve`: runs until SIGINT or SIGTERM. */
export async function serveCommand(args: string[]): Promise<number> {
  parseCommandArgs(args, {}, z.object({ positionals: z.tuple([], { error: "serve takes no arguments" }) }));
  await startServer(loadConfig());
  // The server keeps the process alive; startServer handles the signals that end it.
  return 0;
}
