/**
 * User text for a place that takes only a string — a `title`, an `<option>`, the document's title,
 * a notice built as a string — between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE
 * (U+2069): what `<bdi>` does for an element. A right-to-left override (U+202E) typed into it then
 * reorders only itself, never the words after it, and the text takes its own direction.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
