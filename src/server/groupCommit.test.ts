import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor, Command } from "../core/index.js";
import { AppError } from "./errors.js";
import { LocalEventBus } from "./eventBus.js";
import {
  type CommandRecord,
  type CommandRef,
  findCommand,
  type NewEvents,
  type StoredEvent,
} from "./store/eventStore.js";
import { SqliteEventStore } from "./store/sqliteStore.js";
import { WorkshopService } from "./workshopService.js";

/** The real SQLite store, recording the size of each group commit, holding writes and failing on demand. */
class WatchedStore extends SqliteEventStore {
  readonly groups: number[] = [];
  failWhen: ((batches: readonly NewEvents[]) => boolean) | undefined;
  lookupsFail = false;

  override async findCommands(commands: readonly CommandRef[]): Promise<Map<string, CommandRecord>> {
    if (this.lookupsFail) throw new Error("connection lost");
    return super.findCommands(commands);
  }

  private gate: Promise<void> | undefined;

  override async appendMany(batches: readonly NewEvents[]): Promise<StoredEvent[][]> {
    this.groups.push(batches.length);
    await this.gate;
    if (this.failWhen?.(batches)) throw new Error("disk I/O error");
    return super.appendMany(batches);
  }

  /** Writes wait until the returned function is called: a slow disk, on demand. */
  holdWrites(): () => void {
    let open: () => void = () => undefined;
    this.gate = new Promise((resolve) => {
      open = resolve;
    });
    return () => {
      this.gate = undefined;
      open();
    };
  }
}

/** Lets the commands sent so far be decided (group commit decides at the end of a turn). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const facilitator: Actor = { role: "facilitator", id: "fac" };
const person = (at: number): Actor => ({ role: "participant", id: `p${at}` });
const addCard = (cardId: string, text = `Idea ${cardId}`): Command => ({ type: "addCard", cardId, text });

const dirs: string[] = [];
const stores: SqliteEventStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openFile(): { file: string; store: WatchedStore } {
  const dir = mkdtempSync(join(tmpdir(), "concord-group-"));
  dirs.push(dir);
  const file = join(dir, "concord.db");
  const store = new WatchedStore(file);
  stores.push(store);
  return { file, store };
}

/** A service on a fresh file, with one workshop in the brainstorm phase. */
async function brainstorm() {
  const { file, store } = openFile();
  const bus = new LocalEventBus();
  const published: StoredEvent[][] = [];
  bus.subscribe((_, events) => published.push([...events]));
  const service = new WorkshopService({ store, bus });
  const { id } = await service.create({ title: "Plenary", language: "en" });
  await service.execute(id, facilitator, "open", { type: "setPhase", phase: "brainstorm" });
  store.groups.length = 0;
  published.length = 0;
  return { file, store, service, id, published };
}

