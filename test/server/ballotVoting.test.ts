import { describe, expect, it } from "vitest";
import type { BallotSummary, VoterBallot } from "../../src/core/index.js";
import { ballotCalls, votePath } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";

// Ballots over HTTP, voting through a personal link, and how the results hide small groups.

interface ErrorBody {
  error: { code: string; message: string };
}

const fixture = withFixtureServer();
const { call, asFacilitator, openBallot, invite, results } = ballotCalls(fixture);

describe("ballots: voting through a personal link", () => {
  it("a personal link used twice edits the same ballot", async () => {
    const ballot = await openBallot("borda");
    const [ann] = await invite(ballot, "name,email,group\nAnn,,Members\n");
    if (!ann) throw new Error("no invitee");
    const first = await call<VoterBallot>("GET", votePath(ann));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: "Ann", group: "Members", method: "borda", status: "open" });
    expect(first.body.vote).toBeUndefined();

    const [a, b, c] = fixture.themeIds as [string, string, string];
    expect((await call("PUT", votePath(ann), { vote: { ranking: [a, b] } })).status).toBe(200);
    const edited = await call<VoterBallot>("PUT", votePath(ann), { vote: { ranking: [c] } });
    expect(edited.status).toBe(200);
    expect(edited.body.vote).toEqual({ ranking: [c] });
    expect((await call<VoterBallot>("GET", votePath(ann))).body.vote).toEqual({ ranking: [c] });

    const count = await results(ballot);
    expect(count.overall.ballots).toBe(1);
    expect(count.overall.results[0]).toMatchObject({ id: c, rank: 1, score: fixture.themeIds.length - 1 });
    expect(count.turnout).toMatchObject({ invited: 1, voted: 1 });
  });

  it("refuses invalid votes with what is wrong, and stores none of them", async () => {
    const dots = await openBallot("dots", { settings: { dotBudget: 4, maxPerTheme: 2 } });
    const [voter] = await invite(dots, "name,email,group\nAnn,,Members\n");
    if (!voter) throw new Error("no invitee");
    const [a, b, c] = fixture.themeIds as [string, string, string];
    const refusals: [unknown, string][] = [
      [{ ranking: [a] }, "This ballot uses dots"],
      [{ dots: { nope: 1 } }, '"nope" is not a theme'],
      [{ dots: { [a]: 3 } }, "at most 2 dots on one theme"],
      [{ dots: { [a]: 2, [b]: 2, [c]: 1 } }, "5 dots placed, the budget is 4"],
      [{ dots: { [a]: 1.5 } }, "whole numbers"],
      [{ dots: { [a]: -1 } }, "whole numbers"],
      [{ dots: {} }, "at least one dot"],
    ];
    for (const [vote, message] of refusals) {
      const response = await call<ErrorBody>("PUT", votePath(voter), { vote });
      expect(response.status, JSON.stringify(vote)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
    const ranked = await openBallot("irv");
    const [other] = await invite(ranked, "name,email,group\nBob,,Members\n");
    if (!other) throw new Error("no invitee");
    const twice = await call<ErrorBody>("PUT", votePath(other), { vote: { ranking: [a, b, a] } });
    expect(twice.body.error.message).toContain("ranked twice");
    const rated = await openBallot("rating");
    const [rater] = await invite(rated, "name,email,group\nCy,,Members\n");
    if (!rater) throw new Error("no invitee");
    const six = await call<ErrorBody>("PUT", votePath(rater), { vote: { ratings: { [a]: 6 } } });
    expect(six.body.error.message).toContain("a rating is 1 to 5");
    expect((await call("PUT", votePath(rater), { vote: { ratings: { [a]: 5, [b]: 1 } } })).status).toBe(200);
    expect((await results(dots)).overall.ballots).toBe(0);
    expect((await results(ranked)).overall.ballots).toBe(0);
  });

  it("a closed ballot refuses votes with a clear message, and takes them again once reopened", async () => {
    const ballot = await openBallot("irv");
    const [ann] = await invite(ballot, "name,email,group\nAnn,,Members\n");
    if (!ann) throw new Error("no invitee");
    const vote = { vote: { ranking: [fixture.themeIds[0]] } };
    const closed = await asFacilitator<BallotSummary>("PATCH", `/api/ballots/${ballot.id}`, { status: "closed" });
    expect(closed.body.status).toBe("closed");
    expect((await call<VoterBallot>("GET", votePath(ann))).body.status).toBe("closed");
    const refused = await call<ErrorBody>("PUT", votePath(ann), vote);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("This ballot closed: votes are no longer accepted");

    await asFacilitator("PATCH", `/api/ballots/${ballot.id}`, { status: "open" });
    expect((await call("PUT", votePath(ann), vote)).status).toBe(200);
  });

  it("a ballot whose closing time has passed refuses votes and says when it closed", async () => {
    const ballot = await openBallot("irv", { closesAt: "2099-01-01T00:00:00Z" });
    expect(ballot.closesAt).toBe("2099-01-01T00:00:00.000Z");
    const [ann] = await invite(ballot, "name,email,group\nAnn,,Members\n");
    if (!ann) throw new Error("no invitee");
    expect((await call("PUT", votePath(ann), { vote: { ranking: [fixture.themeIds[1]] } })).status).toBe(200);
    const passed = await asFacilitator<BallotSummary>("PATCH", `/api/ballots/${ballot.id}`, {
      closesAt: "2020-03-01T12:30:00Z",
    });
    expect(passed.body.status).toBe("closed");
    const refused = await call<ErrorBody>("PUT", votePath(ann), { vote: { ranking: [fixture.themeIds[0]] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("This ballot closed on 2020-03-01 12:30 UTC: votes are no longer accepted");
    // The vote cast before the close still counts.
    expect((await results(ballot)).overall.results[0]?.id).toBe(fixture.themeIds[1]);
  });

  it("a revoked link stops working, and the others keep working", async () => {
    const ballot = await openBallot("borda");
    const [ann, bob] = await invite(ballot, "name,email,group\nAnn,,Members\nBob,,Members\n");
    if (!ann || !bob) throw new Error("no invitees");
    const revoked = await asFacilitator("POST", `/api/ballots/${ballot.id}/invitees/${ann.id}/revoke`);
    expect(revoked.status).toBe(204);
    for (const response of [
      await call<ErrorBody>("GET", votePath(ann)),
      await call<ErrorBody>("PUT", votePath(ann), { vote: { ranking: [fixture.themeIds[0]] } }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe("This voting link was revoked: ask the facilitator for a new one");
    }
    expect((await call("PUT", votePath(bob), { vote: { ranking: [fixture.themeIds[0]] } })).status).toBe(200);
    const unknown = await call<ErrorBody>("GET", `/api/vote/${"x".repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect((await asFacilitator("POST", `/api/ballots/${ballot.id}/invitees/nobody/revoke`)).status).toBe(404);
  });
  it("a revoked link's vote no longer counts: a leaked link's vote goes with it", async () => {
    const ballot = await openBallot("dots");
    const [leaked, kept] = await invite(ballot, "name,email,group\nAnn,,Members\nBob,,Members\n");
    if (!leaked || !kept) throw new Error("no invitees");
    const [a, b] = fixture.themeIds as [string, string];
    expect((await call("PUT", votePath(leaked), { vote: { dots: { [a]: 3 } } })).status).toBe(200);
    expect((await call("PUT", votePath(kept), { vote: { dots: { [b]: 1 } } })).status).toBe(200);
    await asFacilitator("POST", `/api/ballots/${ballot.id}/invitees/${leaked.id}/revoke`);

    const count = await results(ballot);
    expect(count.overall.ballots).toBe(1);
    expect(count.overall.results.find((result) => result.id === a)?.score).toBe(0);
    expect(count.turnout).toMatchObject({ invited: 1, voted: 1 });
    const detail = await asFacilitator<{ ballot: BallotSummary }>("GET", `/api/ballots/${ballot.id}`);
    expect(detail.body.ballot).toMatchObject({ invited: 1, voted: 1 });
  });
});

describe("ballots: results", () => {
  it("shows no group of fewer than 3 voters: small groups are counted together, held to the same rule", async () => {
    const ballot = await openBallot("dots");
    const people = [
      ...["A1", "A2", "A3", "A4"].map((name) => `${name},,Members`),
      ...["B1", "B2"].map((name) => `${name},,Employers`),
      "C1,,Educators",
      "D1,,Funders",
    ];
    const invitees = await invite(ballot, `name,email,group\n${people.join("\n")}\n`);
    const [a, b] = fixture.themeIds as [string, string];
    for (const invitee of invitees) {
      const theme = invitee.group === "Members" ? a : b;
      expect((await call("PUT", votePath(invitee), { vote: { dots: { [theme]: 2 } } })).status).toBe(200);
    }
    const count = await results(ballot);
    expect(count.minVoters).toBe(3);
    expect(count.overall.ballots).toBe(8);
    expect(count.overall.results.find((result) => result.id === a)?.score).toBe(8);
    expect(count.overall.results.find((result) => result.id === b)?.score).toBe(8);
    expect(count.byGroup.map((group) => [group.group, group.ballots])).toEqual([["Members", 4]]);
    expect(count.other).toMatchObject({ groups: 3, ballots: 4 });
    expect(count.other?.results[0]).toMatchObject({ id: b, score: 8 });
    expect(JSON.stringify(count)).not.toContain("Employers");
    expect(count.turnout.invited).toBe(8);
    expect(count.turnout.voted).toBe(8);
    expect(count.turnout.overTime.at(-1)?.voters).toBe(8);
  });
});
