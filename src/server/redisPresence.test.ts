import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { REDIS_URL, servicesAvailable } from "../../test/support/services.js";
import {
  type Actor,
  emptyWorkshop,
  type PeerFocusMessage,
  type PresenceMessage,
  type WorkshopState,
} from "../core/index.js";
import { LocalEventBus } from "./eventBus.js";
import { RedisPresence, type RedisPresenceOptions } from "./redisPresence.js";
import { Hub, type Subscriber } from "./ws/hub.js";

// A real Redis (127.0.0.1:6379, as CI starts it): in CI its absence fails this file.
const available = await servicesAvailable("RedisPresence", { redis: true });

const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

type Received = PresenceMessage | PeerFocusMessage;

/** A connection as the hub sees it, recording what it is sent. */
class Phone implements Subscriber {
  readonly messages: Received[] = [];
  constructor(readonly actor: Actor) {}
  sendRaw(message: string | Buffer): void {
    this.messages.push(JSON.parse(message.toString()) as Received);
  }
  deliver(): void {}
  presence(): PresenceMessage | undefined {
    return this.messages.filter((message): message is PresenceMessage => message.type === "presence").at(-1);
  }
  carets(): PeerFocusMessage[] {
    return this.messages.filter((message): message is PeerFocusMessage => message.type === "peerFocus");
  }
}

const facilitator = (id = "fac") => new Phone({ role: "facilitator", id });
const participant = (id: string) => new Phone({ role: "participant", id });

/** The workshop's state as every process holds it: names come from here. */
function workshopState(workshopId: string, names: Record<string, string>): WorkshopState {
  const state = emptyWorkshop(workshopId);
  for (const [id, name] of Object.entries(names)) state.participants[id] = { id, name };
  return state;
}

/** Short intervals, so that heartbeats and expiry happen within a test. */
const FAST = { heartbeatMs: 100, expireMs: 600, answerDelayMs: 10 } satisfies Partial<RedisPresenceOptions>;

/** One "process": its own Redis presence and hub (presence every 50 ms), on this test's channel prefix. */
async function serverProcess(
  channel: string,
  state: (workshopId: string) => WorkshopState,
  timing: Partial<RedisPresenceOptions> = FAST,
) {
  const errors: unknown[] = [];
  const presence = await RedisPresence.open({
    url: REDIS_URL,
    channel,
    onError: (error) => errors.push(error),
    ...timing,
  });
  opened.push(presence);
  const hub = new Hub(
    new LocalEventBus(),
    async (workshopId) => state(workshopId),
    (error) => errors.push(error),
    {
      shared: presence,
      intervalMs: 50,
    },
  );
  opened.push(hub);
  return { presence, hub, errors };
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ids = (message: PresenceMessage | undefined) => (message?.people ?? []).map((person) => person.id).sort();

async function rawRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL);
  opened.push({ close: () => redis.quit().then(() => undefined) });
  return redis;
}

