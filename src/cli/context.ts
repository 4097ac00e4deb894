import { join } from "node:path";
import type { AccountStore } from "../server/accounts/accountStore.js";
import { SqliteAccountStore } from "../server/accounts/sqliteAccountStore.js";
import { loadConfig, type ServerConfig } from "../server/config.js";
import { LocalEventBus } from "../server/eventBus.js";
import { openSharedBackend } from "../server/sharedBackend.js";
import type { EventStore } from "../server/store/eventStore.js";
import { openSqliteStore } from "../server/store/sqliteStore.js";
import { WorkshopService } from "../server/workshopService.js";

/**
 * Opens the same store and service the server uses, so that a CLI import or export is the very
 * code path a web request takes: the embedded SQLite store, or with DATABASE_URL and REDIS_URL
 * the PostgreSQL store and Redis bus the server processes share.
 */
export async function withService<T>(
  run: (deps: {
    service: WorkshopService;
    store: EventStore;
    accounts: AccountStore;
    config: ServerConfig;
  }) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const shared =
    config.shared &&
    (await openSharedBackend(config.shared, (error) => process.stderr.write(`Redis: ${String(error)}\n`)));
  const store = shared?.store ?? openSqliteStore(config.dataDir);
  const accounts = shared?.accounts ?? new SqliteAccountStore(join(config.dataDir, "concord.db"));
  try {
    const service = new WorkshopService({ store, bus: new LocalEventBus(), shared: shared?.bus });
    return await run({ service, store, accounts, config });
  } finally {
    await accounts.close();
    await store.close();
    await shared?.close();
  }
}
