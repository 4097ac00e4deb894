import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ReportPool, reportPool } from "../../src/report/pool/reportPool.js";
import { REPORT_LIMITS } from "../../src/report/size.js";
import { syntheticDocument } from "../report/syntheticWorkshop.js";
import { importWorkshop, startTestServer, type TestServer } from "../support/server.js";

/** A workshop whose PDF takes seconds to render. */
const BIG = { themes: 12, cards: 2500 };

describe("limits of server-side rendering", () => {
  let server: TestServer;
  let pool: ReportPool;
  const asked: string[] = [];

  beforeAll(async () => {
    // One worker and no queue: a second report while one renders is refused at once.
    pool = reportPool({ workers: 1, maxQueued: 0 });
    server = await startTestServer({
      reports: {
        render: (source, format) => {
          asked.push(format);
          return pool.render(source, format);
        },
        stop: () => pool.stop(),
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers 429 with Retry-After when every worker is busy and the queue is full", async () => {
    const big = await importWorkshop(server.baseUrl, server.session, syntheticDocument(BIG));
    const headers = { "x-facilitator-key": big.facilitatorKey };
    const first = fetch(`${server.baseUrl}/api/workshops/${big.id}/report?format=pdf`, { headers });
    await vi.waitFor(() => expect(asked).toHaveLength(1), { timeout: 30_000 });
    const second = await fetch(`${server.baseUrl}/api/workshops/${big.id}/report?format=docx`, { headers });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await second.json()).toMatchObject({ error: { code: "busy" } });
    expect((await first).status).toBe(200);
  }, 120_000);

  it("refuses a workshop too large to render with 422 and a message that says what to do", async () => {
    const huge = await importWorkshop(
      server.baseUrl,
      server.session,
      syntheticDocument({ themes: 20, cards: REPORT_LIMITS.cards + 1 }),
    );
    const response = await fetch(`${server.baseUrl}/api/workshops/${huge.id}/report?format=pdf`, {
      headers: { "x-facilitator-key": huge.facilitatorKey },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("too_large");
    expect(error.message).toContain(`at most ${REPORT_LIMITS.cards}`);
    expect(error.message).toContain("concord report");
    // The workshop itself still exports: only rendering has a limit.
    const json = await fetch(`${server.baseUrl}/api/workshops/${huge.id}/report?format=json`, {
      headers: { "x-facilitator-key": huge.facilitatorKey },
    });
    expect(json.status).toBe(200);
  }, 120_000);
});