describe.skipIf(!available)("RedisPresence between two processes' hubs", () => {
  it("counts the participants of both processes in one presence message, a person on both once, names for facilitators only", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const names = { a1: "Ana", a2: "Abe", both: "Bo", b1: "Ben", b2: "Bea" };
    const state = () => workshopState("w1", names);
    const a = await serverProcess(channel, state);
    const b = await serverProcess(channel, state);
    const facA = facilitator();
    const facB = facilitator("fac-b");
    const onA = [participant("a1"), participant("a2"), participant("both")];
    const onB = [participant("b1"), participant("b2"), participant("both")];
    a.hub.join("w1", facA);
    for (const phone of onA) a.hub.join("w1", phone);
    b.hub.join("w1", facB);
    for (const phone of onB) b.hub.join("w1", phone);

    await until(() => facA.presence()?.connected === 5 && facB.presence()?.connected === 5, "five on both");
    for (const fac of [facA, facB]) {
      expect(ids(fac.presence())).toEqual(["a1", "a2", "b1", "b2", "both"]);
      expect(fac.presence()?.byTable).toEqual({ "": 5 });
      expect(fac.presence()?.people?.find((person) => person.id === "b1")?.name).toBe("Ben");
    }
    // A participant on A hears the whole room too, without the names.
    const [ana] = onA;
    await until(() => ana?.presence()?.connected === 5, "Ana hearing five");
    expect(ana?.presence()).toEqual({ type: "presence", connected: 5, byTable: { "": 5 } });

    // Ben leaves B: A's facilitator hears it. Bo closes the tab on B: still connected through A.
    const before = facA.messages.length;
    const [ben, , boOnB] = onB;
    if (ben) b.hub.leave("w1", ben);
    if (boOnB) b.hub.leave("w1", boOnB);
    await until(() => facA.presence()?.connected === 4, "four on A");
    expect(ids(facA.presence())).toEqual(["a1", "a2", "b2", "both"]);
    // Nothing else moved: the count went straight from five to four.
    const seen = facA.messages.slice(before).flatMap((message) => (message.type === "presence" ? [message] : []));
    expect(seen.map((message) => message.connected).filter((count) => count !== 5 && count !== 4)).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("tells a process that opens a workshop late who is already there", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const state = () => workshopState("w1", {});
    // Slow heartbeats: only the answer to "who's there?" can tell A in time.
    const timing = { heartbeatMs: 60_000, expireMs: 120_000, answerDelayMs: 10 };
    const a = await serverProcess(channel, state, timing);
    const b = await serverProcess(channel, state, timing);
    const early = [participant("b1"), participant("b2")];
    for (const phone of early) b.hub.join("w1", phone);
    await until(() => early[0]?.presence()?.connected === 2, "B's own presence");

    const facA = facilitator();
    a.hub.join("w1", facA);
    await until(() => facA.presence()?.connected === 2, "A learning B's roster");
    expect(ids(facA.presence())).toEqual(["b1", "b2"]);
  });

  it("forgets the participants of a process that stops repeating its roster, and keeps a live one's", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const state = () => workshopState("w1", {});
    const a = await serverProcess(channel, state);
    const b = await serverProcess(channel, state);
    const facA = facilitator();
    a.hub.join("w1", facA);
    b.hub.join("w1", participant("b1"));
    await until(() => facA.presence()?.connected === 1, "B's participant");

    // A process that says who it has once, then crashes: it never repeats it.
    const crashed = await rawRedis();
    await crashed.publish(
      `${channel}:w1`,
      JSON.stringify({ kind: "roster", process: "crashed", participants: ["ghost-1", "ghost-2"] }),
    );
    await until(() => facA.presence()?.connected === 3, "the crashed process's participants");
    expect(ids(facA.presence())).toEqual(["b1", "ghost-1", "ghost-2"]);

    // Past the expiry (600 ms) they are gone; B, which repeats its roster every 100 ms, stays.
    await until(() => facA.presence()?.connected === 1, "the ghosts expiring");
    expect(ids(facA.presence())).toEqual(["b1"]);
    await sleep(3 * FAST.expireMs);
    expect(ids(facA.presence())).toEqual(["b1"]);
    expect(a.errors).toEqual([]);
  });

  it("drops at once the participants of a process that closes", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const state = () => workshopState("w1", {});
    const timing = { heartbeatMs: 60_000, expireMs: 120_000, answerDelayMs: 10 };
    const a = await serverProcess(channel, state, timing);
    const b = await serverProcess(channel, state, timing);
    const facA = facilitator();
    a.hub.join("w1", facA);
    b.hub.join("w1", participant("b1"));
    await until(() => facA.presence()?.connected === 1, "B's participant");
    b.hub.close();
    await b.presence.close();
    await until(() => facA.presence()?.connected === 0, "B's goodbye");
  });

  it("rejects what is not a presence message, and goes on", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const a = await serverProcess(channel, () => workshopState("w1", {}));
    const b = await serverProcess(channel, () => workshopState("w1", {}));
    const facA = facilitator();
    const facB = facilitator("fac-b");
    a.hub.join("w1", facA);
    b.hub.join("w1", facB);
    await until(() => facA.presence() !== undefined, "A's first presence");
    const intruder = await rawRedis();
    await intruder.publish(`${channel}:w1`, "not json");
    await intruder.publish(`${channel}:w1`, JSON.stringify({ kind: "roster", process: "x", participants: [42] }));
    await intruder.publish(
      `${channel}:w1`,
      JSON.stringify({ kind: "focus", process: "x", focus: { type: "peerFocus", actorId: "x", html: "<b>" } }),
    );
    await until(() => a.errors.length === 3, "three rejections");
    expect(facA.presence()?.connected).toBe(0);
    expect(facA.carets()).toEqual([]);
    // The channel still works.
    b.hub.join("w1", participant("b1"));
    await until(() => facA.presence()?.connected === 1, "B's participant");
  });

  it("relays a co-writer's caret to the other process's connections once, and only to processes in the workshop", async () => {
    const channel = `concord:test:${randomUUID()}`;
    const state = () => workshopState("w1", {});
    const a = await serverProcess(channel, state);
    const b = await serverProcess(channel, state);
    const elsewhere = await serverProcess(channel, state);
    const writerA = participant("writer-a");
    const readerA = facilitator("reader-a");
    const writerB = facilitator("writer-b");
    const other = facilitator("other");
    a.hub.join("w1", writerA);
    a.hub.join("w1", readerA);
    b.hub.join("w1", writerB);
    elsewhere.hub.join("w2", other);

    // Only A and B listen to the workshop's channel.
    const redis = await rawRedis();
    const listeners = async () => (await redis.pubsub("NUMSUB", `${channel}:w1`))[1];
    await until(() => facilitatorsHeard(), "everyone's first presence");
    expect(await listeners()).toBe(2);

    const caret: PeerFocusMessage = {
      type: "peerFocus",
      actorId: "writer-a",
      name: "Ana",
      role: "participant",
      themeId: "t1",
      field: "headline",
      cursor: 4,
    };
    a.hub.relay("w1", writerA, JSON.stringify(caret));
    await until(() => writerB.carets().length === 1, "the caret on B");
    expect(writerB.carets()).toEqual([caret]);
    // And back: B's writer moves.
    const back = { ...caret, actorId: "writer-b", role: "facilitator" as const, cursor: 9 };
    b.hub.relay("w1", writerB, JSON.stringify(back));
    await until(() => writerA.carets().length === 1, "B's caret on A");
    await sleep(200);
    expect(readerA.carets()).toEqual([caret, back]);
    expect(writerA.carets()).toEqual([back]);
    expect(writerB.carets()).toEqual([caret]);
    expect(other.carets()).toEqual([]);

    // B's last connection leaves: B stops listening to the workshop.
    b.hub.leave("w1", writerB);
    const deadline = Date.now() + 5000;
    while ((await listeners()) !== 1 && Date.now() < deadline) await sleep(10);
    expect(await listeners()).toBe(1);
    expect([...a.errors, ...b.errors, ...elsewhere.errors]).toEqual([]);

    function facilitatorsHeard() {
      return [readerA, writerB, other].every((phone) => phone.presence() !== undefined);
    }
  });
});
