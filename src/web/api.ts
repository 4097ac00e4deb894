import type { z } from "zod";
import {
  type archiveBody,
  archivedSchema,
  type BallotResults,
  type BallotSummary,
  type BallotVote,
  type CampaignSummary,
  type CreatedWorkshop,
  campaignSummarySchema,
  type changeBallotBody,
  createdWorkshopSchema,
  type createWorkshopBody,
  currentAccountSchema,
  type FollowUpRequest,
  type InviteeView,
  type IssuedInvitee,
  joinCodeSchema,
  type loginBody,
  type openBallotBody,
  type registerBody,
  signedInSchema,
  signedOutSchema,
  type VoterBallot,
  type WorkshopDocument,
  workshopListSchema,
} from "../core/index.js";
import { facilitatorKey } from "./live/identity.js";

/** The server's error body, as AppError writes it. */
interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * A refused request: the HTTP status and the server's code, for the page to say it in its
 * reader's language (the server's `message` is English).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A response that is not ok, as the ApiError to throw: its status and the server's code if it sent one. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
  return new ApiError(response.status, body.error?.code, body.error?.message ?? `Request failed (${response.status})`);
}

/**
 * A request to `/api/workshops/:id{path}` as the workshop's facilitator: the session cookie goes
 * along by default, a co-facilitator's workshop key (from a `#key=` link) as a header.
 */
export function facilitatorFetch(workshopId: string, path: string, init: RequestInit = {}): Promise<Response> {
  const key = facilitatorKey(workshopId);
  return fetch(`/api/workshops/${encodeURIComponent(workshopId)}${path}`, {
    ...init,
    headers: { ...(key ? { "x-facilitator-key": key } : {}), ...init.headers },
  });
}

/**
 * The answer of an ok response, read with its schema from the REST contract (src/core/api): an
 * answer of another shape is refused here, as the server's fault, rather than half-shown.
 */
export async function answerOf<S extends z.ZodType>(schema: S, response: Response): Promise<z.output<S>> {
  const parsed = schema.safeParse(await response.json());
  if (parsed.success) return parsed.data;
  throw new ApiError(response.status, "unexpected_answer", `Unexpected answer from ${response.url}`);
}

