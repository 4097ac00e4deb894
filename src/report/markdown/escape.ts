/** Inline syntax: emphasis, code, links and images, raw HTML, strike-through, "#" (a heading's closing marks), and the escape itself. */
const INLINE = /[\\`*_[\]<>~#]/g;
/**
 * What starts one of GFM's bare autolinks ("https:", "www.", the "@" of an e-mail address, also a
 * GitHub mention): escaped, it stays text, and a "\>" after it is not swallowed into a URL.
 */
const AUTOLINK = /\b(https?|ftp|mailto|xmpp)(:)|\b(www)(\.)|(@)/gi;
/** An entity reference such as `&amp;` or `&#169;`, which Markdown would decode. */
const ENTITY = /&(?=#?[a-zA-Z0-9]+;)/g;

/**
 * Escapes user text for Markdown so it reads as the characters typed: inline syntax is
 * backslash-escaped, and so is whatever would start a block at the start of a line (heading,
 * list, quote, setext underline, and "|" or ":" that could start a table's delimiter row).
 * In a table cell every "|" is escaped instead, since it would end the cell.
 */
function escapeText(text: string, pipes: "everywhere" | "lineStart"): string {
  const inline = text
    .replace(INLINE, "\\$&")
    .replace(ENTITY, "&amp;")
    .replace(AUTOLINK, (_, scheme, colon, www, dot, at) =>
      scheme ? `${scheme}\\${colon}` : www ? `${www}\\${dot}` : `\\${at}`,
    );
  const piped = pipes === "everywhere" ? inline.replace(/\|/g, "\\|") : inline;
  const blockStart = pipes === "everywhere" ? /^(\s*)([+\-=:])/gm : /^(\s*)([+\-=:|])/gm;
  return (
    piped
      .replace(blockStart, "$1\\$2")
      // An ordered-list marker is a number then "." or ")": escaping the punctuation is what CommonMark allows.
      .replace(/^(\s*\d+)([.)])/gm, "$1\\$2")
  );
}

/** Escapes a paragraph and keeps its single line breaks as hard breaks (a trailing backslash). */
export function escapeParagraph(text: string): string {
  return escapeText(text, "lineStart").replace(/\r?\n/g, "\\\n");
}

/** Escapes text that must stay on one line, such as a heading or a list item. */
export function escapeInline(text: string): string {
  return escapeText(text.replace(/\s*\r?\n\s*/g, " "), "lineStart");
}

/** Escapes one table cell: no line may break the row, so line breaks become `<br>` (GitHub renders it). */
export function escapeCell(text: string): string {
  return escapeText(text, "everywhere").replace(/\r?\n/g, "<br>");
}
