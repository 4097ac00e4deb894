import { writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BallotResults, BallotSummary, IssuedInvitee, VoterBallot } from "../../src/core/index.js";
import { cliEnv, runIn } from "../support/cli.js";
import {
  type CreatedWorkshop,
  type Credentials,
  importWorkshop,
  makeTempDir,
  REPO_FIXTURE,
  readJson,
  removeDir,
  requestJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";

interface ErrorBody {
  error: { code: string; message: string };
}

let server: TestServer;
let workshop: CreatedWorkshop;
let themeIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  const doc = readJson(REPO_FIXTURE) as { themes: { id: string }[] };
  themeIds = doc.themes.map((theme) => theme.id);
  workshop = await importWorkshop(server.baseUrl, server.session, doc);
});
afterAll(async () => {
  await server?.stop();
});

const call = <T>(method: "GET" | "POST" | "PUT" | "PATCH", path: string, body?: unknown, who?: Credentials) =>
  requestJson<T>(server.baseUrl, method, path, body, who);
const asFacilitator = <T>(method: "GET" | "POST" | "PATCH", path: string, body?: unknown) =>
  call<T>(method, path, body, workshop);

async function openBallot(method: string, extra: Record<string, unknown> = {}): Promise<BallotSummary> {
  const response = await asFacilitator<BallotSummary>("POST", `/api/workshops/${workshop.id}/ballots`, {
    method,
    ...extra,
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function invite(ballot: BallotSummary, csv: string): Promise<IssuedInvitee[]> {
  const response = await asFacilitator<{ invitees: IssuedInvitee[] }>("POST", `/api/ballots/${ballot.id}/invitees`, {
    csv,
  });
  expect(response.status).toBe(201);
  return response.body.invitees;
}

/** A facilitator's GET of a workshop's route, as JSON. */
const asFacilitatorOf = async (who: CreatedWorkshop, path: string) =>
  (await requestJson<unknown>(server.baseUrl, "GET", path, undefined, who)).body;

/** The voter's path of a personal link (`http://concord.test/ballot/<token>`). */
const votePath = (invitee: IssuedInvitee) => `/api/vote/${invitee.link.split("/").at(-1)}`;
const results = async (ballot: BallotSummary) =>
  (await asFacilitator<BallotResults>("GET", `/api/ballots/${ballot.id}/results`)).body;

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
    expect(ballot.options.map((option) => option.id)).toEqual(themeIds);
    expect(ballot).toMatchObject({ method: "borda", status: "open", invited: 0, voted: 0 });
    expect(ballot.shareUrl).toMatch(/^http:\/\/concord\.test\/ballot\/share\/[A-Za-z0-9_-]{32}$/);

    const stranger = await signUp(server.baseUrl);
    const refused = await call<ErrorBody>("POST", `/api/workshops/${workshop.id}/ballots`, { method: "irv" }, stranger);
    expect(refused.status).toBe(403);
    expect((await call("GET", `/api/ballots/${ballot.id}/results`)).status).toBe(403);
    expect((await call("GET", `/api/ballots/${ballot.id}`, undefined, server.session)).status).toBe(200);
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

    const response = await fetch(`${server.baseUrl}/api/ballots/${ballot.id}/invitees?format=csv`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-facilitator-key": workshop.facilitatorKey },
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

describe("ballots: voting through a personal link", () => {
  it("a personal link used twice edits the same ballot", async () => {
    const ballot = await openBallot("borda");
    const [ann] = await invite(ballot, "name,email,group\nAnn,,Members\n");
    if (!ann) throw new Error("no invitee");
    const first = await call<VoterBallot>("GET", votePath(ann));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: "Ann", group: "Members", method: "borda", status: "open" });
    expect(first.body.vote).toBeUndefined();

    const [a, b, c] = themeIds as [string, string, string];
    expect((await call("PUT", votePath(ann), { vote: { ranking: [a, b] } })).status).toBe(200);
    const edited = await call<VoterBallot>("PUT", votePath(ann), { vote: { ranking: [c] } });
    expect(edited.status).toBe(200);
    expect(edited.body.vote).toEqual({ ranking: [c] });
    expect((await call<VoterBallot>("GET", votePath(ann))).body.vote).toEqual({ ranking: [c] });

    const count = await results(ballot);
    expect(count.overall.ballots).toBe(1);
    expect(count.overall.results[0]).toMatchObject({ id: c, rank: 1, score: themeIds.length - 1 });
    expect(count.turnout).toMatchObject({ invited: 1, voted: 1 });
  });

  it("refuses invalid votes with what is wrong, and stores none of them", async () => {
    const dots = await openBallot("dots", { settings: { dotBudget: 4, maxPerTheme: 2 } });
    const [voter] = await invite(dots, "name,email,group\nAnn,,Members\n");
    if (!voter) throw new Error("no invitee");
    const [a, b, c] = themeIds as [string, string, string];
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
    const vote = { vote: { ranking: [themeIds[0]] } };
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
    expect((await call("PUT", votePath(ann), { vote: { ranking: [themeIds[1]] } })).status).toBe(200);
    const passed = await asFacilitator<BallotSummary>("PATCH", `/api/ballots/${ballot.id}`, {
      closesAt: "2020-03-01T12:30:00Z",
    });
    expect(passed.body.status).toBe("closed");
    const refused = await call<ErrorBody>("PUT", votePath(ann), { vote: { ranking: [themeIds[0]] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("This ballot closed on 2020-03-01 12:30 UTC: votes are no longer accepted");
    // The vote cast before the close still counts.
    expect((await results(ballot)).overall.results[0]?.id).toBe(themeIds[1]);
  });

  it("a revoked link stops working, and the others keep working", async () => {
    const ballot = await openBallot("borda");
    const [ann, bob] = await invite(ballot, "name,email,group\nAnn,,Members\nBob,,Members\n");
    if (!ann || !bob) throw new Error("no invitees");
    const revoked = await asFacilitator("POST", `/api/ballots/${ballot.id}/invitees/${ann.id}/revoke`);
    expect(revoked.status).toBe(204);
    for (const response of [
      await call<ErrorBody>("GET", votePath(ann)),
      await call<ErrorBody>("PUT", votePath(ann), { vote: { ranking: [themeIds[0]] } }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe("This voting link was revoked: ask the facilitator for a new one");
    }
    expect((await call("PUT", votePath(bob), { vote: { ranking: [themeIds[0]] } })).status).toBe(200);
    const unknown = await call<ErrorBody>("GET", `/api/vote/${"x".repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect((await asFacilitator("POST", `/api/ballots/${ballot.id}/invitees/nobody/revoke`)).status).toBe(404);
  });
  it("a revoked link's vote no longer counts: a leaked link's vote goes with it", async () => {
    const ballot = await openBallot("dots");
    const [leaked, kept] = await invite(ballot, "name,email,group\nAnn,,Members\nBob,,Members\n");
    if (!leaked || !kept) throw new Error("no invitees");
    const [a, b] = themeIds as [string, string];
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
    const [a, b] = themeIds as [string, string];
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

describe("ballots: the shareable link", () => {
  it("asks the voter's group and keeps one vote per device", async () => {
    const ballot = await openBallot("irv");
    const path = `/api/vote/share/${ballot.shareUrl.split("/").at(-1)}`;
    const first = await fetch(`${server.baseUrl}${path}`);
    const cookie = first.headers.get("set-cookie")?.split(";")[0];
    expect(cookie).toMatch(/^concord_ballot_device=/);
    const view = (await first.json()) as VoterBallot;
    expect(view.group).toBeUndefined();
    const put = (body: unknown, device?: string) =>
      fetch(`${server.baseUrl}${path}`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(device ? { cookie: device } : {}) },
        body: JSON.stringify(body),
      });
    const noGroup = await put({ vote: { ranking: [themeIds[0]] } }, cookie);
    expect(noGroup.status).toBe(400);
    expect((await put({ vote: { ranking: [themeIds[0]] }, group: "Members" }, cookie)).status).toBe(200);
    const again = await put({ vote: { ranking: [themeIds[1]] }, group: "Members" }, cookie);
    expect(((await again.json()) as VoterBallot).vote).toEqual({ ranking: [themeIds[1]] });
    const reread = (await (
      await fetch(`${server.baseUrl}${path}`, { headers: { cookie: cookie ?? "" } })
    ).json()) as VoterBallot;
    expect(reread).toMatchObject({ group: "Members", vote: { ranking: [themeIds[1]] } });
    expect((await results(ballot)).overall.ballots).toBe(1);
    // Another device is another voter.
    expect((await put({ vote: { ranking: [themeIds[0]] }, group: "Employers" })).status).toBe(200);
    expect((await results(ballot)).overall.ballots).toBe(2);
  });

  it("counts the shareable link's votes apart from the invitees': a stranger's vote is not an invitee's turnout, in the summary, the results and the report", async () => {
    const own = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${own.id}/ballots`,
      { method: "borda" },
      own,
    );
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv: "name,email,group\nA,,Members\nB,,Members" },
      own,
    );
    const [invitee] = added.body.invitees as [IssuedInvitee];
    expect((await call("PUT", votePath(invitee), { vote: { ranking: [themeIds[0]] } })).status).toBe(200);
    const shared = `/api/vote/share/${opened.body.shareUrl.split("/").at(-1)}`;
    for (const group of ["Members", "Staff"]) {
      expect((await call("PUT", shared, { vote: { ranking: [themeIds[1]] }, group })).status).toBe(200);
    }
    const counts = { invited: 2, invitedVoted: 1, shared: 2, voted: 3 };
    const detail = await requestJson<{ ballot: BallotSummary }>(
      server.baseUrl,
      "GET",
      `/api/ballots/${opened.body.id}`,
      undefined,
      own,
    );
    expect(detail.body.ballot).toMatchObject(counts);
    const counted = await requestJson<BallotResults>(
      server.baseUrl,
      "GET",
      `/api/ballots/${opened.body.id}/results`,
      undefined,
      own,
    );
    expect(counted.body.turnout).toMatchObject(counts);
    const markdown = await fetch(`${server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    expect((await markdown.text()).replace(/[\u00a0\u202f]/g, " ")).toContain(
      "Participation : 1 sur 2 personnes invitées (50 %) · 2 de plus par le lien pour tout le monde",
    );
  });

  it("offers the invitees' groups before the workshop's, and counts a typed group's other spelling as the group offered", async () => {
    const ballot = await openBallot("borda");
    await invite(ballot, "name,email,group\nAnn,,Employers\nBob,,Members\nCat,,Members");
    const path = `/api/vote/share/${ballot.shareUrl.split("/").at(-1)}`;
    const view = (await (await fetch(`${server.baseUrl}${path}`)).json()) as VoterBallot;
    const workshopGroups = (readJson(REPO_FIXTURE) as { participantGroups: string[] }).participantGroups;
    expect(view.groups.slice(0, 2).sort()).toEqual(["Employers", "Members"]);
    expect(view.groups.slice(2)).toEqual(workshopGroups.filter((group) => !["Employers", "Members"].includes(group)));
    const shared = await fetch(`${server.baseUrl}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ vote: { ranking: [themeIds[0]] }, group: "  members " }),
    });
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as VoterBallot).group).toBe("Members");
  });
});

