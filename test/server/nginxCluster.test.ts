import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Command, WorkshopState } from "../../src/core/index.js";
import { type Cluster, startCluster } from "../support/cluster.js";
import { startNginx, type TestNginx } from "../support/nginx.js";
import { ReconnectingClient } from "../support/reconnectingClient.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  fetchWorkshop,
  requestJson,
  type ServerProcess,
} from "../support/server.js";
import { servicesAvailable } from "../support/services.js";
import { connectClient, type TestClient } from "../support/wsClient.js";

// deploy/nginx.conf (ports and paths moved) in front of three `concord serve` processes on a test
// database and a redis-server of this file's own, which it kills and starts again.
const available = await servicesAvailable("deploy/nginx.conf in front of three processes", { postgres: true });

const addCard = (cardId: string): Command => ({ type: "addCard", cardId, text: `Card ${cardId}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hasCard = (cardId: string) => (state: WorkshopState) => state.cards.has(cardId);

/** A workshop with its facilitator and participants, all reconnecting through nginx. */
interface Room {
  workshop: CreatedWorkshop;
  facilitator: ReconnectingClient;
  participants: ReconnectingClient[];
}

describe.skipIf(!available)("deploy/nginx.conf in front of three processes", () => {
  let cluster: Cluster;
  let nginx: TestNginx;
  const clients: TestClient[] = [];
  const reconnecting: ReconnectingClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
    nginx = await startNginx(cluster.processes.map((server) => Number(new URL(server.baseUrl).port)));
  }, 180_000);
  afterEach(async () => {
    await Promise.all([
      ...clients.splice(0).map((client) => client.close()),
      ...reconnecting.splice(0).map((client) => client.stop()),
    ]);
  });
  afterAll(async () => {
    await nginx?.stop();
    await cluster?.stop();
  }, 30_000);

  /** Participants open /ws?workshop=<id> as the web app does (one process per workshop); the facilitator /ws (any). */
  async function openRoom(index: number): Promise<Room> {
    const workshop = await createWorkshop(nginx.baseUrl, cluster.session, `Room ${index}`);
    const facilitator = await new ReconnectingClient({
      wsUrl: nginx.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    }).start();
    reconnecting.push(facilitator);
    facilitator.send("phase", { type: "setPhase", phase: "brainstorm" });
    // The load writes faster than the default cards-a-minute quota allows.
    facilitator.send("quotas", { type: "updateSettings", patch: { cardsPerMinute: 1000, cardsPerParticipant: 1000 } });
    const participants = await Promise.all(
      ["ana", "ben"].map(async (name) => {
        const participant = await new ReconnectingClient({
          wsUrl: `${nginx.wsUrl}?workshop=${encodeURIComponent(workshop.id)}`,
          workshopId: workshop.id,
          role: "participant",
          participantId: `${name}-${index}`,
        }).start();
        reconnecting.push(participant);
        return participant;
      }),
    );
    await vi.waitFor(() => expect(facilitator.acked.has("phase")).toBe(true), { timeout: 10_000 });
    for (const participant of participants) participant.send("join", { type: "joinWorkshop", name: "P" });
    return { workshop, facilitator, participants };
  }

  /** Every participant sends a card every 100 ms while `during` runs, with a little traffic before and after. */
  async function underLoad(rooms: Room[], during: () => Promise<void>): Promise<void> {
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      for (const room of rooms)
        for (const [index, participant] of room.participants.entries())
          participant.send(`load-${index}-${tick}`, addCard(`c-${index}-${tick}`));
    }, 100);
    try {
      await sleep(800);
      await during();
      await sleep(1_200);
    } finally {
      clearInterval(timer);
    }
  }

  /** Everything sent is acknowledged, and every client of a room ends at the log's head with the log's state. */
  async function expectConverged(rooms: Room[]): Promise<void> {
    const everyone = rooms.flatMap((room) => [room.facilitator, ...room.participants]);
    await vi.waitFor(() => expect(everyone.map((client) => client.unacknowledged)).toEqual(everyone.map(() => 0)), {
      timeout: 30_000,
      interval: 100,
    });
    for (const room of rooms) {
      const log = await requestJson<{ events: { seq: number }[] }>(
        nginx.baseUrl,
        "GET",
        `/api/workshops/${room.workshop.id}/events`,
        undefined,
        room.workshop,
      );
      const head = log.body.events.length;
      expect(log.body.events.at(-1)?.seq).toBe(head);
      const members = [room.facilitator, ...room.participants];
      await vi.waitFor(() => expect(members.map((client) => client.current?.seq)).toEqual(members.map(() => head)), {
        timeout: 10_000,
      });
      // The facilitator holds the whole state; each phone its view of it (others' authorship hidden).
      const state = room.facilitator.current?.state;
      if (!state) throw new Error("the facilitator holds no state");
      for (const client of members) {
        expect(client.problems).toEqual([]);
        expect(client.refused).toEqual(new Map());
        expect(client.current?.state).toEqual(client.viewOf(state));
      }
      // No acknowledged command lost: each acked card is on the board, at or before its ack's seq.
      for (const [index, participant] of room.participants.entries()) {
        for (const [id, seq] of participant.acked) {
          if (!id.startsWith("load-")) continue;
          expect(seq).toBeLessThanOrEqual(head);
          expect(state && hasCard(`c-${id.slice("load-".length)}`)(state)).toBe(true);
          expect(id.startsWith(`load-${index}-`)).toBe(true);
        }
      }
    }
  }

  /** The number of open WebSocket connections each process reports (asked directly, as Prometheus would). */
  async function connectionsPerProcess(servers = cluster.processes): Promise<number[]> {
    return Promise.all(
      servers.map(async (server) => {
        const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
        return text
          .split("\n")
          .filter((line) => line.startsWith("concord_connections{"))
          .reduce((sum, line) => sum + Number(line.split(" ")[1]), 0);
      }),
    );
  }

  it("brings every process and client a card committed in a quiet workshop while Redis was down, within 5 s of its return", async () => {
    const [one, two, three] = cluster.processes as [ServerProcess, ServerProcess, ServerProcess];
    const workshop = await createWorkshop(one.baseUrl, cluster.session);
    const direct = async (server: ServerProcess, options: { role: "facilitator" } | { participantId: string }) => {
      const client = await connectClient({
        wsUrl: server.wsUrl,
        workshopId: workshop.id,
        ...("role" in options
          ? { role: "facilitator", facilitatorKey: workshop.facilitatorKey }
          : { role: "participant", participantId: options.participantId }),
      });
      clients.push(client);
      if (!("role" in options))
        await client.expectAck(`join-${options.participantId}`, { type: "joinWorkshop", name: options.participantId });
      return client;
    };
    // Participants on each process, straight to it: the bus is what connects them.
    const facilitator = await direct(one, { role: "facilitator" });
    await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    const participants = [
      await direct(one, { participantId: "ana" }),
      await direct(two, { participantId: "ben" }),
      await direct(three, { participantId: "cleo" }),
    ];
    const [ana] = participants as [TestClient];
    const before = (await fetchWorkshop(one.baseUrl, workshop)).seq;
    await Promise.all(participants.map((client) => client.waitForSeq(before)));

    await cluster.redis.kill();
    // A load balancer asking /readyz hears that Redis is missing.
    await expect.poll(async () => (await fetch(`${two.baseUrl}/readyz`)).status, { timeout: 5_000 }).toBe(503);
    // PostgreSQL still works: the card is committed and acknowledged; its publish cannot arrive.
    const ack = await ana.expectAck("quiet-card", addCard("quiet"));
    await cluster.redis.start();
    const back = Date.now();

    // Nothing else is sent: each process must find the card in the log by itself.
    const quiet = hasCard("quiet");
    await Promise.all([
      ...[facilitator, ...participants].map((client) => client.waitFor(quiet, 5_000)),
      ...cluster.processes.map((server) =>
        expect
          .poll(async () => quiet((await fetchWorkshop(server.baseUrl, workshop)).state), {
            timeout: 5_000,
            interval: 50,
          })
          .toBe(true),
      ),
    ]);
    expect(Date.now() - back).toBeLessThan(5_000);
    for (const client of [facilitator, ...participants]) {
      expect(client.seq).toBe(ack.seq);
      expect(client.gaps).toEqual([]);
      expect(client.repeatedSeqs).toEqual([]);
    }
    // A newcomer on the third process starts from a snapshot that holds it.
    const newcomer = await direct(three, { participantId: "dev" });
    expect(quiet(newcomer.state)).toBe(true);
    // The batches the bus did carry were timed (a direct request from this machine may read /metrics).
    expect(await (await fetch(`${two.baseUrl}/metrics`)).text()).toMatch(/^concord_bus_lag_seconds_count [1-9]/m);
  }, 60_000);

  it("loses no event for any client when Redis restarts under load", async () => {
    const rooms = await Promise.all([0, 1, 2, 3].map((index) => openRoom(index)));
    await underLoad(rooms, async () => {
      await cluster.redis.kill();
      await sleep(700);
      await cluster.redis.start();
    });
    await expectConverged(rooms);
  }, 90_000);

  it("moves the clients of a process killed under load to the others through nginx, losing no acknowledged command", async () => {
    const rooms = await Promise.all([0, 1, 2, 3, 4, 5].map((index) => openRoom(index)));
    const everyone = rooms.flatMap((room) => [room.facilitator, ...room.participants]);
    const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
    let spread: number[] = [];
    await vi.waitFor(async () => {
      spread = await connectionsPerProcess();
      expect(total(spread)).toBe(everyone.length);
    });
    // Clients spread over the processes (a workshop's participants share one).
    expect(spread.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    const victim = spread.indexOf(Math.max(...spread));
    const connectionsBefore = everyone.map((client) => client.connections);
    await underLoad(rooms, () => (cluster.processes[victim] as ServerProcess).kill());
    await expectConverged(rooms);
    // The victim's clients came back through nginx (and only those had to).
    const moved = everyone.filter((client, index) => client.connections > (connectionsBefore[index] ?? 0));
    expect(moved.length).toBe(spread[victim]);
    const survivors = cluster.processes.filter((_, index) => index !== victim);
    await vi.waitFor(async () => expect(total(await connectionsPerProcess(survivors))).toBe(everyone.length));
  }, 120_000);
});
