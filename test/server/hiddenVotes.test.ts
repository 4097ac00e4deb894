import { describe, expect, it } from "vitest";
import type { Vote } from "../../src/core/index.js";
import { withLiveServer } from "../support/liveServer.js";
import { type CreatedWorkshop, createWorkshop, fetchWorkshop, requestJson } from "../support/server.js";
import type { TestClient } from "../support/wsClient.js";

/**
 * "Results stay hidden from everyone until you reveal them", over real WebSockets: until the
 * facilitator reveals the results, a participant's phone is sent its own dots and no one else's —
 * not in events, not in a snapshot, not in a catch-up — and gets all of them when they are revealed.
 */

const live = withLiveServer();

/** A workshop at the vote with two columns, voting open, and Ana and Ben joined on their phones. */
async function votingRoom() {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Budget priorities");
  const facilitator = await live.connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("cluster", { type: "setPhase", phase: "cluster" });
  await facilitator.expectAck("t1", { type: "createTheme", themeId: "parks", name: "Fix the parks" });
  await facilitator.expectAck("t2", { type: "createTheme", themeId: "buses", name: "Run later buses" });
  await facilitator.expectAck("phase", { type: "setPhase", phase: "prioritize" });
  await facilitator.expectAck("open", { type: "openVoting" });
  const phone = async (participantId: string, name: string) => {
    const client = await live.connect({ workshopId: workshop.id, role: "participant", participantId });
    await client.expectAck(`join-${name}`, { type: "joinWorkshop", name });
    return client;
  };
  const ana = await phone("device-ana", "Ana");
  const ben = await phone("device-ben", "Ben");
  return { workshop, facilitator, ana, ben };
}

const dots = (votes: readonly Vote[]) =>
  votes.map(({ voterId, themeId, count }) => `${voterId}:${themeId}:${count}`).sort();

/** Waits until every client holds the log's head. */
async function settle(head: number, ...clients: TestClient[]) {
  await Promise.all(clients.map((client) => client.waitForSeq(head)));
}

