import type { FullText, ReportTheme } from "./model.js";

/** A theme name longer than this takes a grid's whole header row: the grid shows its start. */
export const MAX_GRID_NAME = 90;
/** A card longer than this would fill a grid column on its own: the grid shows its start. */
export const MAX_GRID_CARD = 320;

/**
 * The themes as a paged grid shows them (PDF, DOCX): names and cards longer than a column can
 * hold are cut at a word and followed by "… [n]", and their full text is listed once, under n,
 * after the grid. Nothing is lost; the grid stays a grid.
 */
export function shortenForGrid(themes: ReportTheme[]): { themes: ReportTheme[]; fullTexts: FullText[] } {
  const fullTexts: FullText[] = [];
  const shorten = (text: string, max: number) => {
    if (text.length <= max) return text;
    const ref = fullTexts.length + 1;
    fullTexts.push({ ref, text });
    return `${cutAtWord(text, Math.round(max * 0.7))}… [${ref}]`;
  };
  const shortened = themes.map((theme) => ({
    ...theme,
    name: shorten(theme.name, MAX_GRID_NAME),
    cards: theme.cards.map((card) => ({ ...card, text: shorten(card.text, MAX_GRID_CARD) })),
  }));
  return { themes: shortened, fullTexts };
}

/** The first `length` characters of `text`, ended at the last space if there is one near the end. */
function cutAtWord(text: string, length: number): string {
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((g) => g.segment);
  const head = graphemes.slice(0, length).join("");
  const space = head.search(/\s\S*$/);
  return (space > length * 0.6 ? head.slice(0, space) : head).trimEnd();
}
