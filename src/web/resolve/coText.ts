import { mergeTexts } from "../../core/index.js";

/**
 * One person's side of a text several people write at once (a theme's headline or narrative).
 * `draft` is what the writer sees, `base` the server's text it grew from. An edit goes out with
 * its base, so the server merges it with what others wrote meanwhile; a real overlap comes back as
 * a `conflict`, which keeps both texts for the writer to choose from. Nothing is ever dropped.
 */
export interface CoText {
  draft: string;
  base: string;
  /** The draft that went out and waits for its answer; null when none is in flight. */
  sent: string | null;
  /** Both texts, when an edit overlapped someone else's: the writer must choose. */
  conflict: { mine: string; theirs: string } | null;
}

export function startCoText(server: string): CoText {
  return { draft: server, base: server, sent: null, conflict: null };
}

/** True when the writer has something the server does not. */
export function isDirty(co: CoText): boolean {
  return co.draft !== co.base || co.sent !== null || co.conflict !== null;
}

/**
 * The server's text changed (someone else's edit arrived). A clean editor follows it; a dirty
 * one takes it in when the two edits touch different places, so the writer sees the other's
 * words at once; otherwise it waits, and the conflict shows when the writer's edit is answered.
 */
export function serverChanged(co: CoText, server: string): CoText {
  if (co.conflict) return { ...co, conflict: { ...co.conflict, theirs: server } };
  if (co.sent !== null || server === co.base) return co;
  if (co.draft === co.base) return startCoText(server);
  const merged = mergeTexts(co.base, co.draft, server);
  return merged === undefined ? co : { ...co, draft: merged, base: server };
}

/**
 * The writer typed into a box that showed `shown`, making it `typed`. The box can lag behind the
 * draft by a render: others' words (or the answer to an edit) reached the draft, and a keystroke
 * came before the screen showed them. The keystroke is then carried onto the draft; taking the
 * box's text as it is would drop those words, and the next edit, sent with a base that has them,
 * would erase them from everyone's text. A keystroke that overlaps them is not taken: the box
 * then shows the newer text, and the writer types again.
 */
export function edited(co: CoText, shown: string, typed: string): CoText {
  if (shown === co.draft) return { ...co, draft: typed };
  const merged = mergeTexts(shown, typed, co.draft);
  return merged === undefined ? co : { ...co, draft: merged };
}

/** The edit to send now, if any: one at a time, never while a conflict waits for the writer. */
export function commit(co: CoText): { co: CoText; text: string; base: string } | undefined {
  if (co.sent !== null || co.conflict || co.draft === co.base) return undefined;
  return { co: { ...co, sent: co.draft }, text: co.draft, base: co.base };
}

/**
 * The edit was committed; `server` is the text now (the edit merged with others'). Typing that
 * happened meanwhile is carried over onto it.
 */
export function acknowledged(co: CoText, server: string): CoText {
  if (co.sent === null) return co;
  if (co.draft === co.sent) return startCoText(server);
  const merged = mergeTexts(co.sent, co.draft, server);
  // Unmergeable: keep the draft on its own base; the next edit comes back as a conflict.
  return merged === undefined
    ? { ...co, sent: null, base: co.sent }
    : { draft: merged, base: server, sent: null, conflict: null };
}

/** The server refused the edit as overlapping someone else's: show both texts. */
export function conflicted(co: CoText, server: string): CoText {
  return { ...co, sent: null, conflict: { mine: co.draft, theirs: server } };
}

/**
 * Refused for another reason (no longer invited, theme gone): the draft stays, unsent, for the
 * writer to see and copy; the editor says why and does not retry on its own.
 */
export function failed(co: CoText): CoText {
  return { ...co, sent: null };
}

/** The writer settled a conflict with `text` (theirs, mine, or a merge by hand) against `server`. */
export function chosen(_co: CoText, text: string, server: string): CoText {
  return { draft: text, base: server, sent: null, conflict: null };
}

/**
 * Where the caret goes when the text changes under it: it stays put when the change is after
 * it, and moves with the text when the change is before it.
 */
export function shiftCaret(before: string, after: string, caret: number): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  if (caret <= prefix) return caret;
  return Math.max(prefix, Math.min(after.length, caret + after.length - before.length));
}
