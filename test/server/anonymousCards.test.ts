import { describe, expect, it } from "vitest";
import { withLiveServer } from "../support/liveServer.js";
import { createWorkshop } from "../support/server.js";
import type { TestClient } from "../support/wsClient.js";

/**
 * "Anonymous workshops stay anonymous on the wire": a phone is never sent who wrote someone
 * else's card or name proposal — not their public id, name or group — in events, snapshots or
 * catch-ups, as read from the raw frames. It keeps the authorship of its own, which it needs to
 * show "your cards". The console gets everything.
 */

const live = withLiveServer();

/** Every card and proposal object a phone was sent, found anywhere in its raw frames. */
function authoredObjects(client: TestClient): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.text === "string" && typeof record.id === "string") found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  for (const frame of client.frames) walk(JSON.parse(frame));
  return found;
}

async function anonymousRoom() {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Open Sundays?");
  const facilitator = await live.connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("anon", { type: "updateSettings", patch: { anonymousCards: true } });
  await facilitator.expectAck("groups", { type: "updateContext", patch: { participantGroups: ["Board"] } });
  await facilitator.expectAck("brainstorm", { type: "setPhase", phase: "brainstorm" });
  const phone = async (device: string) => {
    const client = await live.connect({ workshopId: workshop.id, role: "participant", participantId: device });
    await client.expectAck(`join-${device}`, { type: "joinWorkshop", name: "", group: "Board" });
    return client;
  };
  return { workshop, facilitator, ana: await phone("device-ana"), ben: await phone("device-ben") };
}

describe("card authors on the wire", () => {
  it("a phone in an anonymous workshop gets no one else's id or group on cards and proposals, and keeps its own", async () => {
    const { workshop, facilitator, ana, ben } = await anonymousRoom();
    await ana.expectAck("a1", { type: "addCard", cardId: "ana-card", text: "Open on Sundays" });
    await ana.expectAck("a2", { type: "addCard", cardId: "ana-gone", text: "Later buses" });
    await ben.expectAck("b1", { type: "addCard", cardId: "ben-card", text: "More benches" });
    // A removed card goes on the facilitator's undo stack with everything it had, its author included.
    await facilitator.expectAck("rm", { type: "removeCard", cardId: "ana-gone" });
    await facilitator.expectAck("cluster", { type: "setPhase", phase: "cluster" });
    await facilitator.expectAck("col", { type: "createTheme", themeId: "t1", name: "" });
    await facilitator.expectAck("name", { type: "setPhase", phase: "name" });
    await facilitator.expectAck("spot", { type: "spotlightTheme", themeId: "t1" });
    await ana.expectAck("p1", { type: "proposeName", proposalId: "ana-name", themeId: "t1", text: "Sundays" });
    const last = await ben.expectAck("p2", {
      type: "proposeName",
      proposalId: "ben-name",
      themeId: "t1",
      text: "Rest",
    });
    await Promise.all([facilitator, ana, ben].map((client) => client.waitForSeq(last.seq)));

    // A phone that joins now (a snapshot) and one that resumes (a catch-up) are held to the same rule.
    const late = await live.connect({ workshopId: workshop.id, role: "participant", participantId: "device-cy" });
    const resumed = await live.connect({
      workshopId: workshop.id,
      role: "participant",
      participantId: "device-ben",
      resumeFrom: { seq: 1, state: ben.state },
    });
    await resumed.waitForSeq(last.seq);

    const anaId = ana.actorId;
    const benId = ben.actorId;
    for (const [phone, ownId] of [
      [ben, benId],
      [late, late.actorId],
      [resumed, benId],
    ] as const) {
      const raw = phone.frames.join("\n");
      expect(raw).not.toContain(`"authorId":"${anaId}"`);
      for (const object of authoredObjects(phone)) {
        if (object.authorId === ownId) continue;
        expect(object).not.toHaveProperty("group");
        expect(object).not.toHaveProperty("author");
        expect(object.authorId ?? "").toBe("");
      }
    }
    // Ben still knows his own card and proposal: the phone shows them as his.
    expect(ben.state.cards["ben-card"]?.authorId).toBe(benId);
    expect(ben.state.nameProposals.find((proposal) => proposal.id === "ben-name")?.authorId).toBe(benId);
    expect(resumed.state.cards["ben-card"]?.authorId).toBe(benId);
    expect(ben.frames.join("\n")).toContain(`"authorId":"${benId}"`);
    // And so does Ana; the console knows everyone's.
    expect(ana.state.cards["ana-card"]).toMatchObject({ authorId: anaId, group: "Board" });
    expect(facilitator.state.cards["ben-card"]).toMatchObject({ authorId: benId, group: "Board" });
    expect(facilitator.frames.join("\n")).toContain(`"authorId":"${anaId}"`);
  });
});
