import { beforeEach, describe, expect, it } from "vitest";
import { batch, cardAdded, sampleState } from "./contractFixtures.js";
import type { EventStore } from "./eventStore.js";

/**
 * Snapshots: the newest one kept, never replaced by an older one.
 * Called from `describeEventStoreContract` with its fresh-store factory.
 */
export function describeSnapshotsContract(store: () => EventStore): void {
  describe("snapshots", () => {
    beforeEach(async () => {
      const events = ["a", "b", "c", "d", "e"].map((id, index) => cardAdded(id, `card ${id}`, index));
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
    });

    it("round-trips the newest snapshot", async () => {
      expect(await store().loadSnapshot("w1")).toBeUndefined();
      const snapshot = { workshopId: "w1", seq: 3, state: sampleState("w1", "Light") };

      await store().saveSnapshot(snapshot);

      expect(await store().loadSnapshot("w1")).toEqual(snapshot);
    });

    it("replaces an older snapshot with a newer one but never the reverse", async () => {
      const newer = { workshopId: "w1", seq: 5, state: sampleState("w1", "newer") };
      await store().saveSnapshot({ workshopId: "w1", seq: 2, state: sampleState("w1", "older") });
      await store().saveSnapshot(newer);
      await store().saveSnapshot({ workshopId: "w1", seq: 4, state: sampleState("w1", "late writer") });

      expect(await store().loadSnapshot("w1")).toEqual(newer);
    });
  });
}
