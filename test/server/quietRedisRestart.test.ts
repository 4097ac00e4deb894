import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/core/index.js";
import { type Cluster, startCluster } from "../support/cluster.js";
import { type CreatedWorkshop, createWorkshop, fetchWorkshop, type ServerProcess } from "../support/server.js";
import { servicesAvailable } from "../support/services.js";
import { connectClient, type TestClient } from "../support/wsClient.js";

// Three real `concord serve` processes on a test database and a redis-server of this file's own.
const available = await servicesAvailable("A Redis restart in a quiet workshop", { postgres: true });

const addCard = (cardId: string): Command => ({ type: "addCard", cardId, text: `Card ${cardId}` });

describe.skipIf(!available)("three processes, a quiet workshop and a Redis restart", () => {
  let cluster: Cluster;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(async () => {
    await cluster?.stop();
  }, 30_000);

  async function join(server: ServerProcess, workshop: CreatedWorkshop, participantId: string) {
    const client = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: workshop.id,
      role: "participant",
      participantId,
    });
    clients.push(client);
    await client.expectAck(`join-${participantId}`, { type: "joinWorkshop", name: participantId });
    return client;
  }

  it("brings every process and client the card committed while Redis was down, once Redis is back", async () => {
    const [one, two, three] = cluster.processes as [ServerProcess, ServerProcess, ServerProcess];
    const workshop = await createWorkshop(one.baseUrl, cluster.session);
    const facilitator = await connectClient({
      wsUrl: one.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    clients.push(facilitator);
    await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    const participants = [
      await join(one, workshop, "ana"),
      await join(two, workshop, "ben"),
      await join(three, workshop, "cleo"),
    ];
    const [ana] = participants as [TestClient];
    const before = (await fetchWorkshop(one.baseUrl, workshop)).seq;
    await Promise.all(participants.map((client) => client.waitForSeq(before)));

    await cluster.redis.kill();
    // Meanwhile a load balancer asking /readyz hears that Redis is missing.
    await expect.poll(async () => (await fetch(`${two.baseUrl}/readyz`)).status, { timeout: 5_000 }).toBe(503);
    // PostgreSQL still works: the card is committed and acknowledged; its publish cannot arrive.
    const ack = await ana.expectAck("quiet-card", addCard("quiet"));
    await cluster.redis.start();
    const back = Date.now();

    // Nothing else is sent: each process must find the card in the log by itself.
    const hasCard = (state: { cards: Record<string, unknown> }) => "quiet" in state.cards;
    await Promise.all([
      ...[facilitator, ...participants].map((client) => client.waitFor(hasCard, 5_000)),
      ...cluster.processes.map((server) =>
        expect
          .poll(async () => hasCard((await fetchWorkshop(server.baseUrl, workshop)).state), {
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
    // The batches the bus did carry were timed (a direct request from this machine may read /metrics).
    const metrics = await (await fetch(`${two.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^concord_bus_lag_seconds_count [1-9]/m);
    // And a newcomer on the third process starts from a snapshot that holds it.
    const newcomer = await join(three, workshop, "dev");
    expect(hasCard(newcomer.state)).toBe(true);
  }, 30_000);
});
