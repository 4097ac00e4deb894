import { join } from "node:path";
import { SqliteAccountStore } from "../server/accounts/sqliteAccountStore.js";
import { loadConfig, type ServerConfig } from "../server/config.js";
import { LocalEventBus } from "../server/eventBus.js";
import { openSqliteStore } from "../server/store/sqliteStore.js";
import { WorkshopService } from "../server/workshopService.js";

/**
 * Opens the same store and service the server uses, so that a CLI import or export is the very
 * code path a web request takes.
 */
export async function withService<T>(
  run: (deps: {
    service: WorkshopService;
    store: ReturnType<typeof openSqliteStore>;
    accounts: SqliteAccountStore;
    config: ServerConfig;
  }) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const store = openSqliteStore(config.dataDir);
  const accounts = new SqliteAccountStore(join(config.dataDir, "concord.db"));
  try {
    return await run({ service: new WorkshopService({ store, bus: new LocalEventBus() }), store, accounts, config });
  } finally {
    await accounts.close();
    await store.close();
  }
}
