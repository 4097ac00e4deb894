import { describe, expect, it } from "vitest";
import type { BallotSummary } from "../../src/core/index.js";
import { ballotCalls } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";
import { signUp } from "../support/server.js";

// Ballots over HTTP, the facilitator's side: opening one, inviting from CSV, the limit on invitees.

interface ErrorBody {
  error: { code: string; message: string };
}

const fixture = withFixtureServer();
const { call, asFacilitator, openBallot, invite } = ballotCalls(fixture);

describe("ballots: the facilitator's side", () => {
  it("lists the ballot and voter routes in the OpenAPI document", async () => {
    const docs = await call<{ paths: Record<string, unknown> }>("GET", "/api/docs/json");
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(["/api/workshops/{id}/ballots", "/api/ballots/{ballotId}/results", "/api/vote/{token}"]),
    );
  });

  it("opens a ballot on the workshop's themes, for its facilitators only", async () => {
    const ballot = await openBallot("borda");
    expect(ballot.options.map((option) => option.id)).toEqual(fixture.themeIds);
    expect(ballot).toMatchObject({ method: "borda", status: "open", invited: 0, voted: 0 });
    expect(ballot.shareUrl).toMatch(/^http:\/\/concord\.test\/ballot\/share\/[A-Za-z0-9_-]{32}$/);

    const stranger = await signUp(fixture.server.baseUrl);
    const refused = await call<ErrorBody>(
      "POST",
      `/api/workshops/${fixture.workshop.id}/ballots`,
      { method: "irv" },
      stranger,
    );
    expect(refused.status).toBe(403);
    expect((await call("GET", `/api/ballots/${ballot.id}/results`)).status).toBe(403);
    expect((await call("GET", `/api/ballots/${ballot.id}`, undefined, fixture.server.session)).status).toBe(200);
  });

  it("adds invitees from CSV, refuses a file with a bad line whole, and gives the links as CSV", async () => {
    const ballot = await openBallot("irv");
    const bad = await asFacilitator<ErrorBody>("POST", `/api/ballots/${ballot.id}/invitees`, {
      csv: "Name,Email,Group\nAnn,ann@example.org,Members\nBob,bob@example.org,\n",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("line 3.group");
    // An address is one address: a list, or a line break that would start another mail header, is not.
    const addresses = await asFacilitator<ErrorBody>("POST", `/api/ballots/${ballot.id}/invitees`, {
      csv: 'name,email,group\nAnn,"ann@example.org, eve@evil.test",Members\nBob,"bob@example.org\r\nBcc: eve@evil.test",Members\nCy,not an address,Members\n',
    });
    expect(addresses.status).toBe(400);
    expect(addresses.body.error.message).toMatch(/line 2\.email: .*\nline 3\.email: .*\nline 4\.email: /);
    expect((await asFacilitator<{ invitees: unknown[] }>("GET", `/api/ballots/${ballot.id}`)).body.invitees).toEqual(
      [],
    );

    const response = await fetch(`${fixture.server.baseUrl}/api/ballots/${ballot.id}/invitees?format=csv`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-facilitator-key": fixture.workshop.facilitatorKey },
      body: JSON.stringify({ csv: 'group,name,email\nMembers,Ann,ann@example.org\nEmployers,"Roy, Jr",\n' }),
    });
    expect(response.status).toBe(201);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("name,email,group,link");
    expect(lines[1]).toMatch(/^Ann,ann@example\.org,Members,http:\/\/concord\.test\/ballot\/[A-Za-z0-9_-]{32}$/);
    expect(lines[2]).toMatch(/^"Roy, Jr",,Employers,http:\/\/concord\.test\/ballot\//);
    const detail = await asFacilitator<{ ballot: BallotSummary; invitees: unknown[] }>(
      "GET",
      `/api/ballots/${ballot.id}`,
    );
    expect(detail.body.ballot.invited).toBe(2);
    // Only the hash is kept: the listing never carries a link or token.
    expect(JSON.stringify(detail.body.invitees)).not.toContain("/ballot/");
  });
  it("takes at most 5,000 invitees on one ballot, over any number of lists", async () => {
    const ballot = await openBallot("borda");
    const people = Array.from({ length: 5000 }, (_, index) => `Person ${index},,Members`).join("\n");
    await invite(ballot, `name,email,group\n${people}\n`);
    const more = await asFacilitator<ErrorBody>("POST", `/api/ballots/${ballot.id}/invitees`, {
      csv: "name,email,group\nOne more,,Members\n",
    });
    expect(more.status).toBe(400);
    expect(more.body.error.message).toBe("A ballot takes at most 5000 invitees: it has 5000, this list adds 1");
  });
});
