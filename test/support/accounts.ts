/**
 * Accounts over real HTTP for the server tests: register, sign in, who a session is, and the
 * workshops a session lists.
 */
import type { z } from "zod";
import type { signedInSchema, WorkshopListItem } from "../../src/core/index.js";
import { type JsonResponse, requestJson } from "./server.js";

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export type AccountBody = z.output<typeof signedInSchema>;

export type ListedWorkshop = WorkshopListItem;

export const PASSWORD = "correct horse battery staple";

/** The session cookie (`name=value`) a response sets, or undefined. */
export const cookieOf = (response: JsonResponse) => response.headers.getSetCookie()[0]?.split(";")[0];

export async function register(baseUrl: string, email: string, password = PASSWORD, name = "Ann Facilitator") {
  return requestJson<AccountBody & ErrorBody>(baseUrl, "POST", "/api/auth/register", { email, name, password });
}

export async function login(baseUrl: string, email: string, password = PASSWORD) {
  return requestJson<AccountBody & ErrorBody>(baseUrl, "POST", "/api/auth/login", { email, password });
}

/** GET /api/auth/me: the account behind `session`, `null` when signed out. */
export async function me(baseUrl: string, session?: string) {
  return requestJson<{ account: AccountBody["account"] | null }>(baseUrl, "GET", "/api/auth/me", undefined, session);
}

/** The account id behind a session cookie. */
export async function accountIdOf(baseUrl: string, session: string): Promise<string> {
  const response = await me(baseUrl, session);
  if (!response.body.account) throw new Error(`me answered ${response.status} with no account`);
  return response.body.account.id;
}

/** GET /api/workshops with an optional query, as `session` (or anonymously). */
export async function list(baseUrl: string, session?: string, query = ""): Promise<ListedWorkshop[]> {
  const response = await requestJson<{ workshops: ListedWorkshop[] }>(
    baseUrl,
    "GET",
    `/api/workshops${query}`,
    undefined,
    session,
  );
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  return response.body.workshops;
}

export const ids = (workshops: { id: string }[]) => workshops.map((workshop) => workshop.id);
