import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Command, PeerFocusMessage, PresenceMessage, ServerMessage } from "../../src/core/index.js";
import { publicParticipantId } from "../../src/server/ws/participantIdentity.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  fetchWorkshop,
  freePort,
  listWorkshops,
  makeTempDir,
  REPO_ROOT,
  readJson,
  removeDir,
  requestJson,
  type ServerProcess,
  signUp,
  startServerProcess,
} from "../support/server.js";
import { createTestDatabase, REDIS_URL, servicesAvailable, type TestDatabase } from "../support/services.js";
import { connectClient, type TestClient } from "../support/wsClient.js";

// Two real `concord serve` processes on one PostgreSQL database and one Redis: in CI, both must be up.
const available = await servicesAvailable("Several server processes", { postgres: true, redis: true });

const DEMO_TITLE = (readJson(`${REPO_ROOT}/src/server/demo/demo.workshop.json`) as { title: string }).title;
const addCard = (cardId: string, text = `Card ${cardId}`): Command => ({ type: "addCard", cardId, text });
const isPresence = (message: ServerMessage): message is PresenceMessage => message.type === "presence";
const isPeerFocus = (message: ServerMessage): message is PeerFocusMessage => message.type === "peerFocus";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first presence message at or after index `from` that matches (gathered a second, then a Redis hop). */
function waitForPresence(client: TestClient, predicate: (message: PresenceMessage) => boolean, from = 0) {
  return client.waitForMessage(
    (message): message is PresenceMessage =>
      isPresence(message) && client.messages.indexOf(message) >= from && predicate(message),
    10_000,
  );
}

