const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attributes: user text is data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escapes a paragraph and keeps its single line breaks. */
export function escapeLines(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}
