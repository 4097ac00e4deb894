/**
 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): characters that reorder
 * the text after them, up to the end of the paragraph, so that "\u202Egnp.exe.kraP" reads as
 * "Park.exe.png". The marks U+200E, U+200F and U+061C stay: right-to-left writers need them,
 * and they reorder nothing beyond their neighbours.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * User text with each bidi control shown as its code point ("[U+202E]"): the report shows what
 * was typed, in the order it was typed, in every format, and a reader sees that a control was there.
 */
export function neutralizeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `[U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}]`);
}

/** A copy of `value` with every string in it neutralized: for the plain data a report is built from. */
export function neutralizeDeep<T>(value: T): T {
  if (typeof value === "string") return neutralizeBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(neutralizeDeep) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, neutralizeDeep(item)])) as T;
  return value;
}