describe("group commit", () => {
  it("writes commands sent together in one commit, acknowledging each with its own seq, in order", async () => {
    const { store, service, id, published } = await brainstorm();

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, at) => service.execute(id, person(at), `c${at}`, addCard(`card-${at}`))),
    );

    expect(store.groups).toEqual([20]);
    expect(outcomes.map((outcome) => outcome.seq)).toEqual(Array.from({ length: 20 }, (_, at) => at + 3));
    expect(outcomes.every((outcome) => !outcome.duplicate && outcome.events.length === 1)).toBe(true);
    // One publish, so the hub sends every connection one message for the whole group.
    expect(published.map((events) => events.map((event) => event.seq))).toEqual([outcomes.map(({ seq }) => seq)]);
    expect((await store.readEvents(id, 2)).map((event) => event.commandId)).toEqual(outcomes.map((_, at) => `c${at}`));
  });

  it("shares one commit across workshops", async () => {
    const { store, service, id } = await brainstorm();
    const other = await service.create({ title: "Breakout", language: "en" });
    store.groups.length = 0;

    const [here, there] = await Promise.all([
      service.execute(id, facilitator, "a", addCard("a")),
      service.execute(other.id, facilitator, "a", { type: "setPhase", phase: "brainstorm" }),
    ]);

    expect(store.groups).toEqual([2]);
    expect([here.seq, there.seq]).toEqual([3, 2]);
    expect((await service.get(other.id)).state.phase).toBe("brainstorm");
  });

  it("decides each command on the state the ones before it in the group leave, refusing without holding others back", async () => {
    const { store, service, id } = await brainstorm();

    const results = await Promise.allSettled([
      service.execute(id, person(1), "first", addCard("same-card")),
      service.execute(id, person(2), "clash", addCard("same-card", "someone else's")),
      service.execute(id, person(3), "third", addCard("other-card")),
    ]);

    expect(store.groups).toEqual([2]);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { seq: 3 } });
    expect(results[1]).toMatchObject({ status: "rejected", reason: { code: "conflict" } });
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(results[2]).toMatchObject({ status: "fulfilled", value: { seq: 4 } });
    expect(await findCommand(store, id, "p2", "clash")).toBeUndefined();
  });

  it("applies a command id repeated inside one group once, answering the repeat as a duplicate of it", async () => {
    const { store, service, id } = await brainstorm();

    const [first, again] = await Promise.all([
      service.execute(id, person(1), "same-id", addCard("x")),
      service.execute(id, person(1), "same-id", addCard("x")),
    ]);

    expect(store.groups).toEqual([1]);
    expect(first).toMatchObject({ seq: 3, duplicate: false });
    expect(again).toMatchObject({ seq: 3, duplicate: true, events: [] });
    expect(await store.readEvents(id, 2)).toHaveLength(1);
  });

  it("writes the rest of a group when the store refuses one of its commands", async () => {
    const { store, service, id } = await brainstorm();
    store.failWhen = (batches) => batches.some((batch) => batch.commandId === "poison");

    const results = await Promise.allSettled(
      ["a", "poison", "b"].map((commandId, at) => service.execute(id, person(at), commandId, addCard(commandId))),
    );

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await store.readEvents(id, 2)).map((event) => event.commandId)).toEqual(["a", "b"]);
    expect((await service.get(id)).seq).toBe(4);
  });

  it("refuses every command of a group the store cannot write, changing nothing", async () => {
    const { store, service, id } = await brainstorm();
    store.failWhen = () => true;

    const results = await Promise.allSettled(
      [1, 2, 3].map((at) => service.execute(id, person(at), "c", addCard(`${at}`))),
    );

    expect(results.every((result) => result.status === "rejected")).toBe(true);
    expect(await store.readEvents(id, 2)).toEqual([]);
    expect((await service.get(id)).seq).toBe(2);
  });

  it("answers as a duplicate a command id another writer recorded without events after the room was loaded", async () => {
    const { file, store, service, id } = await brainstorm();
    const elsewhere = new SqliteEventStore(file);
    stores.push(elsewhere);
    await elsewhere.append({
      workshopId: id,
      expectedSeq: 2,
      at: new Date().toISOString(),
      actor: person(1),
      commandId: "quiet",
      events: [],
      title: "Plenary",
    });

    const outcome = await service.execute(id, person(1), "quiet", addCard("x"));

    expect(outcome).toMatchObject({ seq: 2, duplicate: true, events: [] });
    expect(await store.readEvents(id, 2)).toEqual([]);
    expect((await service.get(id)).state.cards.size).toBe(0);
  });

  it("answers with the error the commands whose earlier outcome the store cannot look up, and goes on", async () => {
    const { store, service, id } = await brainstorm();
    store.lookupsFail = true;

    // A repeat of the command that opened the brainstorm: only the store can say what it did.
    await expect(service.execute(id, facilitator, "open", { type: "setPhase", phase: "brainstorm" })).rejects.toThrow(
      "connection lost",
    );
    store.lookupsFail = false;

    expect(await service.execute(id, facilitator, "open", { type: "setPhase", phase: "brainstorm" })).toMatchObject({
      duplicate: true,
    });
    expect(await service.execute(id, person(1), "fresh", addCard("x"))).toMatchObject({ seq: 3, duplicate: false });
  });

  it("decides a group again on the newer log when another process appended first", async () => {
    const { file, service, id } = await brainstorm();
    const elsewhere = new SqliteEventStore(file);
    stores.push(elsewhere);
    const otherProcess = new WorkshopService({ store: elsewhere, bus: new LocalEventBus() });
    await otherProcess.execute(id, person(9), "theirs", addCard("taken"));

    const results = await Promise.allSettled([
      service.execute(id, person(1), "mine", addCard("taken")),
      service.execute(id, person(2), "also-mine", addCard("free")),
    ]);

    expect(results[0]).toMatchObject({ status: "rejected", reason: { code: "conflict" } });
    expect(results[1]).toMatchObject({ status: "fulfilled", value: { seq: 4 } });
    expect([...(await service.get(id)).state.cards.keys()].sort()).toEqual(["free", "taken"]);
  });
});

