import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BallotResults, BallotSummary } from "../../src/core/index.js";
import {
  type CreatedWorkshop,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  startTestServer,
  type TestServer,
} from "../support/server.js";

let server: TestServer;
let workshop: CreatedWorkshop;
let themeIds: string[];
beforeAll(async () => {
  server = await startTestServer({ newSharedVotersPerHour: 3 });
  const doc = readJson(REPO_FIXTURE) as { themes: { id: string }[] };
  themeIds = doc.themes.map((theme) => theme.id);
  workshop = await importWorkshop(server.baseUrl, server.session, doc);
});
afterAll(async () => {
  await server.stop();
});

describe("the shareable link against ballot stuffing", () => {
  it("takes a few new ballots per network address and hour: a script without the device cookie is stopped", async () => {
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "borda" },
      workshop,
    );
    const path = `/api/vote/share/${opened.body.shareUrl.split("/").at(-1)}`;
    const put = (device?: string) =>
      fetch(`${server.baseUrl}${path}`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(device ? { cookie: device } : {}) },
        body: JSON.stringify({ vote: { ranking: [themeIds[0]] }, group: "Members" }),
      });
    const first = await put();
    const device = first.headers.get("set-cookie")?.split(";")[0];
    const statuses = [first.status];
    for (let i = 0; i < 3; i++) statuses.push((await put()).status);
    // A device id the script made up is a new voter too.
    statuses.push((await put(`concord_ballot_device=${"A".repeat(32)}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await put();
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "Too many new ballots from this network",
    );

    // Someone who voted from here still changes their vote.
    expect((await put(device)).status).toBe(200);
    const results = await requestJson<BallotResults>(
      server.baseUrl,
      "GET",
      `/api/ballots/${opened.body.id}/results`,
      undefined,
      workshop,
    );
    expect(results.body.overall.ballots).toBe(3);
  });
});