describe("ballots: the session capture report", () => {
  it("shows the latest ballot's method, turnout, ranked themes and groups in its Prioritization section", async () => {
    const own = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${own.id}/ballots`,
      { method: "borda" },
      own,
    );
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv: `name,email,group\n${["A", "B", "C", "D"].map((name) => `${name},,Members`).join("\n")}\nE,,Staff\n` },
      own,
    );
    const [first, second] = themeIds as [string, string];
    for (const invitee of added.body.invitees.slice(0, 3)) {
      await call("PUT", votePath(invitee), { vote: { ranking: [second, first] } });
    }
    const markdown = await fetch(`${server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    // The fixture is in French, so the report is; no-break spaces as French typography wants them.
    const text = (await markdown.text()).replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("## Résultats de la priorisation : vote");
    expect(text).toContain(
      "Méthode : classement, compté par points Borda · Participation : 3 sur 5 personnes invitées (60 %)",
    );
    const names = (readJson(REPO_FIXTURE) as { themes: { name: string }[] }).themes.map((theme) => theme.name);
    // Borda with 4 themes: first place 3 points, second 2, for each of the 3 ballots.
    expect(text).toContain(`| 1 | ${names[1]} | 9 |`);
    expect(text).toContain(`| 2 | ${names[0]} | 6 |`);
    expect(text).toContain("#### Members");
    const html = await fetch(`${server.baseUrl}/api/workshops/${own.id}/report?format=html`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    const file = async (format: string) => {
      const response = await fetch(`${server.baseUrl}/api/workshops/${own.id}/report?format=${format}`, {
        headers: { "x-facilitator-key": own.facilitatorKey },
      });
      expect(response.status, format).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const docx = await JSZip.loadAsync(await file("docx"));
    const body = (await docx.file("word/document.xml")?.async("string")) ?? "";
    expect(body.replace(/[\u00a0\u202f]/g, " ")).toContain("Résultats de la priorisation : vote");
    expect(body).toContain(names[1]);
    expect((await file("pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await html.text()).replace(/[\u00a0\u202f]/g, " ")).toContain("Résultats de la priorisation : vote");
  });

  it("`concord report --ballots` of the same votes gives the same Prioritization section as the server's report, but for the turnout", async () => {
    const own = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${own.id}/ballots`,
      { method: "irv" },
      own,
    );
    const groups = ["Members", "Members", "Members", "Members", "Staff", "Retirees", "Retirees"];
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv: ["name,email,group", ...groups.map((group, n) => `V${n},,${group}`)].join("\n") },
      own,
    );
    const [a, b, c, d] = themeIds as [string, string, string, string];
    const rankings = [[a, b], [b, a, c], [a], [c, b], [d, c], [b], [d, a]];
    const ballots = added.body.invitees.map((invitee, n) => ({
      voter: `voter-${n}`,
      group: invitee.group,
      ranking: rankings[n] ?? [],
    }));
    for (const [n, invitee] of added.body.invitees.entries()) {
      expect((await call("PUT", votePath(invitee), { vote: { ranking: rankings[n] } })).status).toBe(200);
    }
    const section = (markdown: string) => {
      const text = markdown.replace(/[\u00a0\u202f]/g, " ");
      return text.slice(text.indexOf("## Résultats de la priorisation : vote")).split("\n");
    };
    const served = await fetch(`${server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    const fromServer = section(await served.text());

    const dir = makeTempDir();
    try {
      const workshopFile = join(dir, "workshop.json");
      const exported = await asFacilitatorOf(own, `/api/workshops/${own.id}/export`);
      writeFileSync(workshopFile, JSON.stringify(exported));
      const ballotsFile = join(dir, "ballots.json");
      const options = opened.body.options;
      writeFileSync(ballotsFile, JSON.stringify({ format: "ballots/v1", method: "irv", options, ballots }));
      const run = await runIn(cliEnv({}), process.execPath, [
        "bin/concord.js",
        "report",
        workshopFile,
        "--ballots",
        ballotsFile,
        "--format",
        "md",
      ]);
      expect(run.code, run.stderr).toBe(0);
      const fromCli = section(run.stdout);
      const turnout = (lines: string[]) => lines.find((line) => line.startsWith("Méthode"));
      expect(turnout(fromServer)).toBe(
        "Méthode : classement, compté par vote alternatif · Participation : 7 sur 7 personnes invitées (100 %)",
      );
      expect(turnout(fromCli)).toBe("Méthode : classement, compté par vote alternatif · Votes : 7");
      expect(fromCli.filter((line) => line !== turnout(fromCli))).toEqual(
        fromServer.filter((line) => line !== turnout(fromServer)),
      );
      expect(fromCli.join("\n")).toContain("#### Members");
      expect(fromCli.join("\n")).not.toMatch(/Staff|Retirees/);
    } finally {
      removeDir(dir);
    }
  });
});
