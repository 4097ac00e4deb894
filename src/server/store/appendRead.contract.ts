import { beforeEach, describe, expect, it } from "vitest";
import { batch, cardAdded, facilitator, participant } from "./contractFixtures.js";
import { commandKey, type EventStore, findCommand, SequenceConflictError, type StoredEvent } from "./eventStore.js";

/**
 * Appending to a log and reading it back: sequence numbers, conflicts, the events after a seq, and the commands a log holds.
 * Called from `describeEventStoreContract` with its fresh-store factory.
 */
export function describeAppendReadContract(store: () => EventStore): void {
  describe("append", () => {
    it("assigns gap-free sequence numbers starting at 1, across batches", async () => {
      const first = await store().append(
        batch({
          expectedSeq: 0,
          commandId: "cmd-1",
          events: [cardAdded("c1", "one"), cardAdded("c2", "two", 1), cardAdded("c3", "three", 2)],
        }),
      );
      const second = await store().append(
        batch({
          expectedSeq: 3,
          commandId: "cmd-2",
          at: "2025-03-01T10:05:00.000Z",
          events: [
            { type: "cardEdited", cardId: "c1", text: "uno", previous: "one" },
            { type: "phaseChanged", phase: "cluster", previous: "brainstorm" },
          ],
        }),
      );

      expect(first.map((stored) => stored.seq)).toEqual([1, 2, 3]);
      expect(second.map((stored) => stored.seq)).toEqual([4, 5]);
      expect(second[0]).toEqual({
        workshopId: "w1",
        seq: 4,
        at: "2025-03-01T10:05:00.000Z",
        actor: facilitator,
        commandId: "cmd-2",
        event: { type: "cardEdited", cardId: "c1", text: "uno", previous: "one" },
      });
      expect(await store().readEvents("w1", 0)).toEqual([...first, ...second]);
    });

    it("numbers each workshop independently", async () => {
      await store().append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "cmd-1" }));
      const other = await store().append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "cmd-1" }));

      expect(other.map((stored) => stored.seq)).toEqual([1]);
      expect(await store().readEvents("w1", 0)).toHaveLength(1);
      expect(await store().readEvents("w2", 0)).toHaveLength(1);
    });

    it("rejects a stale expectedSeq with SequenceConflictError and writes nothing", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
      const before = await store().getWorkshop("w1");

      const stale = store().append(
        batch({ expectedSeq: 0, commandId: "cmd-2", title: "Renamed", at: "2025-03-01T11:00:00.000Z" }),
      );
      await expect(stale).rejects.toBeInstanceOf(SequenceConflictError);
      await expect(store().append(batch({ expectedSeq: 5, commandId: "cmd-3" }))).rejects.toBeInstanceOf(
        SequenceConflictError,
      );

      expect((await store().readEvents("w1", 0)).map((stored) => stored.commandId)).toEqual(["cmd-1"]);
      expect(await store().getWorkshop("w1")).toEqual(before);
      expect(await findCommand(store(), "w1", facilitator.id, "cmd-2")).toBeUndefined();
      expect(await findCommand(store(), "w1", facilitator.id, "cmd-3")).toBeUndefined();
    });

    it("rejects a non-zero expectedSeq for a workshop that does not exist, creating nothing", async () => {
      const error = await store()
        .append(batch({ workshopId: "ghost", expectedSeq: 2, commandId: "cmd-1" }))
        .then(
          () => undefined,
          (reason: unknown) => reason,
        );

      expect(error).toBeInstanceOf(SequenceConflictError);
      expect(error).toMatchObject({ workshopId: "ghost", expectedSeq: 2 });
      expect(await store().getWorkshop("ghost")).toBeUndefined();
      expect(await store().readEvents("ghost", 0)).toEqual([]);
      expect(await store().listWorkshops()).toEqual([]);
    });

    it("lets exactly one of several concurrent appends at the same expectedSeq win", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-0" }));
      const contenders = ["a", "b", "c", "d", "e"].map((suffix) =>
        store().append(batch({ expectedSeq: 1, commandId: `cmd-${suffix}`, events: [cardAdded(suffix, suffix)] })),
      );
      const results = await Promise.allSettled(contenders);

      const winners = results.filter(
        (result): result is PromiseFulfilledResult<StoredEvent[]> => result.status === "fulfilled",
      );
      const losers = results.filter((result) => result.status === "rejected");
      expect(winners).toHaveLength(1);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(SequenceConflictError);

      const log = await store().readEvents("w1", 0);
      expect(log.map((stored) => stored.seq)).toEqual([1, 2]);
      expect([log[1]]).toEqual(winners[0]?.value);
      expect((await store().getWorkshop("w1"))?.seq).toBe(2);
    });

    it("rejects a command id the same actor already used, and writes nothing", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));

      await expect(store().append(batch({ expectedSeq: 1, commandId: "cmd-1" }))).rejects.toThrow();

      expect(await store().readEvents("w1", 0)).toHaveLength(1);
      expect((await store().getWorkshop("w1"))?.seq).toBe(1);
      expect(await findCommand(store(), "w1", facilitator.id, "cmd-1")).toEqual({ seq: 1 });
    });
  });

  describe("readEvents", () => {
    beforeEach(async () => {
      const events = ["a", "b", "c", "d", "e"].map((id, index) => cardAdded(id, `card ${id}`, index));
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
    });

    it("returns only events after afterSeq, in order", async () => {
      const later = await store().readEvents("w1", 2);
      expect(later.map((stored) => stored.seq)).toEqual([3, 4, 5]);
      expect(later.map((stored) => (stored.event.type === "cardAdded" ? stored.event.card.id : ""))).toEqual([
        "c",
        "d",
        "e",
      ]);
      expect(await store().readEvents("w1", 5)).toEqual([]);
    });

    it("respects limit", async () => {
      expect((await store().readEvents("w1", 1, 2)).map((stored) => stored.seq)).toEqual([2, 3]);
      expect((await store().readEvents("w1", 3, 10)).map((stored) => stored.seq)).toEqual([4, 5]);
      expect(await store().readEvents("w1", 0, 0)).toEqual([]);
    });

    it("returns nothing for an unknown workshop", async () => {
      expect(await store().readEvents("nope", 0)).toEqual([]);
    });
  });

  describe("commands", () => {
    it("finds the recorded seq per (workshop, actor, command id)", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
      await store().append(
        batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [cardAdded("c2", "x")] }),
      );
      await store().append(
        batch({ expectedSeq: 2, commandId: "cmd-2", events: [cardAdded("c3", "y"), cardAdded("c4", "z")] }),
      );

      expect(await findCommand(store(), "w1", facilitator.id, "cmd-1")).toEqual({ seq: 1 });
      expect(await findCommand(store(), "w1", participant.id, "cmd-1")).toEqual({ seq: 2 });
      expect(await findCommand(store(), "w1", facilitator.id, "cmd-2")).toEqual({ seq: 4 });
      expect(await findCommand(store(), "w1", participant.id, "cmd-2")).toBeUndefined();
      expect(await findCommand(store(), "w1", "someone-else", "cmd-1")).toBeUndefined();
      expect(await findCommand(store(), "w2", facilitator.id, "cmd-1")).toBeUndefined();
    });

    it("finds a whole group's earlier commands, across workshops, in one lookup", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
      await store().append(
        batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [cardAdded("c2", "x")] }),
      );
      await store().append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "only-in-w2" }));
      const ask = [
        { workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" },
        { workshopId: "w1", actorId: participant.id, commandId: "cmd-1" },
        { workshopId: "w1", actorId: participant.id, commandId: "never-sent" },
        { workshopId: "w1", actorId: facilitator.id, commandId: "only-in-w2" },
        { workshopId: "w2", actorId: facilitator.id, commandId: "only-in-w2" },
        // Ids are data: quotes and brackets must not change what is looked up.
        { workshopId: "w1", actorId: facilitator.id, commandId: '"],["x' },
      ];

      const found = await store().findCommands(ask);

      expect([...found.entries()].sort()).toEqual([
        [commandKey({ workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" }), { seq: 1 }],
        [commandKey({ workshopId: "w1", actorId: participant.id, commandId: "cmd-1" }), { seq: 2 }],
        [commandKey({ workshopId: "w2", actorId: facilitator.id, commandId: "only-in-w2" }), { seq: 1 }],
      ]);
      expect(await store().findCommands([])).toEqual(new Map());
    });

    it("lists the keys of every command of one workshop, those with no events too", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
      await store().append(batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [] }));
      await store().append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "only-in-w2" }));

      expect((await store().listCommandKeys("w1")).sort()).toEqual(
        [
          commandKey({ workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" }),
          commandKey({ workshopId: "w1", actorId: participant.id, commandId: "cmd-1" }),
        ].sort(),
      );
      expect(await store().listCommandKeys("nowhere")).toEqual([]);
    });

    it("records a command with no events at the current seq, without touching the log or listing", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
      const before = await store().getWorkshop("w1");

      const stored = await store().append(
        batch({ expectedSeq: 1, commandId: "noop", events: [], at: "2025-03-01T12:00:00.000Z" }),
      );

      expect(stored).toEqual([]);
      expect(await findCommand(store(), "w1", facilitator.id, "noop")).toEqual({ seq: 1 });
      expect(await store().readEvents("w1", 0)).toHaveLength(1);
      expect(await store().getWorkshop("w1")).toEqual(before);
    });

    it("checks expectedSeq for a command with no events too", async () => {
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1" }));

      await expect(store().append(batch({ expectedSeq: 0, commandId: "noop", events: [] }))).rejects.toBeInstanceOf(
        SequenceConflictError,
      );
      expect(await findCommand(store(), "w1", facilitator.id, "noop")).toBeUndefined();
    });
  });
}
