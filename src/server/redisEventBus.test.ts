import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { REDIS_URL, servicesAvailable } from "../../test/support/services.js";
import type { DomainEvent } from "../core/index.js";
import { RedisEventBus } from "./redisEventBus.js";
import { type EventStore, SequenceConflictError, type StoredEvent } from "./store/eventStore.js";
import { SqliteEventStore } from "./store/sqliteStore.js";

// A real Redis (127.0.0.1:6379, as CI starts it): in CI its absence fails this file.
const available = await servicesAvailable("RedisEventBus", { redis: true });

const opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

/** The store every "process" shares (PostgreSQL in production; any EventStore will do here). */
function sharedStore(): EventStore {
  const store = new SqliteEventStore(":memory:");
  opened.push(store);
  return store;
}

/** One process's bus on this test's own channel, with a recorder of what its listener receives. */
async function processBus(store: EventStore, channel: string) {
  const errors: unknown[] = [];
  const bus = await RedisEventBus.open({
    url: REDIS_URL,
    channel,
    readEvents: (workshopId, afterSeq, limit) => store.readEvents(workshopId, afterSeq, limit),
    onError: (error) => errors.push(error),
  });
  opened.push(bus);
  const received: { workshopId: string; seqs: number[] }[] = [];
  bus.subscribe((workshopId, events) => received.push({ workshopId, seqs: events.map((stored) => stored.seq) }));
  const seqsOf = (workshopId: string) =>
    received.filter((batch) => batch.workshopId === workshopId).flatMap((batch) => batch.seqs);
  return { bus, received, seqsOf, errors };
}

const cardAdded = (id: string): DomainEvent => ({
  type: "cardAdded",
  card: { id, text: `card ${id}` },
  place: { themeId: null, index: 0 },
});

/** Commits `count` events for the workshop in one batch at the log's head, retrying a conflict. */
async function commit(store: EventStore, workshopId: string, commandId: string, count = 1): Promise<StoredEvent[]> {
  for (;;) {
    const expectedSeq = (await store.getWorkshop(workshopId))?.seq ?? 0;
    try {
      return await store.append({
        workshopId,
        expectedSeq,
        at: "2025-03-01T10:00:00.000Z",
        actor: { role: "participant", id: "p-1" },
        commandId,
        events: Array.from({ length: count }, (_, index) => cardAdded(`${commandId}-${index}`)),
        title: "Retreat",
      });
    } catch (error) {
      if (!(error instanceof SequenceConflictError)) throw error;
    }
  }
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe.skipIf(!available)("RedisEventBus", () => {
  it("gives every process each batch of every process, its own too, once and with its workshop id", async () => {
    const store = sharedStore();
    const channel = `concord:test:${randomUUID()}`;
    const a = await processBus(store, channel);
    const b = await processBus(store, channel);

    const first = await commit(store, "w1", "one", 2);
    a.bus.publish("w1", first);
    const second = await commit(store, "w1", "two");
    b.bus.publish("w1", second);
    a.bus.publish("w2", await commit(store, "w2", "other"));

    for (const process of [a, b]) {
      await until(() => process.seqsOf("w1").length === 3 && process.seqsOf("w2").length === 1, "both workshops");
      expect(process.seqsOf("w1")).toEqual([1, 2, 3]);
      expect(process.seqsOf("w2")).toEqual([1]);
    }
    // What arrives is what was committed, with its workshop id restored.
    const events: StoredEvent[][] = [];
    b.bus.subscribe((_workshopId, batch) => events.push([...batch]));
    const third = await commit(store, "w1", "three");
    a.bus.publish("w1", third);
    await until(() => events.length === 1, "the third batch");
    expect(events[0]).toEqual(third);
    expect(a.errors).toEqual([]);
  });

  it("delivers a batch published twice once", async () => {
    const store = sharedStore();
    const channel = `concord:test:${randomUUID()}`;
    const a = await processBus(store, channel);
    const first = await commit(store, "w1", "one");
    a.bus.publish("w1", first);
    a.bus.publish("w1", first);
    const second = await commit(store, "w1", "two");
    a.bus.publish("w1", second);

    await until(() => a.seqsOf("w1").includes(2), "the second batch");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.seqsOf("w1")).toEqual([1, 2]);
  });

  it("fills a gap from the store when batches cross on the way, then drops the late one", async () => {
    const store = sharedStore();
    const channel = `concord:test:${randomUUID()}`;
    const a = await processBus(store, channel);
    const b = await processBus(store, channel);
    const first = await commit(store, "w1", "one");
    const late = await commit(store, "w1", "late", 2);
    const ahead = await commit(store, "w1", "ahead");

    a.bus.publish("w1", first);
    await until(() => b.seqsOf("w1").length === 1, "the first batch");
    // Process B committed after process A but publishes first.
    b.bus.publish("w1", ahead);
    await until(() => b.seqsOf("w1").length === 4, "the gap filled");
    a.bus.publish("w1", late);
    const marker = await commit(store, "w1", "marker");
    a.bus.publish("w1", marker);

    for (const process of [a, b]) {
      await until(() => process.seqsOf("w1").includes(5), "the marker");
      expect(process.seqsOf("w1")).toEqual([1, 2, 3, 4, 5]);
      // Each listener call is itself in order and gap-free.
      for (const batch of process.received)
        expect(batch.seqs).toEqual(range(batch.seqs[0] ?? 0, batch.seqs.at(-1) ?? 0));
    }
  });

  it("keeps one workshop's events gap-free and in order while two processes commit into it at once", async () => {
    const store = sharedStore();
    const channel = `concord:test:${randomUUID()}`;
    const a = await processBus(store, channel);
    const b = await processBus(store, channel);
    a.bus.publish("w1", await commit(store, "w1", "create"));
    await until(() => a.seqsOf("w1").length === 1 && b.seqsOf("w1").length === 1, "the first batch");

    const writer = async (process: typeof a, name: string) => {
      for (let index = 0; index < 40; index++) {
        process.bus.publish("w1", await commit(store, "w1", `${name}-${index}`, 1 + (index % 3)));
        if (index % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([writer(a, "a"), writer(b, "b")]);
    const head = (await store.getWorkshop("w1"))?.seq ?? 0;

    for (const process of [a, b]) {
      await until(() => process.seqsOf("w1").at(-1) === head, `seq ${head}`);
      expect(process.seqsOf("w1")).toEqual(range(1, head));
    }
  });

  it("stops calling a listener once it unsubscribes", async () => {
    const store = sharedStore();
    const channel = `concord:test:${randomUUID()}`;
    const a = await processBus(store, channel);
    let calls = 0;
    const unsubscribe = a.bus.subscribe(() => calls++);
    a.bus.publish("w1", await commit(store, "w1", "one"));
    await until(() => calls === 1, "the first call");
    unsubscribe();
    a.bus.publish("w1", await commit(store, "w1", "two"));
    await until(() => a.seqsOf("w1").length === 2, "the second batch");
    expect(calls).toBe(1);
  });
});
