import { createHash } from "node:crypto";

/**
 * A phone names itself with a random id that it keeps (localStorage), so that after a reload or a
 * dropped connection it comes back as the same person. The room sees the ids of cards' authors
 * and of voters, so the id it sees is a hash of the phone's: knowing someone's public id does not
 * let anyone say hello as them, edit their cards or spend their votes.
 */
export function publicParticipantId(deviceId: string): string {
  return `p-${createHash("sha256").update(`concord participant\u0000${deviceId}`).digest("base64url").slice(0, 22)}`;
}
