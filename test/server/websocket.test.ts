import { beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES, type Command, PROTOCOL_VERSION } from "../../src/core/index.js";
import { publicParticipantId } from "../../src/server/ws/participantIdentity.js";
import { withLiveServer } from "../support/liveServer.js";
import { type CreatedWorkshop, createWorkshop, fetchWorkshop } from "../support/server.js";
import type { AckMessage, ClientOptions, TestClient } from "../support/wsClient.js";

const live = withLiveServer();

const { connect, open } = live;

/** A new workshop with its facilitator connected and the board open for brainstorming. */
async function brainstormingWorkshop(title = "Live"): Promise<{ workshop: CreatedWorkshop; facilitator: TestClient }> {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, title);
  const facilitator = await connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("phase-brainstorm", { type: "setPhase", phase: "brainstorm" });
  return { workshop, facilitator };
}

const participant = (workshop: CreatedWorkshop, participantId: string, extra: Partial<ClientOptions> = {}) =>
  connect({ workshopId: workshop.id, role: "participant", participantId, ...extra });

const addCard = (cardId: string, text = `Card ${cardId}`): Command => ({ type: "addCard", cardId, text });

/** 1, 2, …, n after `from`. */
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index + 1);

/** Events messages this client received. */
const eventBatches = (client: TestClient) =>
  client.messages.flatMap((message) => (message.type === "events" ? [message.events] : []));

describe("live collaboration over WebSockets", () => {
  it("a participant's card reaches the other participant, and its author gets an ack with the event's seq", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    expect(facilitator.welcome).toMatchObject({
      protocol: PROTOCOL_VERSION,
      workshopId: workshop.id,
      actor: { role: "facilitator" },
    });
    expect(facilitator.state.phase).toBe("brainstorm");

    const a = await participant(workshop, "participant-a");
    const b = await participant(workshop, "participant-b");
    expect(a.welcome?.actor).toEqual({ role: "participant", id: publicParticipantId("participant-a") });
    // The id the room sees cannot be used to say hello as that person.
    const impostor = await participant(workshop, publicParticipantId("participant-a"));
    expect(impostor.welcome?.actor.id).not.toBe(publicParticipantId("participant-a"));
    expect(a.state.phase).toBe("brainstorm");
    await a.expectAck("join-a", { type: "joinWorkshop", name: "Ada" });

    const ack = await a.expectAck("card-1", addCard("card-1", "More quiet rooms"));
    expect(ack).toEqual({ type: "ack", id: "card-1", seq: ack.seq, duplicate: false });

    const seen = await b.waitFor((state) => state.cards.get("card-1") !== undefined);
    // The other phone is not told who wrote it; the author's own copy says it is theirs.
    expect(seen.cards.get("card-1")).toEqual({ id: "card-1", text: "More quiet rooms" });
    expect(a.state.cards.get("card-1")).toEqual({
      id: "card-1",
      text: "More quiet rooms",
      authorId: publicParticipantId("participant-a"),
      author: "Ada",
    });
    expect(seen.unclustered).toEqual(["card-1"]);
    const envelope = eventBatches(b)
      .flat()
      .find((candidate) => candidate.commandId === "card-1");
    expect(envelope).toMatchObject({
      seq: ack.seq,
      actor: { role: "participant", id: publicParticipantId("participant-a") },
      event: { type: "cardAdded", card: { id: "card-1" } },
    });
    expect(b.seq).toBe(ack.seq);
    await a.waitForSeq(ack.seq);
    expect(b.viewOf(a.state)).toEqual(b.state);
    await facilitator.waitForSeq(ack.seq);
    expect(a.viewOf(facilitator.state)).toEqual(a.state);
    expect(b.viewOf(facilitator.state)).toEqual(b.state);
  });

  it("a `sync` returns the events after `since`", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    for (const id of ["s1", "s2", "s3"]) await facilitator.expectAck(id, addCard(id));
    const head = facilitator.seq;
    const client = await participant(workshop, "syncer");
    expect(client.seq).toBe(head);

    const batches = eventBatches(client).length;
    client.sendRaw({ type: "sync", since: head - 2 });
    await client.waitForMessage(
      (message) =>
        message.type === "events" && message.events.at(-1)?.seq === head && eventBatches(client).length > batches,
    );
    const replayed = eventBatches(client).slice(batches).flat();
    expect(replayed.map((envelope) => envelope.seq)).toEqual([head - 1, head]);
    expect(replayed.map((envelope) => envelope.commandId)).toEqual(["s2", "s3"]);
    expect(client.gaps).toEqual([]);

    // The live stream carries on gap-free after the replay.
    const ack = await facilitator.expectAck("s4", addCard("s4"));
    await client.waitForSeq(ack.seq);
    expect(client.state).toEqual(facilitator.state);
  });

  it("answers ping with pong", async () => {
    const { workshop } = await brainstormingWorkshop();
    const client = await participant(workshop, "pinger");
    client.sendRaw({ type: "ping" });
    await client.waitForMessage((message) => message.type === "pong");
  });
});

