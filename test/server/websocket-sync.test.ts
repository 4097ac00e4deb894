import { describe, expect, it } from "vitest";
import { type Command, revivedState, type ServerMessage } from "../../src/core/index.js";
import { publicParticipantId } from "../../src/server/ws/participantIdentity.js";
import { withLiveServer } from "../support/liveServer.js";
import { type CreatedWorkshop, createWorkshop, fetchWorkshop } from "../support/server.js";
import type { TestClient } from "../support/wsClient.js";

/**
 * `sync` answered with a snapshot (a client ahead of the server) must not stall the connection:
 * live events keep flowing afterwards. (A regression: the snapshot path used to leave the
 * connection holding live events back for a catch-up that never finished.)
 */

const live = withLiveServer();

const { connect } = live;

async function brainstormingWorkshop(): Promise<{ workshop: CreatedWorkshop; facilitator: TestClient }> {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Sync");
  const facilitator = await connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("phase-brainstorm", { type: "setPhase", phase: "brainstorm" });
  return { workshop, facilitator };
}

const addCard = (cardId: string): Command => ({ type: "addCard", cardId, text: `Card ${cardId}` });

/** Messages that carry workshop state (presence comes and goes on its own schedule). */
const stateMessages = (client: TestClient, from = 0) =>
  client.messages
    .slice(from)
    .filter((message) => message.type === "snapshot" || message.type === "events" || message.type === "welcome");

type SnapshotMessage = Extract<ServerMessage, { type: "snapshot" }>;

describe("sync with `since` ahead of the server", () => {
  it("answers with a snapshot of the current head, and live events keep arriving afterwards", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    await facilitator.expectAck("before", addCard("before"));
    const client = await connect({ workshopId: workshop.id, role: "participant", participantId: "ahead" });
    const head = client.seq;
    expect(head).toBe(facilitator.seq);

    const from = client.messages.length;
    client.sendRaw({ type: "sync", since: head + 50 });
    const snapshot = await client.waitForMessage(
      (message): message is SnapshotMessage => message.type === "snapshot" && client.messages.indexOf(message) >= from,
    );
    expect(snapshot.seq).toBe(head);
    expect(revivedState(snapshot.state)).toEqual(client.viewOf(facilitator.state));
    expect(stateMessages(client, from).map((message) => message.type)).toEqual(["snapshot"]);

    // The bug: after this snapshot the connection kept every live event pending forever.
    const first = await facilitator.expectAck("after-1", addCard("after-1"));
    await client.waitForSeq(first.seq);
    const second = await facilitator.expectAck("after-2", addCard("after-2"));
    await client.waitForSeq(second.seq);
    expect(client.receivedSeqs.filter((seq) => seq > head)).toEqual([first.seq, second.seq]);
    expect(client.gaps).toEqual([]);
    expect(client.repeatedSeqs).toEqual([]);
    expect(client.state).toEqual(facilitator.state);
    expect(client.state).toEqual((await fetchWorkshop(live.server.baseUrl, workshop)).state);

    // The client's own commands are acknowledged and echoed as usual.
    const own = await client.expectAck("own", addCard("own"));
    await client.waitForSeq(own.seq);
    await facilitator.waitForSeq(own.seq);
    expect(client.state.cards.get("own")).toMatchObject({ id: "own", authorId: publicParticipantId("ahead") });
  });

  it("keeps working when it happens twice in a row, and a normal sync still replays afterwards", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    const client = await connect({ workshopId: workshop.id, role: "participant", participantId: "twice" });
    const head = client.seq;

    for (const ahead of [head + 1, head + 1000]) {
      const from = client.messages.length;
      client.sendRaw({ type: "sync", since: ahead });
      await client.waitForMessage((message) => message.type === "snapshot" && client.messages.indexOf(message) >= from);
    }
    const live = await facilitator.expectAck("live", addCard("live"));
    await client.waitForSeq(live.seq);

    // An ordinary sync from an earlier seq replays just the events after it.
    const from = client.messages.length;
    client.sendRaw({ type: "sync", since: live.seq - 1 });
    await client.waitForMessage((message) => message.type === "events" && client.messages.indexOf(message) >= from);
    expect(stateMessages(client, from)).toEqual([
      { type: "events", events: [expect.objectContaining({ seq: live.seq, commandId: "live" })] },
    ]);
    const next = await facilitator.expectAck("next", addCard("next"));
    await client.waitForSeq(next.seq);
    expect(client.gaps).toEqual([]);
    expect(client.state).toEqual(facilitator.state);
  });

  it("does not lose events committed by others while the snapshot is being prepared", async () => {
    const { workshop, facilitator } = await brainstormingWorkshop();
    const writer = await connect({ workshopId: workshop.id, role: "participant", participantId: "writer" });
    const client = await connect({ workshopId: workshop.id, role: "participant", participantId: "reader" });

    // Writes race with the sync; whichever side of the snapshot they land on, the reader ends up with them.
    const writes = ["race-1", "race-2", "race-3", "race-4", "race-5"].map((id) => writer.expectAck(id, addCard(id)));
    client.sendRaw({ type: "sync", since: client.seq + 10 });
    const acks = await Promise.all(writes);
    const last = Math.max(...acks.map((ack) => ack.seq));
    await client.waitForSeq(last);
    await facilitator.waitForSeq(last);
    expect(client.gaps).toEqual([]);
    expect(client.state).toEqual(client.viewOf(facilitator.state));
    expect([...client.state.cards.keys()].sort()).toEqual(["race-1", "race-2", "race-3", "race-4", "race-5"]);

    // And the stream carries on after the race.
    const after = await writer.expectAck("after-race", addCard("after-race"));
    await client.waitForSeq(after.seq);
    expect(client.gaps).toEqual([]);
    expect(client.state.cards.get("after-race")).toMatchObject({ id: "after-race" });
    await facilitator.waitForSeq(after.seq);
    expect(facilitator.state.cards.get("after-race")).toMatchObject({ authorId: publicParticipantId("writer") });
  });
});
