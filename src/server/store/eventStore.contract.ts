import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Actor, type DomainEvent, revivedState, type WorkshopState } from "../../core/index.js";
import { describeAppendManyContract } from "./appendMany.contract.js";
import {
  commandKey,
  type EventStore,
  findCommand,
  type NewEvents,
  SequenceConflictError,
  type StoredEvent,
} from "./eventStore.js";

const facilitator: Actor = { role: "facilitator", id: "fac-1" };
const participant: Actor = { role: "participant", id: "p-1" };

const MARKUP = "<img src=x onerror=alert(1)>";
const SQL = "'; DROP TABLE events; --";
const UNICODE = "Équipe café naïve — 你好 — שלום — 🚀👩🏽‍💻🇨🇦";

/** Text that has broken stores before: markup, SQL, quotes and backslashes, astral emoji, combining marks, RTL. */
const HOSTILE_TEXTS = [
  MARKUP,
  SQL,
  'He said "stop" \\ then left',
  UNICODE,
  "e\u0301 combining, zero\u200bwidth, line\u2028separator, tab\tnewline\n",
];

function cardAdded(id: string, text: string, index = 0): DomainEvent {
  return {
    type: "cardAdded",
    card: { id, text, authorId: participant.id, author: "Ana" },
    place: { themeId: null, index },
  };
}

/** A batch with sensible defaults: facilitator, fixed clock, one event per call site. */
function batch(overrides: Partial<NewEvents> & Pick<NewEvents, "expectedSeq" | "commandId">): NewEvents {
  return {
    workshopId: "w1",
    at: "2025-03-01T10:00:00.000Z",
    actor: facilitator,
    events: [cardAdded("c1", "More daylight in the meeting rooms")],
    title: "Team retreat",
    ...overrides,
  };
}

