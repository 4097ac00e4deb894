import { randomBytes, timingSafeEqual } from "node:crypto";
import type { EventStore } from "./store/eventStore.js";

// Until facilitator accounts exist, holding a workshop's key is what makes a connection its
// facilitator. The key is a secret, so it lives beside the log, never in the workshop state
// that every participant receives.
const flagName = (workshopId: string) => `facilitatorKey:${workshopId}`;

/** Creates and stores a new random key for the workshop. */
export async function issueFacilitatorKey(store: EventStore, workshopId: string): Promise<string> {
  const key = randomBytes(24).toString("base64url");
  await store.setFlag(flagName(workshopId), key);
  return key;
}

/** The workshop's key, for the server to print its own demo's link again; undefined without one. */
export async function facilitatorKeyOf(store: EventStore, workshopId: string): Promise<string | undefined> {
  return (await store.getFlag(flagName(workshopId))) ?? undefined;
}

/** Compares in constant time, so the key cannot be guessed one character at a time. */
export async function isFacilitatorKey(store: EventStore, workshopId: string, candidate: string): Promise<boolean> {
  const key = await store.getFlag(flagName(workshopId));
  if (!key) return false;
  const expected = Buffer.from(key);
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
