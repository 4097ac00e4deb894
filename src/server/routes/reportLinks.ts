import { randomBytes } from "node:crypto";
import type { EventStore } from "../store/eventStore.js";

// A published report is reachable by anyone holding its token, so the token is random (256 bits)
// and lives beside the log, never in the workshop state that participants receive. Two flags
// point both ways: token → workshop to serve it, workshop → token to show and revoke it. The
// store has no delete, so revoking writes empty values, which read as "not published".
const tokenFlag = (token: string) => `reportLink:${token}`;
const workshopFlag = (workshopId: string) => `reportLinkOf:${workshopId}`;

/** The shape of a token, checked before any store lookup. */
const REPORT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The workshop's current link token, or undefined when it is not published. */
export async function currentReportToken(store: EventStore, workshopId: string): Promise<string | undefined> {
  return (await store.getFlag(workshopFlag(workshopId))) || undefined;
}

/** Publishes the workshop's report: returns its existing token, or stores a new one. */
export async function publishReport(store: EventStore, workshopId: string): Promise<string> {
  const existing = await currentReportToken(store, workshopId);
  if (existing) return existing;
  const token = randomBytes(32).toString("base64url");
  await store.setFlag(tokenFlag(token), workshopId);
  await store.setFlag(workshopFlag(workshopId), token);
  return token;
}

/** Revokes the workshop's link; the old token then finds nothing. Revoking twice is harmless. */
export async function revokeReport(store: EventStore, workshopId: string): Promise<void> {
  const token = await currentReportToken(store, workshopId);
  if (token) await store.setFlag(tokenFlag(token), "");
  await store.setFlag(workshopFlag(workshopId), "");
}

/** The workshop a token publishes, or undefined for an unknown or revoked token. */
export async function workshopOfReportToken(store: EventStore, token: string): Promise<string | undefined> {
  if (!REPORT_TOKEN.test(token)) return undefined;
  return (await store.getFlag(tokenFlag(token))) || undefined;
}
