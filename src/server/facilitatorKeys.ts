import { randomBytes, timingSafeEqual } from "node:crypto";
import { hashToken } from "./auth/tokenHash.js";
import type { EventStore } from "./store/eventStore.js";

// Until facilitator accounts exist, holding a workshop's key is what makes a connection its
// facilitator. The key is a secret, so it lives beside the log, never in the workshop state that
// every participant receives, and only its hash is stored, like a session token's: the key is
// shown once, when it is issued, and cannot be read back.

/** Creates a new random key for the workshop, replacing any earlier one, and returns it. */
export async function issueFacilitatorKey(store: EventStore, workshopId: string): Promise<string> {
  const key = randomBytes(24).toString("base64url");
  await store.writeLink({ type: "setFacilitatorKeyHash", workshopId, keyHash: hashToken(key) });
  return key;
}

/** Compares the hashes in constant time, so a key cannot be guessed one character at a time. */
export async function isFacilitatorKey(store: EventStore, workshopId: string, candidate: string): Promise<boolean> {
  const stored = await store.readLink({ type: "facilitatorKeyHash", workshopId });
  if (!stored) return false;
  const expected = Buffer.from(stored);
  const given = Buffer.from(hashToken(candidate));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
