import { describe, expect, it } from "vitest";
import type { EventEnvelope, PresenceMessage, ServerMessage } from "../../src/core/index.js";
import { publicParticipantId } from "../../src/server/ws/participantIdentity.js";
import { withLiveServer } from "../support/liveServer.js";
import { type CreatedWorkshop, createWorkshop, requestJson } from "../support/server.js";
import type { TestClient } from "../support/wsClient.js";

/**
 * Presence over real WebSockets: who is connected, counted per table, names for the facilitator
 * only, never written to the log, and batched so that a join storm costs each client a handful
 * of messages rather than one per joiner.
 */

const live = withLiveServer();

const { connect } = live;

const isPresence = (message: ServerMessage): message is PresenceMessage => message.type === "presence";

/** Presence messages a client received at or after message index `from`. */
const presencesOf = (client: TestClient, from = 0) => client.messages.slice(from).filter(isPresence);

/**
 * The first presence message at or after index `from` that matches. Presence is gathered for a
 * second before it goes out, so this waits longer than the default.
 */
function waitForPresence(
  client: TestClient,
  predicate: (message: PresenceMessage) => boolean,
  from = 0,
): Promise<PresenceMessage> {
  return client.waitForMessage(
    (message): message is PresenceMessage =>
      isPresence(message) && client.messages.indexOf(message) >= from && predicate(message),
    10_000,
  );
}

const byName = <T extends { name: string }>(people: T[] | undefined) =>
  [...(people ?? [])].sort((a, b) => a.name.localeCompare(b.name));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A workshop with tables t1 and t2, tables switched on, and its facilitator connected. */
