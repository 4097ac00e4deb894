import { describe, expect, it } from "vitest";
import type { BallotResults, BallotSummary, IssuedInvitee, VoterBallot } from "../../src/core/index.js";
import { ballotCalls, ownBallot, sharePath, votePath } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";
import { REPO_FIXTURE, readJson } from "../support/server.js";

// Ballots over HTTP, the shareable link: one vote per device, its votes counted apart, the groups it offers.

const fixture = withFixtureServer();
const { call, openBallot, invite, results } = ballotCalls(fixture);

describe("ballots: the shareable link", () => {
  it("asks the voter's group and keeps one vote per device", async () => {
    const ballot = await openBallot("irv");
    const path = sharePath(ballot);
    const first = await fetch(`${fixture.server.baseUrl}${path}`);
    const cookie = first.headers.get("set-cookie")?.split(";")[0];
    expect(cookie).toMatch(/^concord_ballot_device=/);
    const view = (await first.json()) as VoterBallot;
    expect(view.group).toBeUndefined();
    const put = (body: unknown, device?: string) =>
      fetch(`${fixture.server.baseUrl}${path}`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(device ? { cookie: device } : {}) },
        body: JSON.stringify(body),
      });
    const noGroup = await put({ vote: { ranking: [fixture.themeIds[0]] } }, cookie);
    expect(noGroup.status).toBe(400);
    expect((await put({ vote: { ranking: [fixture.themeIds[0]] }, group: "Members" }, cookie)).status).toBe(200);
    const again = await put({ vote: { ranking: [fixture.themeIds[1]] }, group: "Members" }, cookie);
    expect(((await again.json()) as VoterBallot).vote).toEqual({ ranking: [fixture.themeIds[1]] });
    const reread = (await (
      await fetch(`${fixture.server.baseUrl}${path}`, { headers: { cookie: cookie ?? "" } })
    ).json()) as VoterBallot;
    expect(reread).toMatchObject({ group: "Members", vote: { ranking: [fixture.themeIds[1]] } });
    expect((await results(ballot)).overall.ballots).toBe(1);
    // Another device is another voter.
    expect((await put({ vote: { ranking: [fixture.themeIds[0]] }, group: "Employers" })).status).toBe(200);
    expect((await results(ballot)).overall.ballots).toBe(2);
  });

  it("counts the shareable link's votes apart from the invitees': a stranger's vote is not an invitee's turnout, in the summary, the results and the report", async () => {
    const { own, opened, added } = await ownBallot(fixture.server, "borda", "name,email,group\nA,,Members\nB,,Members");
    const [invitee] = added.body.invitees as [IssuedInvitee];
    expect((await call("PUT", votePath(invitee), { vote: { ranking: [fixture.themeIds[0]] } })).status).toBe(200);
    const shared = sharePath(opened.body);
    for (const group of ["Members", "Staff"]) {
      expect((await call("PUT", shared, { vote: { ranking: [fixture.themeIds[1]] }, group })).status).toBe(200);
    }
    const counts = { invited: 2, invitedVoted: 1, shared: 2, voted: 3 };
    const detail = await call<{ ballot: BallotSummary }>("GET", `/api/ballots/${opened.body.id}`, undefined, own);
    expect(detail.body.ballot).toMatchObject(counts);
    const counted = await call<BallotResults>("GET", `/api/ballots/${opened.body.id}/results`, undefined, own);
    expect(counted.body.turnout).toMatchObject(counts);
    const markdown = await fetch(`${fixture.server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    expect((await markdown.text()).replace(/[\u00a0\u202f]/g, " ")).toContain(
      "Participation : 1 sur 2 personnes invitées (50 %) · 2 de plus par le lien pour tout le monde",
    );
  });

  it("offers the invitees' groups before the workshop's, and counts a typed group's other spelling as the group offered", async () => {
    const ballot = await openBallot("borda");
    await invite(ballot, "name,email,group\nAnn,,Employers\nBob,,Members\nCat,,Members");
    const path = sharePath(ballot);
    const view = (await (await fetch(`${fixture.server.baseUrl}${path}`)).json()) as VoterBallot;
    const workshopGroups = (readJson(REPO_FIXTURE) as { participantGroups: string[] }).participantGroups;
    expect(view.groups.slice(0, 2).sort()).toEqual(["Employers", "Members"]);
    expect(view.groups.slice(2)).toEqual(workshopGroups.filter((group) => !["Employers", "Members"].includes(group)));
    const shared = await fetch(`${fixture.server.baseUrl}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vote: { ranking: [fixture.themeIds[0]] }, group: "  members " }),
    });
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as VoterBallot).group).toBe("Members");
  });
});