describe("group commit while a write is in progress", () => {
  it("decides what arrives meanwhile on top of it and writes all of that as the next group", async () => {
    const { store, service, id, published } = await brainstorm();
    const release = store.holdWrites();
    const first = service.execute(id, person(0), "c0", addCard("card-0"));
    await vi.waitFor(() => expect(store.groups).toEqual([1]));

    const later = [1, 2, 3, 4, 5].map((at) => service.execute(id, person(at), `c${at}`, addCard(`card-${at}`)));
    await nextTurn();
    expect(store.groups).toEqual([1]);
    release();
    const outcomes = await Promise.all([first, ...later]);

    expect(store.groups).toEqual([1, 5]);
    expect(outcomes.map((outcome) => outcome.seq)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(published.map((events) => events.map((event) => event.seq))).toEqual([[3], [4, 5, 6, 7, 8]]);
    expect((await store.readEvents(id, 2)).map((event) => event.commandId)).toEqual([
      "c0",
      "c1",
      "c2",
      "c3",
      "c4",
      "c5",
    ]);
  });

  it("decides again, on the log as it is, what was decided on top of a write that failed", async () => {
    const { store, service, id } = await brainstorm();
    store.failWhen = (batches) => batches.some((batch) => batch.commandId === "doomed");
    const release = store.holdWrites();
    const doomed = service.execute(id, person(1), "doomed", addCard("same-card", "first try"));
    await vi.waitFor(() => expect(store.groups).toEqual([1]));
    // On top of the doomed write this is refused (the card exists); on the real log it is not.
    const after = service.execute(id, person(2), "after", addCard("same-card", "second try"));
    await nextTurn();
    release();

    await expect(doomed).rejects.toThrow("disk I/O error");
    expect(await after).toMatchObject({ seq: 3, duplicate: false });
    const log = await store.readEvents(id, 2);
    expect(log.map((event) => event.commandId)).toEqual(["after"]);
    expect((await service.get(id)).state.cards.get("same-card")?.text).toBe("second try");
  });

  it("answers a command id repeated while its first copy is being written as a duplicate of it", async () => {
    const { store, service, id } = await brainstorm();
    const release = store.holdWrites();
    const first = service.execute(id, person(1), "same-id", addCard("x"));
    await vi.waitFor(() => expect(store.groups).toEqual([1]));
    const again = service.execute(id, person(1), "same-id", addCard("x"));
    await nextTurn();
    release();

    expect(await first).toMatchObject({ seq: 3, duplicate: false });
    expect(await again).toMatchObject({ seq: 3, duplicate: true, events: [] });
    expect(await store.readEvents(id, 2)).toHaveLength(1);
    expect(store.groups).toEqual([1]);
  });
});
