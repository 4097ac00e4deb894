import { describe, expect, it } from "vitest";
import { inviteOn, linkToken, openBallotOn } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";

const lines: string[] = [];
const fixture = withFixtureServer({ logLevel: "info", logStream: { write: (line: string) => lines.push(line) } });

describe("bearer secrets in addresses stay out of the log", () => {
  it("a voting link's token is logged as [token], the request still is", async () => {
    const { server, workshop } = fixture;
    const ballot = await openBallotOn(server.baseUrl, workshop, { method: "borda" });
    const added = await inviteOn(server.baseUrl, workshop, ballot.body.id, "name,email,group\nAnn,,Members\n");
    const personal = linkToken(added.body.invitees[0]?.link ?? "");
    const shared = linkToken(ballot.body.shareUrl);
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