describe("handshake and message errors", () => {
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Guarded");
  });

  it("closes with 4001 on a wrong facilitator key", async () => {
    const client = await open({ workshopId: workshop.id, role: "facilitator", facilitatorKey: "not-the-key" });
    expect((await client.closedWithin()).code).toBe(CLOSE_CODES.unauthorized);
    expect(client.welcome).toBeUndefined();
  });

  it("closes with 4001 when the facilitator key is missing", async () => {
    const client = await open({ workshopId: workshop.id, role: "facilitator" });
    expect((await client.closedWithin()).code).toBe(CLOSE_CODES.unauthorized);
  });

  it("closes with 4004 for an unknown workshop", async () => {
    const client = await open({ workshopId: "no-such-workshop", role: "participant", participantId: "p" });
    expect((await client.closedWithin()).code).toBe(CLOSE_CODES.unknownWorkshop);
  });

  it("closes with 4000 on another protocol version", async () => {
    const client = await open({ workshopId: workshop.id, role: "participant", protocol: PROTOCOL_VERSION + 1 });
    expect((await client.closedWithin()).code).toBe(CLOSE_CODES.protocolMismatch);
  });

  it("closes with 4002 on a command before hello", async () => {
    const client = await open({ workshopId: workshop.id, role: "participant", hello: false });
    client.sendRaw({ type: "command", id: "early", command: addCard("early") });
    expect((await client.closedWithin()).code).toBe(CLOSE_CODES.badMessage);
    expect((await fetchWorkshop(live.server.baseUrl, workshop)).state.cards.size).toBe(0);
  });

  it("answers a malformed command with bad_message naming the path, and stays connected", async () => {
    const client = await participant(workshop, "sloppy");
    const answer = await client.sendMessage("bad-1", {
      type: "command",
      id: "bad-1",
      command: { type: "addCard", cardId: "c1", text: 42 },
    });
    expect(answer).toMatchObject({ type: "error", id: "bad-1", code: "bad_message" });
    expect(answer.type === "error" && answer.message).toMatch(/^command\.text\b/);

    client.sendRaw("this is not json");
    await client.waitForMessage(
      (message) => message.type === "error" && message.code === "bad_message" && message.id === undefined,
    );
    client.sendRaw({ type: "ping" });
    await client.waitForMessage((message) => message.type === "pong");
    expect(client.closeInfo).toBeUndefined();
  });

  it("answers a forbidden command with `forbidden` and changes nothing", async () => {
    const before = await fetchWorkshop(live.server.baseUrl, workshop);
    const client = await participant(workshop, "eager");
    const answer = await client.send("phase-1", { type: "setPhase", phase: "brainstorm" });
    expect(answer).toMatchObject({
      type: "error",
      id: "phase-1",
      code: "forbidden",
      reason: "notAllowed",
      params: { role: "participant", command: "setPhase", phase: "context" },
    });
    const after = await fetchWorkshop(live.server.baseUrl, workshop);
    expect(after).toEqual(before);
    expect(client.state.phase).toBe("context");
    expect(eventBatches(client)).toEqual([]);
  });

  it("answers a refused command with its reason and params beside the English message, for clients to translate", async () => {
    const { workshop: brainstorming, facilitator } = await brainstormingWorkshop("Refusals");
    await facilitator.expectAck("short-cards", { type: "updateSettings", patch: { cardMaxLength: 20 } });
    const client = await participant(brainstorming, "wordy");
    await client.expectAck("join-wordy", { type: "joinWorkshop", name: "Wordy" });

    const answer = await client.send("long-1", addCard("long-1", "x".repeat(21)));
    expect(answer).toEqual({
      type: "error",
      id: "long-1",
      code: "invalid",
      message: "A card holds at most 20 characters",
      reason: "cardTooLong",
      params: { max: 20 },
    });

    // The same travels for a refusal found deeper in the core: a card the workshop does not have.
    const missing = await client.send("edit-1", { type: "editCard", cardId: "nope", text: "Hello" });
    expect(missing).toEqual({
      type: "error",
      id: "edit-1",
      code: "not_found",
      message: "Card nope does not exist",
      reason: "cardNotFound",
      params: { cardId: "nope" },
    });
  });
});

