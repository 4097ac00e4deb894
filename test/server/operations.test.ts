import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteAccountStore } from "../../src/server/accounts/sqliteAccountStore.js";
import { buildApp } from "../../src/server/app.js";
import { SqliteBallotStore } from "../../src/server/ballots/sqliteBallotStore.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import { Metrics } from "../../src/server/metrics.js";
import { openSqliteStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";
import { createWorkshop, makeTempDir, removeDir, signUp } from "../support/server.js";
import { connectClient } from "../support/wsClient.js";

const TOKEN = "a-metrics-token-of-some-length";

/** The app wired as `startServer` wires it: one Metrics for the service's commits and the app. */
async function startApp(metricsToken?: string) {
  const dataDir = makeTempDir();
  const store = openSqliteStore(dataDir);
  const accounts = new SqliteAccountStore(`${dataDir}/concord.db`);
  const ballots = new SqliteBallotStore(`${dataDir}/concord.db`);
  const bus = new LocalEventBus();
  const metrics = new Metrics();
  const service = new WorkshopService({ store, bus, observeCommit: (seconds) => metrics.committed(seconds) });
  const app = await buildApp({
    store,
    accounts,
    ballots,
    bus,
    service,
    metrics,
    publicUrl: "http://concord.test",
    logLevel: "silent",
    ...(metricsToken ? { metricsToken } : {}),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    async stop() {
      await app.close();
      await accounts.close();
      await ballots.close();
      await store.close();
      removeDir(dataDir);
    },
  };
}

/** The value of one sample line of the exposition, such as `concord_connections{role="participant"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe("/metrics and /readyz", () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("is ready when the store answers", async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", checks: { store: "ok" } });
  });

  it("counts connections by role, commands and refusals by type, acks, fan-out and commits", async () => {
    const workshop = await createWorkshop(server.baseUrl, await signUp(server.baseUrl));
    const facilitator = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    const participant = await connectClient({ wsUrl: server.wsUrl, workshopId: workshop.id, role: "participant" });
    try {
      await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
      await participant.expectAck("card", { type: "addCard", cardId: "c1", text: "More daylight" });
      const refused = await participant.send("again", { type: "addCard", cardId: "c1", text: "Same id" });
      expect(refused.type).toBe("error");

      const response = await fetch(`${server.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      const text = await response.text();
      expect(sample(text, 'concord_connections{role="facilitator"}')).toBe(1);
      expect(sample(text, 'concord_connections{role="participant"}')).toBe(1);
      expect(sample(text, 'concord_commands_total{type="addCard"}')).toBe(2);
      expect(sample(text, 'concord_commands_total{type="setPhase"}')).toBe(1);
      expect(text).toMatch(/^concord_command_refusals_total\{type="addCard",code="[a-z_]+"\} 1$/m);
      expect(sample(text, "concord_ack_latency_seconds_count")).toBe(3);
      expect(sample(text, "concord_store_commit_seconds_count")).toBeGreaterThanOrEqual(2);
      expect(sample(text, "concord_fanout_connections_count")).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/^concord_event_loop_lag_seconds\{quantile="0.99"\} [0-9.e-]+$/m);
    } finally {
      await Promise.all([facilitator.close(), participant.close()]);
    }
    await expect
      .poll(async () =>
        sample(await (await fetch(`${server.baseUrl}/metrics`)).text(), 'concord_connections{role="participant"}'),
      )
      .toBe(0);
  });

  it("counts report renders by format", async () => {
    const session = await signUp(server.baseUrl);
    const workshop = await createWorkshop(server.baseUrl, session);
    const response = await fetch(`${server.baseUrl}/api/workshops/${workshop.id}/report?format=md`, {
      headers: { cookie: session },
    });
    expect(response.status).toBe(200);
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(sample(text, 'concord_report_render_seconds_count{format="md"}')).toBe(1);
  });

  it("does not answer a request that came through a proxy, though it comes from this machine", async () => {
    const response = await fetch(`${server.baseUrl}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(response.status).toBe(403);
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    server = await startApp(TOKEN);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers only the bearer of the token", async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(403);
    const wrong = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: "Bearer not-the-token-at-all!!" },
    });
    expect(wrong.status).toBe(403);
    const right = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "203.0.113.9" },
    });
    expect(right.status).toBe(200);
  });
});
