import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccountStore } from "../accounts/accountStore.js";
import { hashToken } from "./tokenHash.js";

export const SESSION_COOKIE = "concord_session";
const SESSION_DAYS = 30;

/** Creates a session for the account and sets its httpOnly cookie on the reply. */
export async function startSession(accounts: AccountStore, reply: FastifyReply, accountId: string, secure: boolean) {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await accounts.createSession(hashToken(token), accountId, expires.toISOString());
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires });
}

/** The account id of the request's session, if it has a live one. */
export async function sessionAccountId(accounts: AccountStore, request: FastifyRequest): Promise<string | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  return accounts.findSession(hashToken(token), new Date().toISOString());
}

/** Ends the request's session, if any, and clears the cookie. */
export async function endSession(accounts: AccountStore, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await accounts.deleteSession(hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
