import { randomBytes } from "node:crypto";
import type { EventStore } from "../store/eventStore.js";

// A published report is reachable by anyone holding its token, so the token is random (256 bits)
// and lives beside the log (the report_links table), never in the workshop state that participants
// receive. One row per published workshop; revoking deletes it.

/** The shape of a token, checked before any store lookup. */
const REPORT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The workshop's current link token, or undefined when it is not published. */
export async function currentReportToken(store: EventStore, workshopId: string): Promise<string | undefined> {
  return store.readLink({ type: "reportToken", workshopId });
}

/** Publishes the workshop's report: returns its existing token, or stores a new one. */
export async function publishReport(store: EventStore, workshopId: string): Promise<string> {
  const existing = await currentReportToken(store, workshopId);
  if (existing) return existing;
  const token = randomBytes(32).toString("base64url");
  await store.writeLink({ type: "setReportToken", workshopId, token });
  return token;
}

/** Revokes the workshop's link; the old token then finds nothing. Revoking twice is harmless. */
export async function revokeReport(store: EventStore, workshopId: string): Promise<void> {
  await store.writeLink({ type: "removeReportToken", workshopId });
}

/** The workshop a token publishes, or undefined for an unknown or revoked token. */
export async function workshopOfReportToken(store: EventStore, token: string): Promise<string | undefined> {
  if (!REPORT_TOKEN.test(token)) return undefined;
  return store.readLink({ type: "workshopOfReportToken", token });
}
