const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attributes: user text is data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escapes a paragraph of user text, isolated as `isolate` does, and keeps its single line breaks. */
export function escapeLines(text: string): string {
  return `<bdi>${escapeHtml(text).replace(/\n/g, "<br>")}</bdi>`;
}

/**
 * User text, escaped and isolated (`<bdi>`): right-to-left words in a card or a theme name
 * cannot reorder the labels, numbers and punctuation around them.
 */
export function isolate(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}
