import { describe, expect, it } from "vitest";
import type { Actor, DomainEvent } from "../../core/index.js";
import { batch, cardAdded, HOSTILE_TEXTS, MARKUP, SQL, sampleState, UNICODE } from "./contractFixtures.js";
import { type EventStore, findCommand } from "./eventStore.js";

/**
 * Hostile and unicode text through events, titles, snapshots and links, read back deep-equal.
 * Called from `describeEventStoreContract` with its fresh-store factory.
 */
export function describeSerialisationContract(store: () => EventStore): void {
  describe("serialisation", () => {
    it("round-trips events with hostile and unicode text deep-equal", async () => {
      const events: DomainEvent[] = HOSTILE_TEXTS.flatMap((text, index): DomainEvent[] => [
        cardAdded(`card-${index}`, text, index),
        {
          type: "themeCreated",
          theme: { id: `t-${index}`, name: text, keyPoints: [text], headline: text, narrative: "", cardIds: [] },
          index,
        },
        { type: "participantJoined", participant: { id: `p-${index}`, name: text, group: text } },
      ]);
      // Ids and titles are client-influenced strings too, so they get the same treatment as card text.
      const hostileActor: Actor = { role: "participant", id: SQL };

      const appended = await store().append(
        batch({ workshopId: MARKUP, expectedSeq: 0, commandId: MARKUP, actor: hostileActor, title: UNICODE, events }),
      );

      const read = await store().readEvents(MARKUP, 0);
      expect(read).toEqual(appended);
      expect(read.map((stored) => stored.event)).toEqual(events);
      expect(read[0]?.actor).toEqual(hostileActor);
      expect(await findCommand(store(), MARKUP, SQL, MARKUP)).toEqual({ seq: events.length });
      expect((await store().getWorkshop(MARKUP))?.title).toBe(UNICODE);
    });

    it("round-trips snapshot state with hostile and unicode text deep-equal", async () => {
      const events = HOSTILE_TEXTS.map((text, index) => cardAdded(`card-${index}`, text, index));
      await store().append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
      for (const [index, text] of HOSTILE_TEXTS.entries()) {
        const snapshot = { workshopId: "w1", seq: index + 1, state: sampleState("w1", text) };
        await store().saveSnapshot(snapshot);
        expect(await store().loadSnapshot("w1")).toEqual(snapshot);
      }
      await store().writeLink({ type: "setJoinCode", code: SQL, workshopId: "w1" });
      await store().writeLink({ type: "setReportToken", workshopId: "w1", token: UNICODE });
      expect(await store().readLink({ type: "workshopOfJoinCode", code: SQL })).toBe("w1");
      expect(await store().readLink({ type: "workshopOfReportToken", token: UNICODE })).toBe("w1");
    });
  });
}
