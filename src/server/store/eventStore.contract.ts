import { afterEach, beforeEach, describe } from "vitest";
import { describeAppendManyContract } from "./appendMany.contract.js";
import { describeAppendReadContract } from "./appendRead.contract.js";
import type { EventStore } from "./eventStore.js";
import { describeSerialisationContract } from "./serialisation.contract.js";
import { describeSnapshotsContract } from "./snapshots.contract.js";
import { describeWorkshopTablesContract } from "./workshopTables.contract.js";

/**
 * The behaviour every EventStore must show. Call it from an implementation's test file with a factory that
 * returns a fresh, empty store; the suite closes each store after its test.
 */
export function describeEventStoreContract(name: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await open();
    });

    afterEach(async () => {
      await store.close();
    });

    describeAppendReadContract(() => store);
    describeAppendManyContract(() => store);
    describeSnapshotsContract(() => store);
    describeWorkshopTablesContract(() => store);
    describeSerialisationContract(() => store);
  });
}