async function workshopWithTables(): Promise<{ workshop: CreatedWorkshop; facilitator: TestClient }> {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Tables");
  const facilitator = await connect({
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  await facilitator.expectAck("table-1", { type: "addTable", tableId: "t1", name: "Window" });
  await facilitator.expectAck("table-2", { type: "addTable", tableId: "t2", name: "Door" });
  await facilitator.expectAck("tables-on", { type: "updateSettings", patch: { useTables: true } });
  return { workshop, facilitator };
}

/** Connects a participant and has them join with a name (and a table). */
async function joinAs(workshop: CreatedWorkshop, participantId: string, name: string, tableId?: string) {
  const client = await connect({ workshopId: workshop.id, role: "participant", participantId });
  await client.expectAck(`join-${participantId}`, {
    type: "joinWorkshop",
    name,
    ...(tableId ? { tableId } : {}),
  });
  return client;
}

async function eventLog(workshop: CreatedWorkshop): Promise<EventEnvelope[]> {
  const response = await requestJson<{ events: EventEnvelope[] }>(
    live.server.baseUrl,
    "GET",
    `/api/workshops/${workshop.id}/events?since=0&limit=5000`,
    undefined,
    workshop,
  );
  expect(response.status).toBe(200);
  return response.body.events;
}

describe("presence", () => {
  it("counts connected participants per table; names go to the facilitator only; a disconnect lowers the count; nothing is logged", async () => {
    const { workshop, facilitator } = await workshopWithTables();
    const ada = await joinAs(workshop, "p-ada", "Ada", "t1");
    const bo = await joinAs(workshop, "p-bo", "Bo", "t1");
    const cy = await joinAs(workshop, "p-cy", "Cy", "t2");

    const everyone = (message: PresenceMessage) =>
      message.connected === 3 && message.byTable.t1 === 2 && message.byTable.t2 === 1;
    const seen = await waitForPresence(facilitator, everyone);
    expect(seen.byTable).toStrictEqual({ t1: 2, t2: 1 });
    expect(byName(seen.people)).toStrictEqual([
      { id: publicParticipantId("p-ada"), name: "Ada", tableId: "t1" },
      { id: publicParticipantId("p-bo"), name: "Bo", tableId: "t1" },
      { id: publicParticipantId("p-cy"), name: "Cy", tableId: "t2" },
    ]);

    for (const participant of [ada, bo, cy]) {
      const counts = await waitForPresence(participant, everyone);
      expect(counts).toStrictEqual({ type: "presence", connected: 3, byTable: { t1: 2, t2: 1 } });
    }
    // Not one presence message a participant received carries names.
    for (const participant of [ada, bo, cy]) {
      for (const message of presencesOf(participant)) expect(message).not.toHaveProperty("people");
    }

    // Bo leaves: the count drops, for the facilitator and for those still here.
    const facilitatorFrom = facilitator.messages.length;
    const adaFrom = ada.messages.length;
    await bo.close();
    const afterLeave = await waitForPresence(facilitator, (message) => message.connected === 2, facilitatorFrom);
    expect(afterLeave.byTable).toStrictEqual({ t1: 1, t2: 1 });
    expect(byName(afterLeave.people).map((person) => person.name)).toEqual(["Ada", "Cy"]);
    expect(await waitForPresence(ada, (message) => message.connected === 2, adaFrom)).toStrictEqual({
      type: "presence",
      connected: 2,
      byTable: { t1: 1, t2: 1 },
    });

    // The log holds what people did, not who was connected.
    const log = await eventLog(workshop);
    expect(log.map((envelope) => envelope.event.type)).toEqual([
      "workshopCreated",
      "tableAdded",
      "tableAdded",
      "settingsUpdated",
      "participantJoined",
      "participantJoined",
      "participantJoined",
    ]);
    expect(JSON.stringify(log)).not.toMatch(/presence|connected|disconnect/i);
    expect(log.at(-1)?.seq).toBe(facilitator.seq);
    // Nor did any presence message travel as an event.
    for (const client of [facilitator, ada, cy]) {
      const eventTypes = client.messages.flatMap((message) =>
        message.type === "events" ? message.events.map((envelope) => envelope.event.type as string) : [],
      );
      expect(eventTypes.filter((type) => /presence|connect/i.test(type))).toEqual([]);
    }
  });

  it("does not count the facilitator, counts a participant without a table under '', and a person with two tabs once", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Counting");
    const facilitator = await connect({
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    expect(await waitForPresence(facilitator, () => true)).toMatchObject({ connected: 0, byTable: {}, people: [] });

    const from = facilitator.messages.length;
    const phone = await joinAs(workshop, "p-dee", "Dee");
    const laptop = await connect({ workshopId: workshop.id, role: "participant", participantId: "p-dee" });
    const seen = await waitForPresence(
      facilitator,
      (message) => message.people?.some((person) => person.name === "Dee") === true,
      from,
    );
    expect(seen).toStrictEqual({
      type: "presence",
      connected: 1,
      byTable: { "": 1 },
      people: [{ id: publicParticipantId("p-dee"), name: "Dee" }],
    });

    // Closing one tab leaves the person connected.
    const stillFrom = facilitator.messages.length;
    await laptop.close();
    expect(await waitForPresence(facilitator, () => true, stillFrom)).toMatchObject({ connected: 1 });
    await phone.close();
    expect(await waitForPresence(facilitator, (message) => message.connected === 0, stillFrom)).toMatchObject({
      connected: 0,
      byTable: {},
      people: [],
    });
  });

  it("a storm of 30 joining participants costs each client a few presence messages, not one per joiner", async () => {
    const STORM = 30;
    const MAX_PER_CLIENT = 5;
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Storm");
    const facilitator = await connect({
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    // Let the facilitator's own arrival be announced before the storm starts.
    await waitForPresence(facilitator, () => true);
    const from = facilitator.messages.length;

    const storm = await Promise.all(
      Array.from({ length: STORM }, (_, index) => joinAs(workshop, `storm-${index}`, `Person ${index}`)),
    );
    const final = await waitForPresence(
      facilitator,
      (message) => message.connected === STORM && message.people?.every((person) => person.name !== "") === true,
      from,
    );
    expect(final.byTable).toStrictEqual({ "": STORM });
    expect(final.people).toHaveLength(STORM);
    for (const participant of storm) {
      await waitForPresence(participant, (message) => message.connected === STORM);
    }
    // Anything still being gathered goes out within a second; let it arrive so it is counted too.
    await sleep(1_500);

    const facilitatorCount = presencesOf(facilitator, from).length;
    const participantCounts = storm.map((participant) => presencesOf(participant).length);
    expect(facilitatorCount).toBeGreaterThanOrEqual(1);
    expect(facilitatorCount).toBeLessThanOrEqual(MAX_PER_CLIENT);
    for (const count of participantCounts) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(MAX_PER_CLIENT);
    }
    for (const participant of storm) {
      for (const message of presencesOf(participant)) expect(message).not.toHaveProperty("people");
    }

    // Thirty joins are thirty events; the connections themselves left no trace in the log.
    const log = await eventLog(workshop);
    expect(log.map((envelope) => envelope.event.type)).toEqual([
      "workshopCreated",
      ...Array(STORM).fill("participantJoined"),
    ]);
  });
});