describe("reconnecting", () => {
  it("catches a client up with exactly the events it missed: no snapshot, no repeats, no gap", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    const a = await participant(workshop, "author");
    const b = await participant(workshop, "reader");
    await a.expectAck("before", addCard("before"));
    await b.waitFor((state) => state.cards.get("before") !== undefined);

    const held = b.replica;
    if (!held) throw new Error("b has no replica");
    await b.close();
    const missed: number[] = [];
    for (const id of ["m1", "m2", "m3"]) missed.push((await a.expectAck(id, addCard(id))).seq);
    expect(missed).toEqual(range(held.seq, held.seq + 3));

    const back = await participant(workshop, "reader", { resumeFrom: held });
    expect(back.welcome?.seq).toBe(held.seq + 3);
    expect(back.messages.map((message) => message.type)).not.toContain("snapshot");
    expect(back.receivedSeqs).toEqual(missed);
    expect(
      eventBatches(back)
        .flat()
        .map((envelope) => envelope.commandId),
    ).toEqual(["m1", "m2", "m3"]);
    expect(back.repeatedSeqs).toEqual([]);
    expect(back.gaps).toEqual([]);
    await a.waitForSeq(back.seq);
    expect(back.state).toEqual(back.viewOf(a.state));
    expect(back.state).toEqual(back.viewOf((await fetchWorkshop(live.server.baseUrl, workshop)).state));

    // And the live stream continues right after the catch-up.
    const next = await facilitator.expectAck("after", addCard("after"));
    expect(next.seq).toBe(held.seq + 4);
    await back.waitForSeq(next.seq);
    expect(back.receivedSeqs).toEqual([...missed, next.seq]);
  });

  it("sends a snapshot to a client that resumes from a seq the server does not have", async () => {
    const { workshop } = await brainstormingWorkshop();
    const head = (await fetchWorkshop(live.server.baseUrl, workshop)).seq;
    const fake = { seq: head + 50, state: (await fetchWorkshop(live.server.baseUrl, workshop)).state };
    const client = await participant(workshop, "time-traveller", { resumeFrom: fake });
    // Presence may come and go; the state channel is a welcome and one snapshot.
    const stateMessages = client.messages.filter((message) => ["welcome", "snapshot", "events"].includes(message.type));
    expect(stateMessages.map((message) => message.type)).toEqual(["welcome", "snapshot"]);
    expect(client.seq).toBe(head);
  });
});