describe("votes before the reveal", () => {
  it("each phone holds its own dots only; the facilitator all; the reveal brings everyone's", async () => {
    const { workshop, facilitator, ana, ben } = await votingRoom();
    await ana.expectAck("a1", { type: "castVote", themeId: "parks", count: 2 });
    await ben.expectAck("b1", { type: "castVote", themeId: "buses", count: 1 });
    const voted = await ben.expectAck("b2", { type: "castVote", themeId: "parks", count: 1 });
    await settle(voted.seq, facilitator, ana, ben);

    const all = dots((await fetchWorkshop(live.server.baseUrl, workshop)).state.votes);
    expect(all).toHaveLength(3);
    expect(dots(facilitator.state.votes)).toEqual(all);
    expect(dots(ana.state.votes)).toEqual([`${ana.actorId}:parks:2`]);
    expect(dots(ben.state.votes)).toEqual([`${ben.actorId}:buses:1`, `${ben.actorId}:parks:1`].sort());
    // Nothing of the others' dots crossed the wire: their events arrived sealed, sequence intact.
    const anaSaw = JSON.stringify(ana.messages);
    expect(anaSaw).not.toContain(`"voterId":"${ben.actorId}"`);
    expect(anaSaw).toContain('"type":"sealed"');
    expect(ana.gaps).toEqual([]);

    // A phone that joins now, and one that resumes, learn nothing of the others' dots either.
    const late = await live.connect({ workshopId: workshop.id, role: "participant", participantId: "device-cy" });
    expect(late.state.votes).toEqual([]);
    const resumed = await live.connect({
      workshopId: workshop.id,
      role: "participant",
      participantId: "device-ana",
      resumeFrom: { seq: voted.seq - 3, state: ana.state },
    });
    await resumed.waitForSeq(voted.seq);
    expect(dots(resumed.state.votes)).toEqual([`${ana.actorId}:parks:2`]);
    expect(JSON.stringify(resumed.messages)).not.toContain(`"voterId":"${ben.actorId}"`);

    const revealed = await facilitator.expectAck("reveal", { type: "revealResults", revealed: true });
    await settle(revealed.seq, ana, ben, late, resumed);
    for (const phone of [ana, ben, late, resumed]) {
      await expect.poll(() => dots(phone.state.votes)).toEqual(all);
    }

    // Revealed, a new dot reaches every phone as it is cast.
    const more = await ana.expectAck("a2", { type: "castVote", themeId: "buses", count: 1 });
    await settle(more.seq, ben);
    expect(dots(ben.state.votes)).toContain(`${ana.actorId}:buses:1`);
  });

  it("a deleted column's dots, kept for undo, are not shown to the others either", async () => {
    const { facilitator, ana, ben } = await votingRoom();
    await ana.expectAck("a1", { type: "castVote", themeId: "buses", count: 1 });
    // Back to clustering, where columns may be deleted: the column goes with its dots.
    await facilitator.expectAck("back", { type: "setPhase", phase: "cluster" });
    const deleted = await facilitator.expectAck("del", { type: "deleteTheme", themeId: "buses" });
    await settle(deleted.seq, ana, ben);
    const anasDot = `"voterId":"${ana.actorId}"`;
    expect(JSON.stringify(ben.messages)).not.toContain(anasDot);
    const late = await live.connect({ workshopId: ben.welcome?.workshopId ?? "", role: "participant" });
    expect(JSON.stringify(late.messages)).not.toContain(anasDot);
    expect(JSON.stringify(facilitator.state.undoStack)).toContain(anasDot);
  });

  it("a copy of a workshop mid-vote carries its dots in its first event: a phone reading from 0 gets its own only", async () => {
    const { workshop, ana, ben } = await votingRoom();
    await ana.expectAck("a1", { type: "castVote", themeId: "parks", count: 2 });
    await ben.expectAck("b1", { type: "castVote", themeId: "buses", count: 1 });
    const copy = await requestJson<CreatedWorkshop>(
      live.server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/duplicate`,
      {},
      live.server.session,
    );
    expect(copy.status).toBe(201);
    const fromZero = await live.connect({
      workshopId: copy.body.id,
      role: "participant",
      participantId: "device-ana",
      resumeFrom: { seq: 0, state: ana.state },
    });
    const phone = await live.connect({ workshopId: copy.body.id, role: "participant", participantId: "device-x" });
    phone.sendRaw({ type: "sync", since: 0 });
    await phone.waitForMessage((message) => message.type === "events" || message.type === "snapshot");
    const bensDot = `"voterId":"${ben.actorId}"`;
    expect(JSON.stringify(fromZero.messages)).not.toContain(bensDot);
    expect(JSON.stringify(phone.messages)).not.toContain(bensDot);
    expect(dots(fromZero.state.votes)).toEqual([`${ana.actorId}:parks:2`]);
  });

  it("a reveal reaches a phone only with everyone's dots, and a hide takes the others' back", async () => {
    const { workshop, facilitator, ana, ben } = await votingRoom();
    await ana.expectAck("a1", { type: "castVote", themeId: "parks", count: 2 });
    const voted = await ben.expectAck("b1", { type: "castVote", themeId: "buses", count: 1 });
    await settle(voted.seq, ana);
    const revealed = await facilitator.expectAck("reveal", { type: "revealResults", revealed: true });
    await settle(revealed.seq, ana);
    // Never "revealed" with only its own dots: had the connection dropped after the reveal's
    // frame, the phone would have shown a wrong chart until reloaded.
    const revealFrames = ana.messages.filter(
      (message) =>
        message.type === "events" && message.events.some((envelope) => envelope.event.type === "resultsRevealed"),
    );
    expect(revealFrames).toEqual([]);
    const all = dots((await fetchWorkshop(live.server.baseUrl, workshop)).state.votes);
    expect(dots(ana.state.votes)).toEqual(all);

    const hidden = await facilitator.expectAck("hide", { type: "revealResults", revealed: false });
    const changed = await ben.expectAck("b2", { type: "castVote", themeId: "parks", count: 2 });
    await settle(Math.max(hidden.seq, changed.seq), ana);
    expect(dots(ana.state.votes)).toEqual([`${ana.actorId}:parks:2`]);
    expect(JSON.stringify(ana.messages.slice(-2))).not.toContain(`"voterId":"${ben.actorId}"`);
  });

  it("a sealed event says neither who acted nor their command", async () => {
    const { ana, ben } = await votingRoom();
    const cast = await ben.expectAck("b1", { type: "castVote", themeId: "buses", count: 1 });
    await settle(cast.seq, ana);
    const sealed = ana.messages
      .flatMap((message) => (message.type === "events" ? message.events : []))
      .filter((envelope) => envelope.event.type === "sealed");
    expect(sealed).toHaveLength(1);
    expect(sealed[0]).toMatchObject({ seq: cast.seq, actor: { id: "" }, commandId: "" });
  });
});
