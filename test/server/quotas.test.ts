import { describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../src/core/index.js";
import { withLiveServer } from "../support/liveServer.js";
import { createWorkshop } from "../support/server.js";

/**
 * Participant quotas over real WebSockets (issue 18: one device with the join code added 5,040
 * cards in 25 s, and cast 120 dots under made-up ids without ever joining).
 */

const live = withLiveServer();

/** A workshop in `phase`, its facilitator connected, with the quotas set as given. */
async function room(phase: "brainstorm" | "prioritize", quotas: Record<string, number> = {}) {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Quotas");
  const facilitator = await live.connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  if (Object.keys(quotas).length > 0) await facilitator.expectAck("quotas", { type: "updateSettings", patch: quotas });
  if (phase === "prioritize") {
    await facilitator.expectAck("cluster", { type: "setPhase", phase: "cluster" });
    await facilitator.expectAck("t1", { type: "createTheme", themeId: "parks", name: "Fix the parks" });
    await facilitator.expectAck("open-phase", { type: "setPhase", phase });
    await facilitator.expectAck("open", { type: "openVoting" });
  } else await facilitator.expectAck("phase", { type: "setPhase", phase });
  return { workshop, facilitator };
}

describe("cards a minute", () => {
  it("the 6th card within a minute from one phone, at a limit of 5, is refused with a clear message", async () => {
    const { workshop } = await room("brainstorm", { cardsPerMinute: 5 });
    const phone = await live.connect({ workshopId: workshop.id, role: "participant", participantId: "device-ana" });
    await phone.expectAck("join", { type: "joinWorkshop", name: "Ana" });
    for (let n = 1; n <= 5; n++)
      await phone.expectAck(`c${n}`, { type: "addCard", cardId: `c${n}`, text: `Idea ${n}` });
    const sixth = await phone.send("c6", { type: "addCard", cardId: "c6", text: "Idea 6" });
    expect(sixth).toMatchObject({
      type: "error",
      code: "invalid",
      reason: "cardsPerMinute",
      params: { max: 5 },
      message: "At most 5 cards a minute; wait a moment",
    });
    // Another phone in the same room is not held back by Ana's minute.
    const ben = await live.connect({ workshopId: workshop.id, role: "participant", participantId: "device-ben" });
    await ben.expectAck("b1", { type: "addCard", cardId: "b1", text: "Mine" });
  });
});

describe("dots", () => {
  it("a made-up participant id cannot cast dots; the same phone once joined can", async () => {
    const { workshop } = await room("prioritize");
    const stranger = await live.connect({ workshopId: workshop.id, role: "participant", participantId: "made-up-1" });
    const answer = await stranger.send("v1", { type: "castVote", themeId: "parks", count: 3 });
    expect(answer).toMatchObject({ type: "error", code: "forbidden", reason: "notJoined" });
    await stranger.expectAck("join", { type: "joinWorkshop", name: "Now joined" });
    await stranger.expectAck("v2", { type: "castVote", themeId: "parks", count: 3 });
  });
});

describe("new participants per address and minute", () => {
  it("past the limit a new id is turned away at hello; known people and the facilitator still get in", async () => {
    const { workshop } = await room("brainstorm", { newParticipantsPerMinute: 3 });
    const phones = [];
    for (const id of ["n1", "n2", "n3"]) {
      const phone = await live.connect({ workshopId: workshop.id, role: "participant", participantId: id });
      phones.push(phone);
    }
    await phones[0]?.expectAck("join", { type: "joinWorkshop", name: "First" });
    const fourth = await live.open({ workshopId: workshop.id, role: "participant", participantId: "n4" });
    expect(await fourth.closedWithin()).toMatchObject({ code: CLOSE_CODES.tooManyNewcomers });
    expect(fourth.welcome).toBeUndefined();
    // A phone that said hello this minute reconnects; so does one that joined.
    await live.connect({ workshopId: workshop.id, role: "participant", participantId: "n2" });
    await live.connect({ workshopId: workshop.id, role: "participant", participantId: "n1" });
    await live.connect({ workshopId: workshop.id, role: "facilitator", facilitatorKey: workshop.facilitatorKey });
  });
});
