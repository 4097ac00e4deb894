/** Join codes are six characters from an alphabet without look-alikes (no 0, 1, I, L, O). */
export const JOIN_CODE_LENGTH = 6;

/**
 * What a person typed or pasted, as a join code: upper case, without spaces, dashes or other
 * separators. A pasted join link (`…/join/abc-234`) gives its code. The server normalises the
 * same way, so this only makes the input forgiving and the URL canonical.
 */
export function cleanJoinCode(input: string): string {
  const fromLink = /\/join\/([^/?#\s]+)/i.exec(input)?.[1];
  return (fromLink ?? input)
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, JOIN_CODE_LENGTH);
}

/** True when the code has the length of a join code; the server says whether it exists. */
export function isCompleteJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH;
}
