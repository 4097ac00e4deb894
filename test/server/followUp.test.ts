import { describe, expect, it } from "vitest";
import { withLiveServer } from "../support/liveServer.js";
import {
  type CreatedWorkshop,
  fetchWorkshop,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  signUp,
} from "../support/server.js";
import { connectClient } from "../support/wsClient.js";

/**
 * POST /api/workshops/:id/follow-up: the campaign's next workshop starts from this one's themes,
 * as cards on its pile or as its columns, and each workshop names the other.
 */

const live = withLiveServer();

const followUp = (workshop: CreatedWorkshop, body: unknown, session?: string) =>
  requestJson<CreatedWorkshop & { error?: { code: string } }>(
    live.server.baseUrl,
    "POST",
    `/api/workshops/${encodeURIComponent(workshop.id)}/follow-up`,
    body,
    session,
  );

async function earlierWorkshop() {
  const session = await signUp(live.server.baseUrl);
  const earlier = await importWorkshop(live.server.baseUrl, session, readJson(REPO_FIXTURE));
  const state = (await fetchWorkshop(live.server.baseUrl, earlier)).state;
  return { session, earlier, state };
}

describe("starting the campaign's next workshop", () => {
  it("puts each earlier theme on the pile as a card, and links the two workshops both ways", async () => {
    const { session, earlier, state } = await earlierWorkshop();
    const answer = await followUp(earlier, { title: "Theme development", start: "cards" }, session);
    expect(answer.status).toBe(201);
    const next = (await fetchWorkshop(live.server.baseUrl, answer.body)).state;

    expect(next.context.title).toBe("Theme development");
    expect(next.context.organization).toBe(state.context.organization);
    expect(next.context.language).toBe(state.context.language);
    expect(next.themes).toEqual([]);
    expect(next.unclustered.map((cardId) => next.cards.get(cardId)?.text)).toEqual(
      state.themes.map((theme) => theme.name),
    );
    expect(next.joinCode).not.toBe(state.joinCode);
    expect(next.campaign).toEqual({
      previous: { workshopId: earlier.id, title: state.context.title, start: "cards" },
      next: [],
    });
    const after = (await fetchWorkshop(live.server.baseUrl, earlier)).state;
    expect(after.campaign?.next).toEqual([{ workshopId: answer.body.id, title: "Theme development", start: "cards" }]);
    // The earlier workshop's board is as it was.
    expect(after.themes).toEqual(state.themes);
  });

  it("can start with the earlier themes as named columns, key points kept, empty of cards", async () => {
    const { session, earlier, state } = await earlierWorkshop();
    const answer = await followUp(earlier, { title: "Message testing", start: "columns" }, session);
    expect(answer.status).toBe(201);
    const next = (await fetchWorkshop(live.server.baseUrl, answer.body)).state;
    expect(next.themes.map(({ name, keyPoints, cardIds }) => ({ name, keyPoints, cardIds }))).toEqual(
      state.themes.map(({ name, keyPoints }) => ({ name, keyPoints, cardIds: [] })),
    );
    expect(next.cards.size).toBe(0);
    // A second follow-up is listed beside the first.
    await followUp(earlier, { title: "Another step", start: "cards" }, session);
    const after = (await fetchWorkshop(live.server.baseUrl, earlier)).state;
    expect(after.campaign?.next.map((link) => link.title)).toEqual(["Message testing", "Another step"]);
  });

  it("is refused to anyone but the workshop's facilitators, and to a request it cannot read", async () => {
    const { session, earlier } = await earlierWorkshop();
    const stranger = await signUp(live.server.baseUrl);
    expect((await followUp(earlier, { title: "Mine now", start: "cards" }, stranger)).status).toBe(403);
    expect((await followUp(earlier, { title: "No one", start: "cards" })).status).toBe(401);
    const bad = await followUp(earlier, { title: "", start: "sideways" }, session);
    expect(bad.status).toBe(400);
    expect((await fetchWorkshop(live.server.baseUrl, earlier)).state.campaign).toBeUndefined();
  });

  it("never tells a participant the other workshops' ids: an id lets a phone in without the join code", async () => {
    const { session, earlier } = await earlierWorkshop();
    const phone = await connectClient({ wsUrl: live.server.wsUrl, workshopId: earlier.id, role: "participant" });
    const answer = await followUp(earlier, { title: "Message testing", start: "cards" }, session);
    expect(answer.status).toBe(201);
    const later = await connectClient({ wsUrl: live.server.wsUrl, workshopId: answer.body.id, role: "participant" });
    const facilitator = await connectClient({
      wsUrl: live.server.wsUrl,
      workshopId: earlier.id,
      role: "facilitator",
      facilitatorKey: earlier.facilitatorKey,
    });
    // The facilitator's screens show the links; what a phone gets holds neither id.
    expect(JSON.stringify(facilitator.messages)).toContain(answer.body.id);
    await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    await phone.waitFor((state) => state.phase === "brainstorm");
    const reconnected = await connectClient({ wsUrl: live.server.wsUrl, workshopId: earlier.id, role: "participant" });
    expect(phone.frames.join("\n")).not.toContain(answer.body.id);
    expect(reconnected.frames.join("\n")).not.toContain(answer.body.id);
    expect(later.frames.join("\n")).not.toContain(earlier.id);
    for (const client of [phone, later, facilitator, reconnected]) await client.close();
  });
});
