/**
 * A three-way merge of two edits of one text, for co-writing a theme's headline or narrative.
 * Each side's change is the span between the common prefix and suffix it shares with the base;
 * changes to separate spans both apply, overlapping ones are a conflict. Enough for two people
 * editing different sentences; overlapping edits are shown to the writer rather than lost.
 */
export function mergeTexts(base: string, mine: string, theirs: string): string | undefined {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  const a = changedSpan(base, mine);
  const b = changedSpan(base, theirs);
  // Touching or overlapping spans cannot be ordered safely.
  if (a.end <= b.start && !(a.start === b.start && a.end === b.end)) {
    return base.slice(0, a.start) + a.text + base.slice(a.end, b.start) + b.text + base.slice(b.end);
  }
  if (b.end <= a.start) {
    return base.slice(0, b.start) + b.text + base.slice(b.end, a.start) + a.text + base.slice(a.end);
  }
  return undefined;
}

/** The part of `base` that `edited` replaced, and what replaced it. */
function changedSpan(base: string, edited: string): { start: number; end: number; text: string } {
  let start = 0;
  while (start < base.length && start < edited.length && base[start] === edited[start]) start++;
  let fromEnd = 0;
  while (
    fromEnd < base.length - start &&
    fromEnd < edited.length - start &&
    base[base.length - 1 - fromEnd] === edited[edited.length - 1 - fromEnd]
  ) {
    fromEnd++;
  }
  return { start, end: base.length - fromEnd, text: edited.slice(start, edited.length - fromEnd) };
}
