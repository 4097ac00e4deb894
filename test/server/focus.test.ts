import { describe, expect, it } from "vitest";
import { CLOSE_CODES, type PeerFocusMessage, type ServerMessage } from "../../src/core/index.js";
import { publicParticipantId } from "../../src/server/ws/participantIdentity.js";
import { withLiveServer } from "../support/liveServer.js";
import { createWorkshop, fetchWorkshop } from "../support/server.js";
import { openClient, type TestClient } from "../support/wsClient.js";

/**
 * Co-writers' carets over real WebSockets: `focus` goes to the workshop's other connections as
 * `peerFocus`, with the writer's name, throttled, cleared when the writer leaves, never logged.
 */

const live = withLiveServer();

const { connect } = live;

const isPeerFocus = (message: ServerMessage): message is PeerFocusMessage => message.type === "peerFocus";
const peerFocusOf = (client: TestClient) => client.messages.filter(isPeerFocus);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A workshop in the resolve phase with one column, its facilitator, a co-facilitator and Ada. */
async function room() {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Co-writing");
  const facilitator = await connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("cluster", { type: "setPhase", phase: "cluster" });
  await facilitator.expectAck("theme", { type: "createTheme", themeId: "t1" });
  await facilitator.expectAck("resolve", { type: "setPhase", phase: "resolve" });
  const cofacilitator = await connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  const ada = await connect({ workshopId: workshop.id, role: "participant", participantId: "p-ada" });
  await ada.expectAck("join", { type: "joinWorkshop", name: "Ada" });
  return { workshop, facilitator, cofacilitator, ada };
}

describe("focus and peerFocus", () => {
  it("relays a writer's caret to everyone else in the workshop, with the writer's name, and logs nothing", async () => {
    const { workshop, facilitator, cofacilitator, ada } = await room();
    const before = await fetchWorkshop(live.server.baseUrl, workshop);
    ada.sendRaw({ type: "focus", themeId: "t1", field: "narrative", cursor: 12 });
    const expected = {
      type: "peerFocus",
      actorId: publicParticipantId("p-ada"),
      name: "Ada",
      role: "participant",
      themeId: "t1",
      field: "narrative",
      cursor: 12,
    };
    expect(await facilitator.waitForMessage(isPeerFocus)).toStrictEqual(expected);
    expect(await cofacilitator.waitForMessage(isPeerFocus)).toStrictEqual(expected);
    await sleep(200);
    expect(peerFocusOf(ada)).toEqual([]);
    expect((await fetchWorkshop(live.server.baseUrl, workshop)).seq).toBe(before.seq);
  });

  it("sends at most one caret per 100 ms per writer, and always the newest in the end", async () => {
    const { facilitator, cofacilitator } = await room();
    for (let cursor = 0; cursor <= 40; cursor++) {
      facilitator.sendRaw({ type: "focus", themeId: "t1", field: "headline", cursor });
    }
    await cofacilitator.waitForMessage((message) => isPeerFocus(message) && message.cursor === 40, 2_000);
    const received = peerFocusOf(cofacilitator);
    // The first goes at once, the newest after the interval; the 39 between are dropped.
    expect(received.map((message) => message.cursor)).toEqual([0, 40]);
  });

  it("clears a writer's caret for the others when the writer's connection closes", async () => {
    const { facilitator, ada } = await room();
    ada.sendRaw({ type: "focus", themeId: "t1", field: "headline", cursor: 3 });
    await facilitator.waitForMessage((message) => isPeerFocus(message) && message.field === "headline");
    await ada.close();
    const cleared = await facilitator.waitForMessage((message) => isPeerFocus(message) && message.field === null);
    expect(cleared).toMatchObject({ actorId: publicParticipantId("p-ada"), themeId: "t1", field: null });
  });

  it("refuses focus before hello, and a malformed focus with bad_message", async () => {
    const { workshop, facilitator } = await room();
    const early = await openClient({
      wsUrl: live.server.wsUrl,
      workshopId: workshop.id,
      role: "participant",
      hello: false,
    });
    live.track(early);
    early.sendRaw({ type: "focus", themeId: "t1", field: "headline", cursor: 0 });
    expect((await early.closedWithin()).code).toBe(CLOSE_CODES.badMessage);
    facilitator.sendRaw({ type: "focus", themeId: "t1", field: "title", cursor: -1 });
    const error = await facilitator.waitForMessage((message) => message.type === "error");
    expect(error).toMatchObject({ type: "error", code: "bad_message" });
  });
});
