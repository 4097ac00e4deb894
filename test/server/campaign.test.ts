import { describe, expect, it } from "vitest";
import type { BallotSummary, CampaignSummary, IssuedInvitee, SharedStep } from "../../src/core/index.js";
import { withLiveServer } from "../support/liveServer.js";
import {
  type CreatedWorkshop,
  type Credentials,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  signUp,
} from "../support/server.js";

/**
 * GET /api/workshops/:id/campaign: the campaign summary page's data — the workshops in order, how
 * each started, their themes and their ballots' results under the privacy rule — read only as far
 * as the asker facilitates each workshop.
 */

const live = withLiveServer();
const call = <T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown, who?: Credentials) =>
  requestJson<T>(live.server.baseUrl, method, path, body, who);

const doc = readJson(REPO_FIXTURE) as { title: string; themes: { id: string; name: string }[] };

async function followUp(earlier: CreatedWorkshop, title: string, start: string, session: string) {
  const answer = await call<CreatedWorkshop>(
    "POST",
    `/api/workshops/${earlier.id}/follow-up`,
    { title, start },
    session,
  );
  expect(answer.status).toBe(201);
  return answer.body;
}

async function summary(workshop: { id: string }, who: Credentials) {
  const answer = await call<CampaignSummary>("GET", `/api/workshops/${workshop.id}/campaign`, undefined, who);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A dots ballot on the first workshop: 3 Members, 1 Staff and 2 Retirees vote; one more Staff is invited. */
async function ballotWithVotes(workshop: CreatedWorkshop) {
  const opened = await call<BallotSummary>(
    "POST",
    `/api/workshops/${workshop.id}/ballots`,
    { method: "dots" },
    workshop,
  );
  const csv = [
    "name,email,group",
    "M1,,Members",
    "M2,,Members",
    "M3,,Members",
    "S1,,Staff",
    "R1,,Retirees",
    "R2,,Retirees",
    "Late,,Staff",
  ].join("\n");
  const added = await call<{ invitees: IssuedInvitee[] }>(
    "POST",
    `/api/ballots/${opened.body.id}/invitees`,
    { csv },
    workshop,
  );
  const [first, second] = doc.themes;
  for (const invitee of added.body.invitees.slice(0, 6)) {
    const dots =
      invitee.group !== "Members" ? { [second?.id ?? ""]: 2 } : { [first?.id ?? ""]: 2, [second?.id ?? ""]: 1 };
    const vote = await call("PUT", `/api/vote/${invitee.link.split("/").at(-1)}`, { vote: { dots } });
    expect(vote.status).toBe(200);
  }
  return opened.body;
}

describe("the campaign summary", () => {
  it("lists the workshops in order from any of them, how each started, their themes and ballots' results without small groups", async () => {
    const session = await signUp(live.server.baseUrl);
    const first = await importWorkshop(live.server.baseUrl, session, doc);
    const ballot = await ballotWithVotes(first);
    const second = await followUp(first, "Theme development", "columns", session);
    const third = await followUp(second, "Message testing", "cards", session);
    const side = await followUp(first, "Another step", "cards", session);

    const fromThird = await summary(third, session);
    expect(fromThird.workshopId).toBe(third.id);
    expect(fromThird.steps.map((step) => [step.title, step.startedFrom?.title, step.startedFrom?.start])).toEqual([
      [doc.title, undefined, undefined],
      ["Theme development", doc.title, "columns"],
      ["Message testing", "Theme development", "cards"],
      ["Another step", doc.title, "cards"],
    ]);
    expect(fromThird.steps.map((step) => step.workshopId)).toEqual([first.id, second.id, third.id, side.id]);
    expect(await summary(first, session)).toEqual({ ...fromThird, workshopId: first.id });

    const [head, columns, cards] = fromThird.steps as SharedStep[];
    expect(head?.shared).toBe(true);
    expect(head?.phase).toBe("capture");
    expect(head?.themes.map((theme) => theme.name)).toEqual(doc.themes.map((theme) => theme.name));
    // Started from columns: the themes are its columns; from cards: they are on its pile, no theme yet.
    expect(columns?.themes.map((theme) => theme.name)).toEqual(doc.themes.map((theme) => theme.name));
    expect(cards?.themes).toEqual([]);

    expect(head?.ballots).toHaveLength(1);
    const counted = head?.ballots[0];
    expect(counted).toMatchObject({ id: ballot.id, method: "dots", status: "open", closesAt: null });
    expect(counted?.results.turnout).toMatchObject({ invited: 7, voted: 6 });
    const [a, b] = doc.themes;
    expect(counted?.results.overall.results.map((result) => [result.name, result.score, result.rank])).toEqual([
      [b?.name, 9, 1],
      [a?.name, 6, 2],
      ...doc.themes.slice(2).map((theme) => [theme.name, 0, 3]),
    ]);
    // Staff (1 voter) and Retirees (2) are under the threshold of 3: counted together, not apart.
    expect(counted?.results.byGroup.map((group) => [group.group, group.ballots])).toEqual([["Members", 3]]);
    expect(counted?.results.other).toMatchObject({ groups: 2, ballots: 3 });
    expect(columns?.ballots).toEqual([]);
  });

  it("names a workshop the asker does not facilitate by its link alone, and goes no further through it", async () => {
    const session = await signUp(live.server.baseUrl);
    const first = await importWorkshop(live.server.baseUrl, session, doc);
    const second = await followUp(first, "Theme development", "columns", session);
    await followUp(second, "Message testing", "cards", session);

    // The first workshop's co-facilitator key opens the first workshop only.
    const withKey = await summary(first, first);
    expect(withKey.steps).toEqual([
      expect.objectContaining({ workshopId: first.id, shared: true }),
      {
        workshopId: second.id,
        title: "Theme development",
        startedFrom: { workshopId: first.id, title: doc.title, start: "columns" },
        shared: false,
      },
    ]);
    const fromSecond = await summary(second, second);
    expect(fromSecond.steps.map((step) => [step.title, step.shared])).toEqual([
      [doc.title, false],
      ["Theme development", true],
      ["Message testing", false],
    ]);
    expect((await call("GET", `/api/workshops/${second.id}/campaign`, undefined, first)).status).toBe(403);
  });
});
