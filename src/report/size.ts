import type { ReportSource } from "./buildReport.js";

/**
 * The largest workshop the server renders a report of. Rendering grows with the text: a PDF of a
 * few thousand cards takes seconds and hundreds of megabytes, so past these a request is refused
 * with a clear answer instead of holding a worker and the machine's memory for a minute. The CLI
 * renders any size (the person running it owns the machine).
 */
export const REPORT_LIMITS = { cards: 10_000, characters: 2_000_000 } as const;

/** How big a report of this source would be: its cards and the characters of all its text. */
export function reportSize(source: ReportSource): { cards: number; characters: number } {
  let cards = 0;
  let characters = 0;
  const count = (text: string) => {
    characters += text.length;
  };
  if ("format" in source) {
    for (const theme of source.themes) {
      for (const card of theme.cards) count(card.text);
      cards += theme.cards.length;
      count(theme.narrative);
    }
    for (const card of source.unclusteredCards) count(card.text);
    cards += source.unclusteredCards.length;
  } else {
    for (const card of source.cards.values()) count(card.text);
    cards += source.cards.size;
    for (const theme of source.themes) count(theme.narrative);
  }
  const context = "format" in source ? source : source.context;
  for (const value of Object.values(context)) if (typeof value === "string") count(value);
  return { cards, characters };
}

/** Why this source is too big to render on the server, in words for its facilitator; undefined if it is not. */
export function tooLargeToRender(source: ReportSource): string | undefined {
  const { cards, characters } = reportSize(source);
  if (cards > REPORT_LIMITS.cards)
    return `This workshop has ${cards} cards; the server renders reports of at most ${REPORT_LIMITS.cards}. Export it as JSON and run \`concord report\` on it.`;
  if (characters > REPORT_LIMITS.characters)
    return `This workshop holds ${characters} characters of text; the server renders reports of at most ${REPORT_LIMITS.characters}. Export it as JSON and run \`concord report\` on it.`;
  return undefined;
}
