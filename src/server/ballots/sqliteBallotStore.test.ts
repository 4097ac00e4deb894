import { join } from "node:path";
import { makeTempDir, removeDir } from "../../../test/support/server.js";
import { LocalEventBus } from "../eventBus.js";
import { openSqliteStore } from "../store/sqliteStore.js";
import { WorkshopService } from "../workshopService.js";
import { ballotStoreContract } from "./ballotStore.contract.js";
import { SqliteBallotStore } from "./sqliteBallotStore.js";

ballotStoreContract("SqliteBallotStore", async () => {
  const dir = makeTempDir();
  const store = openSqliteStore(dir);
  const ballots = new SqliteBallotStore(join(dir, "concord.db"));
  return {
    ballots,
    service: new WorkshopService({ store, bus: new LocalEventBus() }),
    async close() {
      await ballots.close();
      await store.close();
      removeDir(dir);
    },
  };
});
