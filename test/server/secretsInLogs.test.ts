import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BallotSummary, IssuedInvitee } from "../../src/core/index.js";
import {
  type CreatedWorkshop,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  startTestServer,
  type TestServer,
} from "../support/server.js";

const lines: string[] = [];
let server: TestServer;
let workshop: CreatedWorkshop;
beforeAll(async () => {
  server = await startTestServer({ logLevel: "info", logStream: { write: (line: string) => lines.push(line) } });
  workshop = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
});
afterAll(async () => {
  await server.stop();
});

describe("bearer secrets in addresses stay out of the log", () => {
  it("a voting link's token is logged as [token], the request still is", async () => {
    const ballot = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "borda" },
      workshop,
    );
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${ballot.body.id}/invitees`,
      { csv: "name,email,group\nAnn,,Members\n" },
      workshop,
    );
    const personal = added.body.invitees[0]?.link.split("/").at(-1) ?? "";
    const shared = ballot.body.shareUrl.split("/").at(-1) ?? "";
    const paths = [
      `/api/vote/${personal}`,
      `/api/vote/share/${shared}`,
      `/ballot/${personal}`,
      `/ballot/share/${shared}`,
    ];
    for (const path of paths) await fetch(`${server.baseUrl}${path}?lang=fr`);
    // A method the route does not take: the not-found answer is logged too.
    await fetch(`${server.baseUrl}/api/vote/${personal}`, { method: "DELETE" });

    await expect.poll(() => lines.filter((line) => line.includes("/api/vote/share/[token]?lang=fr")).length).toBe(1);
    expect(lines.filter((line) => line.includes("/api/vote/[token]?lang=fr"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("/ballot/share/[token]"))).toHaveLength(1);
    const logged = lines.join("\n");
    expect(logged).not.toContain(personal);
    expect(logged).not.toContain(shared);
  });
});