describe.skipIf(!available)("two server processes sharing PostgreSQL and Redis", () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let session: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = makeTempDir();
    const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_CHANNEL: `concord:test:${randomUUID()}` };
    // Together, on a database neither has seen: they must migrate it and seed the demo once.
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([
      startServerProcess(dataDir, portA, 45_000, env),
      startServerProcess(dataDir, portB, 45_000, env),
    ]);
    session = await signUp(a.baseUrl);
  }, 120_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    if (dataDir) removeDir(dataDir);
  }, 30_000);

  async function connect(server: ServerProcess, workshop: CreatedWorkshop, who: string): Promise<TestClient> {
    const client = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: workshop.id,
      ...(who === "facilitator"
        ? { role: "facilitator", facilitatorKey: workshop.facilitatorKey }
        : { role: "participant", participantId: who }),
    });
    clients.push(client);
    return client;
  }

  /** Every client ends at the log's head with the same state, having seen each event once, in order. */
  async function expectSameHistory(workshop: CreatedWorkshop, watching: TestClient[]): Promise<number> {
    const head = (await fetchWorkshop(a.baseUrl, workshop)).seq;
    expect((await fetchWorkshop(b.baseUrl, workshop)).seq).toBe(head);
    for (const client of watching) await client.waitForSeq(head, 10_000);
    // The state each process holds in memory is the same, and each client holds its view of it.
    const [fromA, fromB] = await Promise.all([fetchWorkshop(a.baseUrl, workshop), fetchWorkshop(b.baseUrl, workshop)]);
    expect(fromB.state).toEqual(fromA.state);
    for (const client of watching) {
      expect(client.gaps).toEqual([]);
      expect(client.repeatedSeqs).toEqual([]);
      expect(client.seq).toBe(head);
      expect(client.state).toEqual(client.viewOf(fromA.state));
    }
    const log = await requestJson<{ events: { seq: number }[] }>(
      a.baseUrl,
      "GET",
      `/api/workshops/${workshop.id}/events`,
      undefined,
      workshop,
    );
    expect(log.body.events.map((event) => event.seq)).toEqual(Array.from({ length: head }, (_, index) => index + 1));
    return head;
  }

  it("seeds the demo once although both processes started on an empty database together", async () => {
    for (const server of [a, b]) {
      const listed = await listWorkshops(server.baseUrl);
      expect(listed.map((workshop) => workshop.title)).toEqual([DEMO_TITLE]);
    }
  });

  it("knows the facilitator's account and the workshop on both processes", async () => {
    const workshop = await createWorkshop(a.baseUrl, session, "Shared by two processes");
    const mine = await requestJson<{ workshops: { id: string }[] }>(
      b.baseUrl,
      "GET",
      "/api/workshops",
      undefined,
      session,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.workshops.map((listed) => listed.id)).toContain(workshop.id);
    expect((await fetchWorkshop(b.baseUrl, workshop)).state.context.title).toBe("Shared by two processes");
  });

  it("refuses a join code rotated on one process on the other at once, and opens the new one there", async () => {
    const workshop = await createWorkshop(a.baseUrl, session, "Rotated on A");
    const lookUp = (server: ServerProcess, code: string) =>
      requestJson<{ workshopId: string }>(server.baseUrl, "GET", `/api/join/${code}`);
    const oldCode = (await fetchWorkshop(a.baseUrl, workshop)).state.joinCode;
    // B holds the workshop in memory, with the old code, and a phone is in through B.
    expect((await lookUp(b, oldCode)).body.workshopId).toBe(workshop.id);
    const phone = await connect(b, workshop, "pat");
    await phone.expectAck("join", { type: "joinWorkshop", name: "Pat" });

    const rotated = await requestJson<{ joinCode: string }>(
      a.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/join-code`,
      undefined,
      session,
    );
    expect(rotated.status).toBe(200);
    // Asked of B straight after A answered, before B may have heard of it on the bus.
    const [oldOnB, newOnB] = await Promise.all([lookUp(b, oldCode), lookUp(b, rotated.body.joinCode)]);
    expect(oldOnB.status).toBe(404);
    expect(newOnB.body.workshopId).toBe(workshop.id);
    await phone.waitForSeq((await fetchWorkshop(a.baseUrl, workshop)).seq, 10_000);
    expect(phone.state.joinCode).toBe(rotated.body.joinCode);
    expect(phone.closeInfo).toBeUndefined();
  });

  it("gives clients of both processes one gap-free sequence while both write into the same workshop", async () => {
    const workshop = await createWorkshop(a.baseUrl, session);
    const facilitatorA = await connect(a, workshop, "facilitator");
    const facilitatorB = await connect(b, workshop, "facilitator");
    const ana = await connect(a, workshop, "ana");
    const ben = await connect(b, workshop, "ben");
    await facilitatorA.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    // A burst of 40 cards each: past the default cards-a-minute quota.
    await facilitatorA.expectAck("quotas", { type: "updateSettings", patch: { cardsPerMinute: 1000 } });
    await Promise.all([
      ana.expectAck("join-ana", { type: "joinWorkshop", name: "Ana" }),
      ben.expectAck("join-ben", { type: "joinWorkshop", name: "Ben" }),
    ]);

    // Interleaved and simultaneous: each participant sends 40 cards without waiting, through its own process.
    const burst = (client: TestClient, name: string) =>
      Promise.all(
        Array.from({ length: 40 }, (_, index) => client.expectAck(`${name}-${index}`, addCard(`${name}-${index}`))),
      );
    const [fromAna, fromBen] = await Promise.all([burst(ana, "ana"), burst(ben, "ben")]);
    expect(fromAna.every((ack) => !ack.duplicate) && fromBen.every((ack) => !ack.duplicate)).toBe(true);
    // Each process's acks are distinct positions in one log.
    expect(new Set([...fromAna, ...fromBen].map((ack) => ack.seq)).size).toBe(80);

    // A decision on B about what was committed on A: B's room holds A's card once B's client sees it.
    await facilitatorB.waitFor((state) => state.cards.has("ana-0"));
    await facilitatorB.expectAck("edit-on-b", { type: "editCard", cardId: "ana-0", text: "Edited through B" });
    await facilitatorA.expectAck("edit-on-a", { type: "editCard", cardId: "ben-0", text: "Edited through A" });
    // A card id taken through one process is refused through the other.
    await ben.waitFor((state) => state.cards.has("ana-1"));
    const clash = await ben.send("clash", addCard("ana-1"));
    expect(clash.type).toBe("error");

    const head = await expectSameHistory(workshop, [facilitatorA, facilitatorB, ana, ben]);
    const cards = facilitatorA.state.cards;
    expect(cards.size).toBe(80);
    expect(cards.get("ana-0")?.text).toBe("Edited through B");
    expect(cards.get("ben-0")?.text).toBe("Edited through A");
    // setPhase, two joins, 80 cards, two edits.
    expect(head).toBeGreaterThanOrEqual(85);
  });

  it("applies a command id retried through the other process once", async () => {
    const workshop = await createWorkshop(a.baseUrl, session);
    const facilitatorA = await connect(a, workshop, "facilitator");
    await facilitatorA.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    const onA = await connect(a, workshop, "cleo");
    await onA.expectAck("join", { type: "joinWorkshop", name: "Cleo" });
    const first = await onA.expectAck("retry-me", addCard("retried"));
    await onA.close();

    // The phone lost its connection to A and the load balancer sends it to B: same device, same id.
    const onB = await connect(b, workshop, "cleo");
    const again = await onB.expectAck("retry-me", addCard("retried"));
    expect(again).toMatchObject({ duplicate: true, seq: first.seq });

    // The same command id through both processes at the same moment: applied once.
    const twinA = await connect(a, workshop, "dan");
    const twinB = await connect(b, workshop, "dan");
    await twinA.expectAck("join", { type: "joinWorkshop", name: "Dan" });
    await twinB.waitForSeq(twinA.seq);
    const answers = await Promise.all([twinA.send("twin", addCard("twin")), twinB.send("twin", addCard("twin"))]);
    expect(answers.map((answer) => answer.type)).toEqual(["ack", "ack"]);
    expect(answers.filter((answer) => answer.type === "ack" && !answer.duplicate)).toHaveLength(1);
    expect(answers[0]?.type === "ack" && answers[1]?.type === "ack" && answers[0].seq === answers[1].seq).toBe(true);

    await expectSameHistory(workshop, [facilitatorA, onB, twinA, twinB]);
    expect([...facilitatorA.state.cards.keys()].sort()).toEqual(["retried", "twin"]);
  });

  it("shows a facilitator on either process the participants of both, a person with tabs on both once, and who left", async () => {
    const workshop = await createWorkshop(a.baseUrl, session, "One room, two processes");
    const facilitatorA = await connect(a, workshop, "facilitator");
    const facilitatorB = await connect(b, workshop, "facilitator");
    const join = async (server: ServerProcess, who: string, name: string) => {
      const client = await connect(server, workshop, who);
      await client.expectAck(`join-${who}`, { type: "joinWorkshop", name });
      return client;
    };
    const ana = await join(a, "ana", "Ana");
    await join(a, "abe", "Abe");
    const ben = await join(b, "ben", "Ben");
    await join(b, "bea", "Bea");
    // Dee has a tab on each process.
    await join(a, "dee", "Dee");
    await connect(b, workshop, "dee");

    const everyone = ["Abe", "Ana", "Bea", "Ben", "Dee"];
    const named = (message: PresenceMessage) => (message.people ?? []).map((person) => person.name).sort();
    for (const facilitator of [facilitatorA, facilitatorB]) {
      const seen = await waitForPresence(facilitator, (message) => named(message).join() === everyone.join());
      expect(seen.connected).toBe(5);
      expect(seen.byTable).toStrictEqual({ "": 5 });
      expect(seen.people?.find((person) => person.name === "Ben")?.id).toBe(publicParticipantId("ben"));
    }
    // A participant on A hears the whole room's count, without names.
    const counted = await waitForPresence(ana, (message) => message.connected === 5);
    expect(counted).toStrictEqual({ type: "presence", connected: 5, byTable: { "": 5 } });

    // Ben leaves through B: the facilitator on A hears it.
    const from = facilitatorA.messages.length;
    await ben.close();
    const after = await waitForPresence(facilitatorA, (message) => message.connected === 4, from);
    expect(named(after)).toEqual(["Abe", "Ana", "Bea", "Dee"]);
  });

  it("relays a co-writer's caret from one process to the other's connections once", async () => {
    const workshop = await createWorkshop(a.baseUrl, session, "Co-writing on two processes");
    const writerA = await connect(a, workshop, "facilitator");
    const writerB = await connect(b, workshop, "facilitator");
    const ada = await connect(b, workshop, "ada");
    await ada.expectAck("join", { type: "joinWorkshop", name: "Ada" });
    // Both processes hear each other on the workshop once they have served its presence.
    await waitForPresence(writerA, (message) => message.connected === 1);

    writerA.sendRaw({ type: "focus", themeId: "t1", field: "headline", cursor: 7 });
    const onB = await writerB.waitForMessage(isPeerFocus, 10_000);
    expect(onB).toMatchObject({ role: "facilitator", themeId: "t1", field: "headline", cursor: 7 });
    expect(onB.actorId).toBe(writerA.welcome?.actor.id);
    // Ada on B writes: her name travels with her caret to A.
    ada.sendRaw({ type: "focus", themeId: "t1", field: "narrative", cursor: 2 });
    const onA = await writerA.waitForMessage(
      (message) => isPeerFocus(message) && message.field === "narrative",
      10_000,
    );
    expect(onA).toMatchObject({ actorId: publicParticipantId("ada"), name: "Ada", role: "participant", cursor: 2 });

    await sleep(500);
    // Each caret reached each other connection once, and none came back to its writer.
    expect(writerB.messages.filter(isPeerFocus).map((message) => message.cursor)).toEqual([7, 2]);
    expect(ada.messages.filter(isPeerFocus).map((message) => message.cursor)).toEqual([7]);
    expect(writerA.messages.filter(isPeerFocus).map((message) => message.cursor)).toEqual([2]);
  });
});
