import { beforeEach, describe, expect, it } from "vitest";
import { batch, cardAdded } from "./contractFixtures.js";
import type { EventStore } from "./eventStore.js";

/**
 * The tables beside the log: the workshops' listing and heads, and the links (join codes, public workshops, key hashes, report tokens, the demo).
 * Called from `describeEventStoreContract` with its fresh-store factory.
 */
export function describeWorkshopTablesContract(store: () => EventStore): void {
  describe("listing", () => {
    it("shows title and seq, newest first, and follows appends", async () => {
      expect(await store().listWorkshops()).toEqual([]);
      await store().append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c", title: "First" }));
      await store().append(
        batch({ workshopId: "w2", expectedSeq: 0, commandId: "c", title: "Second", at: "2025-03-01T10:01:00.000Z" }),
      );

      expect(await store().listWorkshops()).toEqual([
        {
          id: "w2",
          title: "Second",
          seq: 1,
          createdAt: "2025-03-01T10:01:00.000Z",
          updatedAt: "2025-03-01T10:01:00.000Z",
        },
        {
          id: "w1",
          title: "First",
          seq: 1,
          createdAt: "2025-03-01T10:00:00.000Z",
          updatedAt: "2025-03-01T10:00:00.000Z",
        },
      ]);

      await store().append(
        batch({
          workshopId: "w1",
          expectedSeq: 1,
          commandId: "d",
          title: "First, renamed",
          at: "2025-03-01T10:02:00.000Z",
          events: [cardAdded("c2", "x"), cardAdded("c3", "y")],
        }),
      );

      const listing = await store().listWorkshops();
      expect(listing.map((summary) => summary.id)).toEqual(["w1", "w2"]);
      expect(listing[0]).toEqual({
        id: "w1",
        title: "First, renamed",
        seq: 3,
        createdAt: "2025-03-01T10:00:00.000Z",
        updatedAt: "2025-03-01T10:02:00.000Z",
      });
      expect(await store().getWorkshop("w1")).toEqual(listing[0]);
      expect(await store().getWorkshop("missing")).toBeUndefined();
    });

    it("reads the heads of several logs at once, leaving unknown workshops out", async () => {
      expect(await store().workshopHeads([])).toEqual(new Map());
      await store().append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c" }));
      await store().append(
        batch({
          workshopId: "w2",
          expectedSeq: 0,
          commandId: "c",
          events: [cardAdded("a", "x"), cardAdded("b", "y")],
        }),
      );
      expect(await store().workshopHeads(["w1", "w2", "missing"])).toEqual(
        new Map([
          ["w1", 1],
          ["w2", 2],
        ]),
      );
    });
  });

  describe("the tables beside the log", () => {
    beforeEach(async () => {
      await store().append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c" }));
      await store().append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "c" }));
    });

    it("keeps join codes, public workshops, key hashes, report tokens and the demo, each on its own", async () => {
      expect(await store().readLink({ type: "demoWorkshop" })).toBeUndefined();
      await store().writeLink({ type: "setJoinCode", code: "ABC234", workshopId: "w1" });
      await store().writeLink({ type: "makePublic", workshopId: "w2" });
      await store().writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "hash-1" });
      await store().writeLink({ type: "setReportToken", workshopId: "w2", token: "token-2" });
      await store().writeLink({ type: "setDemo", workshopId: "w2" });

      expect(await store().readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBe("w1");
      expect(await store().readLink({ type: "workshopOfJoinCode", code: "ZZZ999" })).toBeUndefined();
      expect(await store().readLink({ type: "publicWorkshop", workshopId: "w2" })).toBe("w2");
      expect(await store().readLink({ type: "publicWorkshop", workshopId: "w1" })).toBeUndefined();
      expect(await store().readLink({ type: "facilitatorKeyHash", workshopId: "w1" })).toBe("hash-1");
      expect(await store().readLink({ type: "facilitatorKeyHash", workshopId: "w2" })).toBeUndefined();
      expect(await store().readLink({ type: "reportToken", workshopId: "w2" })).toBe("token-2");
      expect(await store().readLink({ type: "workshopOfReportToken", token: "token-2" })).toBe("w2");
      expect(await store().readLink({ type: "demoWorkshop" })).toBe("w2");
    });

    it("replaces on set and deletes on remove: a revoked report token finds nothing", async () => {
      await store().writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "old" });
      await store().writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "new" });
      expect(await store().readLink({ type: "facilitatorKeyHash", workshopId: "w1" })).toBe("new");

      await store().writeLink({ type: "setReportToken", workshopId: "w1", token: "first" });
      await store().writeLink({ type: "setReportToken", workshopId: "w1", token: "second" });
      expect(await store().readLink({ type: "workshopOfReportToken", token: "first" })).toBeUndefined();
      await store().writeLink({ type: "removeReportToken", workshopId: "w1" });
      expect(await store().readLink({ type: "workshopOfReportToken", token: "second" })).toBeUndefined();
      expect(await store().readLink({ type: "reportToken", workshopId: "w1" })).toBeUndefined();

      await store().writeLink({ type: "setJoinCode", code: "ABC234", workshopId: "w1" });
      await store().writeLink({ type: "removeJoinCode", code: "ABC234" });
      expect(await store().readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBeUndefined();
      await store().writeLink({ type: "removeJoinCode", code: "ABC234" });
    });

    it("refuses a link to a workshop that does not exist", async () => {
      await expect(store().writeLink({ type: "setJoinCode", code: "GHOST2", workshopId: "ghost" })).rejects.toThrow();
      await expect(store().writeLink({ type: "setDemo", workshopId: "ghost" })).rejects.toThrow();
    });
  });
}