function sampleState(id: string, cardText: string): WorkshopState {
  return revivedState({
    id,
    createdAt: "2025-03-01T09:00:00.000Z",
    phase: "cluster",
    context: {
      title: "Team retreat",
      organization: "Rivière & Co",
      preparedFor: "Board",
      preparedBy: "Facilitation team",
      event: "Spring retreat",
      heldOn: "2025-03-01",
      reportDate: "2025-03-02",
      language: "fr",
      facilitators: [{ name: "Zoë", organization: "Rivière & Co" }],
      participantGroups: ["Ops", "R&D"],
      overview: "",
      goal: "Agree on next year's priorities",
      focusQuestion: "What should we do to work better together?",
      method: "ToP consensus workshop",
      reflections: "",
      nextSteps: "",
    },
    settings: {
      anonymousCards: false,
      participantsMayMoveCards: true,
      cardMaxLength: 140,
      voteBudget: 3,
      votesPerThemeCap: 2,
      brainstormMode: "open",
      useTables: false,
    },
    cards: {
      c1: { id: "c1", text: cardText, authorId: "p-1", author: "Ana", group: "Ops" },
      c2: { id: "c2", text: "Shared calendar" },
    },
    themes: [{ id: "t1", name: "Space", keyPoints: ["light"], headline: "", narrative: "", cardIds: ["c1"] }],
    unclustered: ["c2"],
    footnotes: [{ mark: "*", text: cardText }],
    participants: { "p-1": { id: "p-1", name: "Ana", group: "Ops" } },
    votes: [{ voterId: "p-1", themeId: "t1", count: 2 }],
    voting: { status: "open", revealed: false },
    nameProposals: [{ id: "np1", themeId: "t1", text: "Let the light in", authorId: "p-1" }],
    undoStack: [{ eventType: "cardMoved", inverse: [{ type: "moveCard", cardId: "c1", toThemeId: null, toIndex: 0 }] }],
    tables: [{ id: "t-a", name: "Table A" }],
    rounds: [{ id: "r1", prompt: "Your 3 clearest ideas", perTable: 3, revealed: true, readyTableIds: ["t-a"] }],
    activeRoundId: "r1",
    timer: { endsAt: "2026-01-01T10:05:00.000Z", durationSeconds: 300 },
    joinCode: "ABC234",
  });
}

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

    describe("append", () => {
      it("assigns gap-free sequence numbers starting at 1, across batches", async () => {
        const first = await store.append(
          batch({
            expectedSeq: 0,
            commandId: "cmd-1",
            events: [cardAdded("c1", "one"), cardAdded("c2", "two", 1), cardAdded("c3", "three", 2)],
          }),
        );
        const second = await store.append(
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
        expect(await store.readEvents("w1", 0)).toEqual([...first, ...second]);
      });

      it("numbers each workshop independently", async () => {
        await store.append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "cmd-1" }));
        const other = await store.append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "cmd-1" }));

        expect(other.map((stored) => stored.seq)).toEqual([1]);
        expect(await store.readEvents("w1", 0)).toHaveLength(1);
        expect(await store.readEvents("w2", 0)).toHaveLength(1);
      });

      it("rejects a stale expectedSeq with SequenceConflictError and writes nothing", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
        const before = await store.getWorkshop("w1");

        const stale = store.append(
          batch({ expectedSeq: 0, commandId: "cmd-2", title: "Renamed", at: "2025-03-01T11:00:00.000Z" }),
        );
        await expect(stale).rejects.toBeInstanceOf(SequenceConflictError);
        await expect(store.append(batch({ expectedSeq: 5, commandId: "cmd-3" }))).rejects.toBeInstanceOf(
          SequenceConflictError,
        );

        expect((await store.readEvents("w1", 0)).map((stored) => stored.commandId)).toEqual(["cmd-1"]);
        expect(await store.getWorkshop("w1")).toEqual(before);
        expect(await findCommand(store, "w1", facilitator.id, "cmd-2")).toBeUndefined();
        expect(await findCommand(store, "w1", facilitator.id, "cmd-3")).toBeUndefined();
      });

      it("rejects a non-zero expectedSeq for a workshop that does not exist, creating nothing", async () => {
        const error = await store.append(batch({ workshopId: "ghost", expectedSeq: 2, commandId: "cmd-1" })).then(
          () => undefined,
          (reason: unknown) => reason,
        );

        expect(error).toBeInstanceOf(SequenceConflictError);
        expect(error).toMatchObject({ workshopId: "ghost", expectedSeq: 2 });
        expect(await store.getWorkshop("ghost")).toBeUndefined();
        expect(await store.readEvents("ghost", 0)).toEqual([]);
        expect(await store.listWorkshops()).toEqual([]);
      });

      it("lets exactly one of several concurrent appends at the same expectedSeq win", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-0" }));
        const contenders = ["a", "b", "c", "d", "e"].map((suffix) =>
          store.append(batch({ expectedSeq: 1, commandId: `cmd-${suffix}`, events: [cardAdded(suffix, suffix)] })),
        );
        const results = await Promise.allSettled(contenders);

        const winners = results.filter(
          (result): result is PromiseFulfilledResult<StoredEvent[]> => result.status === "fulfilled",
        );
        const losers = results.filter((result) => result.status === "rejected");
        expect(winners).toHaveLength(1);
        for (const loser of losers) expect(loser.reason).toBeInstanceOf(SequenceConflictError);

        const log = await store.readEvents("w1", 0);
        expect(log.map((stored) => stored.seq)).toEqual([1, 2]);
        expect([log[1]]).toEqual(winners[0]?.value);
        expect((await store.getWorkshop("w1"))?.seq).toBe(2);
      });

      it("rejects a command id the same actor already used, and writes nothing", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));

        await expect(store.append(batch({ expectedSeq: 1, commandId: "cmd-1" }))).rejects.toThrow();

        expect(await store.readEvents("w1", 0)).toHaveLength(1);
        expect((await store.getWorkshop("w1"))?.seq).toBe(1);
        expect(await findCommand(store, "w1", facilitator.id, "cmd-1")).toEqual({ seq: 1 });
      });
    });

    describeAppendManyContract(() => store);

    describe("readEvents", () => {
      beforeEach(async () => {
        const events = ["a", "b", "c", "d", "e"].map((id, index) => cardAdded(id, `card ${id}`, index));
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
      });

      it("returns only events after afterSeq, in order", async () => {
        const later = await store.readEvents("w1", 2);
        expect(later.map((stored) => stored.seq)).toEqual([3, 4, 5]);
        expect(later.map((stored) => (stored.event.type === "cardAdded" ? stored.event.card.id : ""))).toEqual([
          "c",
          "d",
          "e",
        ]);
        expect(await store.readEvents("w1", 5)).toEqual([]);
      });

      it("respects limit", async () => {
        expect((await store.readEvents("w1", 1, 2)).map((stored) => stored.seq)).toEqual([2, 3]);
        expect((await store.readEvents("w1", 3, 10)).map((stored) => stored.seq)).toEqual([4, 5]);
        expect(await store.readEvents("w1", 0, 0)).toEqual([]);
      });

      it("returns nothing for an unknown workshop", async () => {
        expect(await store.readEvents("nope", 0)).toEqual([]);
      });
    });

    describe("commands", () => {
      it("finds the recorded seq per (workshop, actor, command id)", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
        await store.append(
          batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [cardAdded("c2", "x")] }),
        );
        await store.append(
          batch({ expectedSeq: 2, commandId: "cmd-2", events: [cardAdded("c3", "y"), cardAdded("c4", "z")] }),
        );

        expect(await findCommand(store, "w1", facilitator.id, "cmd-1")).toEqual({ seq: 1 });
        expect(await findCommand(store, "w1", participant.id, "cmd-1")).toEqual({ seq: 2 });
        expect(await findCommand(store, "w1", facilitator.id, "cmd-2")).toEqual({ seq: 4 });
        expect(await findCommand(store, "w1", participant.id, "cmd-2")).toBeUndefined();
        expect(await findCommand(store, "w1", "someone-else", "cmd-1")).toBeUndefined();
        expect(await findCommand(store, "w2", facilitator.id, "cmd-1")).toBeUndefined();
      });

      it("finds a whole group's earlier commands, across workshops, in one lookup", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
        await store.append(
          batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [cardAdded("c2", "x")] }),
        );
        await store.append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "only-in-w2" }));
        const ask = [
          { workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" },
          { workshopId: "w1", actorId: participant.id, commandId: "cmd-1" },
          { workshopId: "w1", actorId: participant.id, commandId: "never-sent" },
          { workshopId: "w1", actorId: facilitator.id, commandId: "only-in-w2" },
          { workshopId: "w2", actorId: facilitator.id, commandId: "only-in-w2" },
          // Ids are data: quotes and brackets must not change what is looked up.
          { workshopId: "w1", actorId: facilitator.id, commandId: '"],["x' },
        ];

        const found = await store.findCommands(ask);

        expect([...found.entries()].sort()).toEqual([
          [commandKey({ workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" }), { seq: 1 }],
          [commandKey({ workshopId: "w1", actorId: participant.id, commandId: "cmd-1" }), { seq: 2 }],
          [commandKey({ workshopId: "w2", actorId: facilitator.id, commandId: "only-in-w2" }), { seq: 1 }],
        ]);
        expect(await store.findCommands([])).toEqual(new Map());
      });

      it("lists the keys of every command of one workshop, those with no events too", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
        await store.append(batch({ expectedSeq: 1, commandId: "cmd-1", actor: participant, events: [] }));
        await store.append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "only-in-w2" }));

        expect((await store.listCommandKeys("w1")).sort()).toEqual(
          [
            commandKey({ workshopId: "w1", actorId: facilitator.id, commandId: "cmd-1" }),
            commandKey({ workshopId: "w1", actorId: participant.id, commandId: "cmd-1" }),
          ].sort(),
        );
        expect(await store.listCommandKeys("nowhere")).toEqual([]);
      });

      it("records a command with no events at the current seq, without touching the log or listing", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));
        const before = await store.getWorkshop("w1");

        const stored = await store.append(
          batch({ expectedSeq: 1, commandId: "noop", events: [], at: "2025-03-01T12:00:00.000Z" }),
        );

        expect(stored).toEqual([]);
        expect(await findCommand(store, "w1", facilitator.id, "noop")).toEqual({ seq: 1 });
        expect(await store.readEvents("w1", 0)).toHaveLength(1);
        expect(await store.getWorkshop("w1")).toEqual(before);
      });

      it("checks expectedSeq for a command with no events too", async () => {
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1" }));

        await expect(store.append(batch({ expectedSeq: 0, commandId: "noop", events: [] }))).rejects.toBeInstanceOf(
          SequenceConflictError,
        );
        expect(await findCommand(store, "w1", facilitator.id, "noop")).toBeUndefined();
      });
    });

    describe("snapshots", () => {
      beforeEach(async () => {
        const events = ["a", "b", "c", "d", "e"].map((id, index) => cardAdded(id, `card ${id}`, index));
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
      });

      it("round-trips the newest snapshot", async () => {
        expect(await store.loadSnapshot("w1")).toBeUndefined();
        const snapshot = { workshopId: "w1", seq: 3, state: sampleState("w1", "Light") };

        await store.saveSnapshot(snapshot);

        expect(await store.loadSnapshot("w1")).toEqual(snapshot);
      });

      it("replaces an older snapshot with a newer one but never the reverse", async () => {
        const newer = { workshopId: "w1", seq: 5, state: sampleState("w1", "newer") };
        await store.saveSnapshot({ workshopId: "w1", seq: 2, state: sampleState("w1", "older") });
        await store.saveSnapshot(newer);
        await store.saveSnapshot({ workshopId: "w1", seq: 4, state: sampleState("w1", "late writer") });

        expect(await store.loadSnapshot("w1")).toEqual(newer);
      });
    });

    describe("listing", () => {
      it("shows title and seq, newest first, and follows appends", async () => {
        expect(await store.listWorkshops()).toEqual([]);
        await store.append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c", title: "First" }));
        await store.append(
          batch({ workshopId: "w2", expectedSeq: 0, commandId: "c", title: "Second", at: "2025-03-01T10:01:00.000Z" }),
        );

        expect(await store.listWorkshops()).toEqual([
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

        await store.append(
          batch({
            workshopId: "w1",
            expectedSeq: 1,
            commandId: "d",
            title: "First, renamed",
            at: "2025-03-01T10:02:00.000Z",
            events: [cardAdded("c2", "x"), cardAdded("c3", "y")],
          }),
        );

        const listing = await store.listWorkshops();
        expect(listing.map((summary) => summary.id)).toEqual(["w1", "w2"]);
        expect(listing[0]).toEqual({
          id: "w1",
          title: "First, renamed",
          seq: 3,
          createdAt: "2025-03-01T10:00:00.000Z",
          updatedAt: "2025-03-01T10:02:00.000Z",
        });
        expect(await store.getWorkshop("w1")).toEqual(listing[0]);
        expect(await store.getWorkshop("missing")).toBeUndefined();
      });

      it("reads the heads of several logs at once, leaving unknown workshops out", async () => {
        expect(await store.workshopHeads([])).toEqual(new Map());
        await store.append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c" }));
        await store.append(
          batch({
            workshopId: "w2",
            expectedSeq: 0,
            commandId: "c",
            events: [cardAdded("a", "x"), cardAdded("b", "y")],
          }),
        );
        expect(await store.workshopHeads(["w1", "w2", "missing"])).toEqual(
          new Map([
            ["w1", 1],
            ["w2", 2],
          ]),
        );
      });
    });

    describe("the tables beside the log", () => {
      beforeEach(async () => {
        await store.append(batch({ workshopId: "w1", expectedSeq: 0, commandId: "c" }));
        await store.append(batch({ workshopId: "w2", expectedSeq: 0, commandId: "c" }));
      });

      it("keeps join codes, public workshops, key hashes, report tokens and the demo, each on its own", async () => {
        expect(await store.readLink({ type: "demoWorkshop" })).toBeUndefined();
        await store.writeLink({ type: "setJoinCode", code: "ABC234", workshopId: "w1" });
        await store.writeLink({ type: "makePublic", workshopId: "w2" });
        await store.writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "hash-1" });
        await store.writeLink({ type: "setReportToken", workshopId: "w2", token: "token-2" });
        await store.writeLink({ type: "setDemo", workshopId: "w2" });

        expect(await store.readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBe("w1");
        expect(await store.readLink({ type: "workshopOfJoinCode", code: "ZZZ999" })).toBeUndefined();
        expect(await store.readLink({ type: "publicWorkshop", workshopId: "w2" })).toBe("w2");
        expect(await store.readLink({ type: "publicWorkshop", workshopId: "w1" })).toBeUndefined();
        expect(await store.readLink({ type: "facilitatorKeyHash", workshopId: "w1" })).toBe("hash-1");
        expect(await store.readLink({ type: "facilitatorKeyHash", workshopId: "w2" })).toBeUndefined();
        expect(await store.readLink({ type: "reportToken", workshopId: "w2" })).toBe("token-2");
        expect(await store.readLink({ type: "workshopOfReportToken", token: "token-2" })).toBe("w2");
        expect(await store.readLink({ type: "demoWorkshop" })).toBe("w2");
      });

      it("replaces on set and deletes on remove: a revoked report token finds nothing", async () => {
        await store.writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "old" });
        await store.writeLink({ type: "setFacilitatorKeyHash", workshopId: "w1", keyHash: "new" });
        expect(await store.readLink({ type: "facilitatorKeyHash", workshopId: "w1" })).toBe("new");

        await store.writeLink({ type: "setReportToken", workshopId: "w1", token: "first" });
        await store.writeLink({ type: "setReportToken", workshopId: "w1", token: "second" });
        expect(await store.readLink({ type: "workshopOfReportToken", token: "first" })).toBeUndefined();
        await store.writeLink({ type: "removeReportToken", workshopId: "w1" });
        expect(await store.readLink({ type: "workshopOfReportToken", token: "second" })).toBeUndefined();
        expect(await store.readLink({ type: "reportToken", workshopId: "w1" })).toBeUndefined();

        await store.writeLink({ type: "setJoinCode", code: "ABC234", workshopId: "w1" });
        await store.writeLink({ type: "removeJoinCode", code: "ABC234" });
        expect(await store.readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBeUndefined();
        await store.writeLink({ type: "removeJoinCode", code: "ABC234" });
      });

      it("refuses a link to a workshop that does not exist", async () => {
        await expect(store.writeLink({ type: "setJoinCode", code: "GHOST2", workshopId: "ghost" })).rejects.toThrow();
        await expect(store.writeLink({ type: "setDemo", workshopId: "ghost" })).rejects.toThrow();
      });
    });

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

        const appended = await store.append(
          batch({ workshopId: MARKUP, expectedSeq: 0, commandId: MARKUP, actor: hostileActor, title: UNICODE, events }),
        );

        const read = await store.readEvents(MARKUP, 0);
        expect(read).toEqual(appended);
        expect(read.map((stored) => stored.event)).toEqual(events);
        expect(read[0]?.actor).toEqual(hostileActor);
        expect(await findCommand(store, MARKUP, SQL, MARKUP)).toEqual({ seq: events.length });
        expect((await store.getWorkshop(MARKUP))?.title).toBe(UNICODE);
      });

      it("round-trips snapshot state with hostile and unicode text deep-equal", async () => {
        const events = HOSTILE_TEXTS.map((text, index) => cardAdded(`card-${index}`, text, index));
        await store.append(batch({ expectedSeq: 0, commandId: "cmd-1", events }));
        for (const [index, text] of HOSTILE_TEXTS.entries()) {
          const snapshot = { workshopId: "w1", seq: index + 1, state: sampleState("w1", text) };
          await store.saveSnapshot(snapshot);
          expect(await store.loadSnapshot("w1")).toEqual(snapshot);
        }
        await store.writeLink({ type: "setJoinCode", code: SQL, workshopId: "w1" });
        await store.writeLink({ type: "setReportToken", workshopId: "w1", token: UNICODE });
        expect(await store.readLink({ type: "workshopOfJoinCode", code: SQL })).toBe("w1");
        expect(await store.readLink({ type: "workshopOfReportToken", token: UNICODE })).toBe("w1");
      });
    });
  });
}