describe("idempotent commands", () => {
  it("applies a repeated command id once, acks the repeat as a duplicate with the same seq", async () => {
    const { workshop } = await brainstormingWorkshop();
    const a = await participant(workshop, "repeater");
    const b = await participant(workshop, "watcher");

    // Twice before the first ack arrives, then once more after it.
    const first = a.send("dup", addCard("dup-card"));
    const second = a.send("dup", addCard("dup-card"));
    const [ack1, ack2] = await Promise.all([first, second]);
    const ack3 = await a.send("dup", addCard("dup-card"));
    expect(ack1).toMatchObject({ type: "ack", id: "dup", duplicate: false });
    const { seq } = ack1 as AckMessage;
    expect(ack2).toEqual({ type: "ack", id: "dup", seq, duplicate: true });
    expect(ack3).toEqual(ack2);

    // A marker after the repeats proves every repeat was handled before we count.
    const marker = await a.expectAck("marker", addCard("marker"));
    await b.waitForSeq(marker.seq);
    const cards = [...b.state.cards.keys()];
    expect(cards.filter((id) => id === "dup-card")).toHaveLength(1);
    expect(b.state.unclustered).toEqual(["dup-card", "marker"]);
    const dupEvents = eventBatches(b)
      .flat()
      .filter((envelope) => envelope.commandId === "dup");
    expect(dupEvents).toHaveLength(1);
    expect(b.receivedSeqs).toEqual([...new Set(b.receivedSeqs)]);
    const authoritative = await fetchWorkshop(live.server.baseUrl, workshop);
    expect(authoritative.seq).toBe(marker.seq);
    expect(b.state).toEqual(b.viewOf(authoritative.state));
  });

  it("treats the same command id from another participant as another command", async () => {
    const { workshop } = await brainstormingWorkshop();
    const a = await participant(workshop, "first");
    const b = await participant(workshop, "second");
    const fromA = await a.expectAck("shared-id", addCard("card-of-a"));
    const fromB = await b.expectAck("shared-id", addCard("card-of-b"));
    expect(fromB.duplicate).toBe(false);
    expect(fromB.seq).toBe(fromA.seq + 1);
    const state = await a.waitFor((candidate) => candidate.cards.get("card-of-b") !== undefined);
    expect(state.unclustered).toEqual(["card-of-a", "card-of-b"]);
  });

  it("answers a retried command after a reconnect as a duplicate", async () => {
    const { workshop } = await brainstormingWorkshop();
    const a = await participant(workshop, "flaky");
    const ack = await a.expectAck("retry", addCard("retry-card"));
    const held = a.replica;
    await a.close();
    const again = await participant(workshop, "flaky", held ? { resumeFrom: held } : {});
    expect(await again.send("retry", addCard("retry-card"))).toEqual({ ...ack, duplicate: true });
    expect([...(await fetchWorkshop(live.server.baseUrl, workshop)).state.cards.keys()]).toEqual(["retry-card"]);
  });
});

describe("ordering under concurrency", () => {
  it("delivers every event to every client in seq order without gaps while three clients write at once", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    // Twenty cards at once from each writer: beyond a person's quota of cards a minute.
    await facilitator.expectAck("quotas", { type: "updateSettings", patch: { cardsPerMinute: 1000 } });
    const start = facilitator.seq;
    const writers = await Promise.all(["w1", "w2", "w3"].map((id) => participant(workshop, id)));
    const watcher = await participant(workshop, "watcher");
    const perClient = 20;

    // Every client fires all its commands without waiting, so the server sees them interleaved.
    const answers = await Promise.all(
      writers.flatMap((writer, w) =>
        Array.from({ length: perClient }, (_, i) => writer.send(`w${w}-${i}`, addCard(`w${w}-card-${i}`))),
      ),
    );
    const acks = answers.map((answer) => {
      if (answer.type !== "ack") throw new Error(`refused: ${answer.message}`);
      return answer;
    });
    const head = start + writers.length * perClient;
    expect(acks.map((ack) => ack.seq).sort((x, y) => x - y)).toEqual(range(start, head));

    const everyone = [facilitator, ...writers, watcher];
    await Promise.all(everyone.map((client) => client.waitForSeq(head)));
    const authoritative = await fetchWorkshop(live.server.baseUrl, workshop);
    expect(authoritative.seq).toBe(head);
    for (const client of everyone) {
      expect(client.receivedSeqs).toEqual(range(client.welcome?.seq ?? 0, head));
      expect(client.gaps).toEqual([]);
      expect(client.repeatedSeqs).toEqual([]);
      expect(client.state).toEqual(client.viewOf(authoritative.state));
    }
    // Each writer's own cards keep the order it sent them in.
    for (const [w] of writers.entries()) {
      const mine = authoritative.state.unclustered.filter((id) => id.startsWith(`w${w}-`));
      expect(mine).toEqual(Array.from({ length: perClient }, (_, i) => `w${w}-card-${i}`));
    }
  });

  it("keeps a client that joins mid-stream gap-free", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    const writer = await participant(workshop, "busy");
    const sending = Array.from({ length: 30 }, (_, i) => writer.send(`busy-${i}`, addCard(`busy-${i}`)));
    // Join while the writes are in flight: the snapshot and the live stream must meet exactly.
    const late = await participant(workshop, "late");
    await Promise.all(sending);
    const head = (await fetchWorkshop(live.server.baseUrl, workshop)).seq;
    await late.waitForSeq(head);
    expect(late.gaps).toEqual([]);
    expect(late.repeatedSeqs).toEqual([]);
    expect(late.receivedSeqs).toEqual(range(late.welcome?.seq ?? 0, head));
    await facilitator.waitForSeq(head);
    expect(late.state).toEqual(late.viewOf(facilitator.state));
  });
});
