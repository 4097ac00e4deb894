import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticDocument } from "../report/syntheticWorkshop.js";
import { importWorkshop, startTestServer, type TestServer } from "../support/server.js";

/** The size at which a PDF on the event loop stalled every room for seconds (issue 18). */
const BIG = { themes: 12, cards: 2500 };

describe("a 2,500-card PDF renders off the event loop", () => {
  let server: TestServer;
  let key: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer();
    ({ id, facilitatorKey: key } = await importWorkshop(server.baseUrl, server.session, syntheticDocument(BIG)));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("/healthz answers within 100 ms, again and again, all the while the PDF renders", async () => {
    let rendered = false;
    const pdf = fetch(`${server.baseUrl}/api/workshops/${id}/report?format=pdf`, {
      headers: { "x-facilitator-key": key },
    }).then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      rendered = true;
      return { status: response.status, body };
    });
    // Round trips that ended while the PDF was still being rendered: on the event loop, the first
    // would come back only after it (seconds), and there would be one or none.
    const during: number[] = [];
    while (!rendered) {
      const sent = performance.now();
      const health = await fetch(`${server.baseUrl}/healthz`);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
      if (!rendered) during.push(performance.now() - sent);
    }
    const { status, body } = await pdf;
    expect(status).toBe(200);
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    // On the event loop there would be no answer at all until the PDF was done. Off it, the typical
    // answer takes milliseconds; on a machine shared by many busy processes a rare one waits for a
    // core for a few hundred, so the slowest is held to a second, not to the typical 100 ms.
    expect(during.length).toBeGreaterThanOrEqual(20);
    const sorted = during.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
    expect(sorted.at(-1)).toBeLessThan(1000);
  }, 120_000);
});
