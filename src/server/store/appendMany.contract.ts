import { describe, expect, it } from "vitest";
import type { Actor, DomainEvent } from "../../core/index.js";
import { type EventStore, findCommand, type NewEvents, SequenceConflictError } from "./eventStore.js";

const facilitator: Actor = { role: "facilitator", id: "fac-1" };
const participant: Actor = { role: "participant", id: "p-1" };

function cardAdded(id: string): DomainEvent {
  return { type: "cardAdded", card: { id, text: `card ${id}` }, place: { themeId: null, index: 0 } };
}

function batch(overrides: Partial<NewEvents> & Pick<NewEvents, "expectedSeq" | "commandId">): NewEvents {
  return {
    workshopId: "w1",
    at: "2025-03-01T10:00:00.000Z",
    actor: facilitator,
    events: [cardAdded(overrides.commandId)],
    title: "Team retreat",
    ...overrides,
  };
}

/**
 * The group-commit part of the EventStore contract: several batches in one durable commit, all or
 * nothing. Called from `describeEventStoreContract` with its fresh-store factory.
 */
export function describeAppendManyContract(store: () => EventStore): void {
  describe("appendMany", () => {
    it("appends chained batches of one workshop and batches of others, numbering each workshop", async () => {
      const stored = await store().appendMany([
        batch({ expectedSeq: 0, commandId: "a", events: [cardAdded("a1"), cardAdded("a2")] }),
        batch({ workshopId: "w2", expectedSeq: 0, commandId: "a" }),
        batch({ expectedSeq: 2, commandId: "b", actor: participant }),
        batch({ expectedSeq: 3, commandId: "noop", events: [] }),
        batch({ expectedSeq: 3, commandId: "c", title: "Renamed" }),
      ]);

      expect(stored.map((events) => events.map((event) => event.seq))).toEqual([[1, 2], [1], [3], [], [4]]);
      expect(stored[2]?.[0]).toMatchObject({ workshopId: "w1", seq: 3, actor: participant, commandId: "b" });
      expect((await store().readEvents("w1", 0)).map((event) => event.commandId)).toEqual(["a", "a", "b", "c"]);
      expect(await findCommand(store(), "w1", facilitator.id, "noop")).toEqual({ seq: 3 });
      expect(await findCommand(store(), "w1", participant.id, "b")).toEqual({ seq: 3 });
      expect(await store().getWorkshop("w1")).toMatchObject({ seq: 4, title: "Renamed" });
      expect(await store().getWorkshop("w2")).toMatchObject({ seq: 1 });
    });

    it("writes nothing when one batch is behind the log", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "first" }));

      const stale = store().appendMany([
        batch({ workshopId: "w2", expectedSeq: 0, commandId: "other" }),
        batch({ expectedSeq: 1, commandId: "fine" }),
        batch({ expectedSeq: 1, commandId: "stale" }),
      ]);

      await expect(stale).rejects.toBeInstanceOf(SequenceConflictError);
      await expect(stale).rejects.toMatchObject({ workshopId: "w1", expectedSeq: 1 });
      expect((await store().readEvents("w1", 0)).map((event) => event.commandId)).toEqual(["first"]);
      expect(await store().getWorkshop("w2")).toBeUndefined();
      expect(await findCommand(store(), "w1", facilitator.id, "fine")).toBeUndefined();
    });

    it("writes nothing when a command id repeats, inside the group or from before", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "old" }));

      await expect(
        store().appendMany([batch({ expectedSeq: 1, commandId: "new" }), batch({ expectedSeq: 2, commandId: "old" })]),
      ).rejects.toThrow();
      await expect(
        store().appendMany([
          batch({ expectedSeq: 1, commandId: "twice" }),
          batch({ expectedSeq: 2, commandId: "twice" }),
        ]),
      ).rejects.toThrow();

      expect(await store().readEvents("w1", 0)).toHaveLength(1);
      expect(await findCommand(store(), "w1", facilitator.id, "new")).toBeUndefined();
      expect(await findCommand(store(), "w1", facilitator.id, "twice")).toBeUndefined();
      expect((await store().getWorkshop("w1"))?.seq).toBe(1);
    });

    it("answers an empty group with nothing", async () => {
      expect(await store().appendMany([])).toEqual([]);
      expect(await store().listWorkshops()).toEqual([]);
    });
  });
}