/** A JSON request, refused as an ApiError, and its answer read with `schema`. */
async function request<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.output<S>> {
  const response = await fetch(path, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  if (!response.ok) throw await apiErrorOf(response);
  return answerOf(schema, response);
}

/** A POST of `body`, typed by the route's request schema. */
const post = <B extends z.ZodType>(body: z.input<B>): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

export const listWorkshops = (archived = false) =>
  request(workshopListSchema, `/api/workshops?archived=${archived}`).then((body) => body.workshops);

/** The signed-in account, or undefined when signed out (or the server cannot be reached). */
export const currentAccount = () =>
  request(currentAccountSchema, "/api/auth/me").then(
    (body) => body.account ?? undefined,
    () => undefined,
  );

export const register = (name: string, email: string, password: string) =>
  request(signedInSchema, "/api/auth/register", post<typeof registerBody>({ name, email, password }));

export const login = (email: string, password: string) =>
  request(signedInSchema, "/api/auth/login", post<typeof loginBody>({ email, password }));

export const logout = () => request(signedOutSchema, "/api/auth/logout", { method: "POST", body: "{}" });

export const duplicateWorkshop = (id: string) =>
  request(createdWorkshopSchema, `/api/workshops/${encodeURIComponent(id)}/duplicate`, { method: "POST", body: "{}" });

export const archiveWorkshop = (id: string, archived: boolean) =>
  request(archivedSchema, `/api/workshops/${encodeURIComponent(id)}/archive`, post<typeof archiveBody>({ archived }));

export const createWorkshop = (title: string, language: "en" | "fr") =>
  request(createdWorkshopSchema, "/api/workshops", post<typeof createWorkshopBody>({ title, language }));

export const importWorkshop = (doc: WorkshopDocument | unknown) =>
  request(createdWorkshopSchema, "/api/workshops/import", { method: "POST", body: JSON.stringify(doc) });

/**
 * Starts the campaign's next workshop from this one's themes (`src/core/campaign.ts`); it is the
 * signed-in account's, and both workshops name each other from then on.
 */
export async function startFollowUp(workshopId: string, body: FollowUpRequest): Promise<CreatedWorkshop> {
  const response = await facilitatorFetch(workshopId, "/follow-up", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return answerOf(createdWorkshopSchema, response);
}

/** Gives the workshop a new join code (the old one stops working); every screen then shows it live. */
export async function rotateJoinCode(workshopId: string): Promise<string> {
  const response = await facilitatorFetch(workshopId, "/join-code", { method: "POST" });
  if (!response.ok) throw await apiErrorOf(response);
  return (await answerOf(joinCodeSchema, response)).joinCode;
}

/** A request to `/api/ballots/:ballotId{path}` as the facilitator of the ballot's workshop. */
async function ballotRequest<T>(
  workshopId: string,
  ballotId: string,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const key = facilitatorKey(workshopId);
  const response = await fetch(`/api/ballots/${encodeURIComponent(ballotId)}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(key ? { "x-facilitator-key": key } : {}), ...init.headers },
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The workshop's campaign: its workshops in order, their themes and ballots' results. */
export async function campaignSummary(workshopId: string): Promise<CampaignSummary> {
  const response = await facilitatorFetch(workshopId, "/campaign");
  if (!response.ok) throw await apiErrorOf(response);
  return answerOf(campaignSummarySchema, response);
}

/** The workshop's ballots, oldest first. */
export async function listBallots(workshopId: string): Promise<BallotSummary[]> {
  const response = await facilitatorFetch(workshopId, "/ballots");
  if (!response.ok) throw await apiErrorOf(response);
  return ((await response.json()) as { ballots: BallotSummary[] }).ballots;
}

/** Opens a ballot on the workshop's themes as they are now. */
export async function openBallot(workshopId: string, body: z.input<typeof openBallotBody>): Promise<BallotSummary> {
  const response = await facilitatorFetch(workshopId, "/ballots", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as BallotSummary;
}

export const ballotDetail = (workshopId: string, ballotId: string) =>
  ballotRequest<{ ballot: BallotSummary; invitees: InviteeView[] }>(workshopId, ballotId, "");

export const changeBallot = (workshopId: string, ballotId: string, body: z.input<typeof changeBallotBody>) =>
  ballotRequest<BallotSummary>(workshopId, ballotId, "", { method: "PATCH", body: JSON.stringify(body) });

/** Adds invitees from CSV text; each link is given this once. */
export const addInvitees = (workshopId: string, ballotId: string, csv: string) =>
  ballotRequest<{ invitees: IssuedInvitee[]; emailed: number }>(workshopId, ballotId, "/invitees", {
    method: "POST",
    body: JSON.stringify({ csv }),
  });

export const revokeInvitee = (workshopId: string, ballotId: string, inviteeId: string) =>
  ballotRequest<undefined>(workshopId, ballotId, `/invitees/${encodeURIComponent(inviteeId)}/revoke`, {
    method: "POST",
    body: "{}",
  });

export const ballotResults = (workshopId: string, ballotId: string) =>
  ballotRequest<BallotResults>(workshopId, ballotId, "/results");

/** A voter's request: its answer is typed by src/core/ballots/api.ts, whose answers are interfaces, not schemas. */
async function ballotAnswer<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

/** The voter's side: `kind` "personal" for `/ballot/:token`, "share" for `/ballot/share/:token`. */
const votePath = (kind: "personal" | "share", token: string) =>
  `/api/vote/${kind === "share" ? "share/" : ""}${encodeURIComponent(token)}`;

export const voterBallot = (kind: "personal" | "share", token: string) =>
  ballotAnswer<VoterBallot>(votePath(kind, token), { credentials: "same-origin" });

export const castVote = (kind: "personal" | "share", token: string, vote: BallotVote, group?: string) =>
  ballotAnswer<VoterBallot>(votePath(kind, token), {
    method: "PUT",
    credentials: "same-origin",
    body: JSON.stringify(kind === "share" ? { vote, group } : { vote }),
  });
