import { expect } from "vitest";
import type { BallotResults, BallotSummary, IssuedInvitee } from "../../src/core/index.js";
import { type FixtureServer, importFixture } from "./fixtureServer.js";
import { type CreatedWorkshop, type Credentials, type JsonResponse, requestJson, type TestServer } from "./server.js";

/** Opens a ballot on `owner`'s workshop as its facilitator, at the API of `apiUrl`. */
export const openBallotOn = (
  apiUrl: string,
  owner: CreatedWorkshop,
  body: { method: string } & Record<string, unknown>,
): Promise<JsonResponse<BallotSummary>> =>
  requestJson<BallotSummary>(apiUrl, "POST", `/api/workshops/${owner.id}/ballots`, body, owner);

/** Adds the invitees of a CSV text to a ballot of `owner`'s workshop, as its facilitator. */
export const inviteOn = (
  apiUrl: string,
  owner: CreatedWorkshop,
  ballotId: string,
  csv: string,
): Promise<JsonResponse<{ invitees: IssuedInvitee[]; emailed: number }>> =>
  requestJson(apiUrl, "POST", `/api/ballots/${ballotId}/invitees`, { csv }, owner);

/**
 * A workshop of the test's own (the fixture imported again), whose ballots no other test counts,
 * with a ballot opened on it and the CSV's invitees added.
 */
export async function ownBallot(server: TestServer, method: string, csv: string) {
  const own = await importFixture(server);
  const opened = await openBallotOn(server.baseUrl, own, { method });
  const added = await inviteOn(server.baseUrl, own, opened.body.id, csv);
  return { own, opened, added };
}

/** Votes, or changes the vote, through an invitee's personal link. */
export const voteAs = <T = unknown>(apiUrl: string, invitee: IssuedInvitee, vote: unknown): Promise<JsonResponse<T>> =>
  requestJson<T>(apiUrl, "PUT", votePath(invitee), { vote });

/** The token a voting link ends with (`http://concord.test/ballot/<token>`, `…/ballot/share/<token>`). */
export const linkToken = (link: string): string => link.split("/").at(-1) ?? "";

/** The voter's API path of a personal link. */
export const votePath = (invitee: IssuedInvitee): string => `/api/vote/${linkToken(invitee.link)}`;

/** The voter's API path of a ballot's shareable link. */
export const sharePath = (ballot: BallotSummary): string => `/api/vote/share/${linkToken(ballot.shareUrl)}`;

type Method = "GET" | "POST" | "PUT" | "PATCH";

/** Requests against the fixture server: as anyone, as the fixture workshop's facilitator, and the ballot steps. */
export function ballotCalls(fixture: FixtureServer) {
  const call = <T>(method: Method, path: string, body?: unknown, who?: Credentials) =>
    requestJson<T>(fixture.server.baseUrl, method, path, body, who);
  const asFacilitator = <T>(method: Exclude<Method, "PUT">, path: string, body?: unknown) =>
    call<T>(method, path, body, fixture.workshop);
  return {
    call,
    asFacilitator,
    /** Opens a ballot on the fixture workshop, and expects it opened. */
    async openBallot(method: string, extra: Record<string, unknown> = {}): Promise<BallotSummary> {
      const response = await openBallotOn(fixture.server.baseUrl, fixture.workshop, { method, ...extra });
      expect(response.status).toBe(201);
      return response.body;
    },
    /** Adds invitees from CSV, and expects them added. */
    async invite(ballot: BallotSummary, csv: string): Promise<IssuedInvitee[]> {
      const response = await inviteOn(fixture.server.baseUrl, fixture.workshop, ballot.id, csv);
      expect(response.status).toBe(201);
      return response.body.invitees;
    },
    /** The ballot's results, as its facilitator reads them. */
    results: async (ballot: BallotSummary) =>
      (await asFacilitator<BallotResults>("GET", `/api/ballots/${ballot.id}/results`)).body,
  };
}
