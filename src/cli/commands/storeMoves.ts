import { z } from "zod";
import { loadConfig } from "../../server/config.js";
import type { RowCounts } from "../../server/store/transfer/storeTables.js";
import { StoreNotEmptyError } from "../../server/store/transfer/storeTables.js";
import {
  backupStore,
  copyStore,
  restoreStore,
  type StoreLocation,
  storeUrlSchema,
} from "../../server/store/transfer/transfer.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { CliError } from "../help.js";

/** The store the server would open: PostgreSQL with DATABASE_URL, else SQLite under CONCORD_DATA_DIR. */
function configuredStore(): StoreLocation {
  const config = loadConfig();
  return config.shared
    ? { kind: "postgres", url: config.shared.databaseUrl }
    : { kind: "sqlite", dataDir: config.dataDir };
}

/** "workshops 3, events 120, snapshots 3, accounts 2…": the rows moved, for the person who ran it. */
function summary(counts: RowCounts): string {
  const parts = [...counts].filter(([, rows]) => rows > 0).map(([table, rows]) => `${table} ${rows}`);
  return parts.length > 0 ? parts.join(", ") : "no rows (the store is empty)";
}

/** A refused target is an expected failure: said without a stack trace. */
async function refusing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof StoreNotEmptyError) throw new CliError(error.message);
    throw error;
  }
}

const fileArgs = z.object({ positionals: onePositional("FILE") });

/** `concord backup FILE`: a consistent backup of the whole store, while the server runs. */
export async function backupCommand(args: string[]): Promise<number> {
  const [file] = parseCommandArgs(args, {}, fileArgs).positionals;
  const counts = await backupStore(configuredStore(), file);
  process.stdout.write(`Backed up to ${file}: ${summary(counts)}\n`);
  return 0;
}

/** `concord restore FILE`: fills an empty store from a backup. */
export async function restoreCommand(args: string[]): Promise<number> {
  const [file] = parseCommandArgs(args, {}, fileArgs).positionals;
  const counts = await refusing(restoreStore(file, configuredStore()));
  process.stdout.write(`Restored from ${file}: ${summary(counts)}\n`);
  return 0;
}

const copyArgs = z.object({
  positionals: z.array(z.string()).max(0, { error: "takes no positional arguments" }),
  from: storeUrlSchema,
  to: storeUrlSchema,
});

/** `concord copy --from URL --to URL`: the whole store into an empty one, SQLite or PostgreSQL either way. */
export async function copyCommand(args: string[]): Promise<number> {
  const options = { from: { type: "string" }, to: { type: "string" } } as const;
  const { from, to } = parseCommandArgs(args, options, copyArgs);
  const counts = await refusing(copyStore(from, to));
  process.stdout.write(`Copied: ${summary(counts)}\n`);
  return 0;
}
