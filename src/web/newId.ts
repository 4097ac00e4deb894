/**
 * A fresh random id for a command, card, column, round or device: a version 4 UUID, the same
 * shape as the ids the server makes.
 *
 * Built from `crypto.getRandomValues`, which every page has, and never `crypto.randomUUID`,
 * which browsers give only to secure contexts (HTTPS or localhost): phones in the room open the
 * app over plain HTTP at the laptop's network address, where it is undefined.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // The version (4: random) and variant (RFC 9562) bits.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
