import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, REDIS_URL, servicesAvailable, type TestDatabase } from "../../test/support/services.js";
import { type Actor, emptyWorkshop, reduceAll } from "../core/index.js";
import { LocalEventBus } from "./eventBus.js";
import { RedisEventBus } from "./redisEventBus.js";
import { PostgresEventStore } from "./store/postgresStore.js";
import { WorkshopService } from "./workshopService.js";

// Two services as two processes would run them: each its own pool, Redis bus and local fan-out.
const available = await servicesAvailable("WorkshopService on several processes", { postgres: true, redis: true });

const facilitator: Actor = { role: "facilitator", id: "fac" };
const participant = (id: string): Actor => ({ role: "participant", id });

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/**
 * What a connection that started at `from` sends on, from the batches its hub was given: it drops
 * what it already sent, and must never find a gap (it would send it on as one).
 */
function asConnectionSees(batches: number[][], from: number): number[] {
  let sent = from;
  const seen: number[] = [];
  for (const batch of batches) {
    expect(batch).toEqual(range(batch[0] ?? 0, batch.at(-1) ?? 0));
    const fresh = batch.filter((seq) => seq > sent);
    if (fresh.length === 0) continue;
    expect(fresh[0]).toBe(sent + 1);
    seen.push(...fresh);
    sent = fresh.at(-1) ?? sent;
  }
  return seen;
}

describe.skipIf(!available)("WorkshopService sharing PostgreSQL and Redis with another process", () => {
  let database: TestDatabase;
  let schemas = 0;
  const closing: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    for (const resource of closing.splice(0).reverse()) await resource.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Two "processes" on a fresh schema and channel; each records what its hub would be given. */
  async function twoProcesses() {
    const schema = `w${++schemas}`;
    const channel = `concord:test:${randomUUID()}`;
    const open = async () => {
      const store = await PostgresEventStore.open({ connectionString: database.url, schema, max: 4 });
      closing.push(store);
      const shared = await RedisEventBus.open({
        url: REDIS_URL,
        channel,
        readEvents: (workshopId, afterSeq, limit) => store.readEvents(workshopId, afterSeq, limit),
      });
      closing.push(shared);
      const bus = new LocalEventBus();
      const local: number[][] = [];
      bus.subscribe((_workshopId, events) => local.push(events.map((stored) => stored.seq)));
      const errors: unknown[] = [];
      const service = new WorkshopService({ store, bus, shared, onError: (error) => errors.push(error) });
      return { store, service, local, errors };
    };
    return [await open(), await open()] as const;
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("folds the other's commits into its room, and gives its hub every event once, in order", async () => {
    const [a, b] = await twoProcesses();
    const created = await a.service.create({ title: "Two processes", language: "en" });
    await a.service.execute(created.id, facilitator, "phase", { type: "setPhase", phase: "brainstorm" });
    // Thirty cards at once from each writer: beyond a person's quota of cards a minute.
    await a.service.execute(created.id, facilitator, "quotas", {
      type: "updateSettings",
      patch: { cardsPerMinute: 1000 },
    });
    const loadedAt = (await b.service.get(created.id)).seq;

    const writer = async (process: typeof a, name: string) => {
      const actor = participant(name);
      await process.service.execute(created.id, actor, `join-${name}`, { type: "joinWorkshop", name });
      await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          process.service.execute(created.id, actor, `${name}-${index}`, {
            type: "addCard",
            cardId: `${name}-${index}`,
            text: `Card ${index} from ${name}`,
          }),
        ),
      );
    };
    await Promise.all([writer(a, "ana"), writer(b, "ben"), writer(a, "cy"), writer(b, "di")]);

    const head = (await a.store.getWorkshop(created.id))?.seq ?? 0;
    // setPhase and the quotas, then 4 × (join + 30 cards); the create is seq 1.
    expect(head).toBe(3 + 4 * 31);
    await until(
      async () => (await a.service.get(created.id)).seq === head && (await b.service.get(created.id)).seq === head,
      "both rooms at the head",
    );
    const fromLog = reduceAll(
      emptyWorkshop(created.id),
      (await a.store.readEvents(created.id, 0)).map((stored) => stored.event),
    );
    expect((await a.service.get(created.id)).state).toEqual(fromLog);
    expect((await b.service.get(created.id)).state).toEqual(fromLog);
    await until(
      async () => a.local.at(-1)?.at(-1) === head && b.local.at(-1)?.at(-1) === head,
      "both hubs at the head",
    );
    expect(asConnectionSees(a.local, 0)).toEqual(range(1, head));
    expect(asConnectionSees(b.local, loadedAt)).toEqual(range(loadedAt + 1, head));
    // Each own event once: not a second time when it comes back from Redis.
    expect(a.local.flat()).toEqual(range(1, head));
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("answers a command id retried through the other process from the log, and decides on current state", async () => {
    const [a, b] = await twoProcesses();
    const created = await a.service.create({ title: "Retry", language: "en" });
    await a.service.execute(created.id, facilitator, "phase", { type: "setPhase", phase: "brainstorm" });
    await b.service.get(created.id);
    const card = { type: "addCard" as const, cardId: "once", text: "Only once" };
    const first = await a.service.execute(created.id, facilitator, "cmd-1", card);

    const again = await b.service.execute(created.id, facilitator, "cmd-1", card);
    expect(again).toEqual({ seq: first.seq, events: [], duplicate: true });
    // B decides on A's card even if the bus has not brought it yet: a conflict catches it up.
    const edit = await b.service.execute(created.id, facilitator, "cmd-2", {
      type: "editCard",
      cardId: "once",
      text: "Edited on B",
    });
    expect(edit.duplicate).toBe(false);
    await until(async () => (await a.service.get(created.id)).seq === edit.seq, "A at B's edit");
    expect((await a.service.get(created.id)).state.cards.get("once")?.text).toBe("Edited on B");
  });
});
