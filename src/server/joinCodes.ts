import type { EventStore } from "./store/eventStore.js";

// No 0/O, 1/I/L: a code read off a wall must not be mistyped. 31^6 ≈ 887 million codes.
const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const JOIN_CODE_LENGTH = 6;

/** Upper-cases and drops spaces and dashes, so "abc-123" finds "ABC123". */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/** A short code people can type from a projector, unambiguous letters and digits, that no workshop holds. */
export async function newJoinCode(store: Pick<EventStore, "readLink">): Promise<string> {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(JOIN_CODE_LENGTH));
    const code = Array.from(bytes, (byte) => JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]).join("");
    if (!(await store.readLink({ type: "workshopOfJoinCode", code }))) return code;
  }
}
