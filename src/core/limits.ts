/** Hard upper bounds on user text, whatever a workshop's own settings say. */
export const LIMITS = {
  id: 100,
  shortText: 500,
  /** A line read from the back of the room: one sentence. */
  instruction: 160,
  cardText: 2000,
  longText: 50_000,
  keyPoints: 20,
  listItems: 200,
  cardsPerWorkshop: 20_000,
  themesPerWorkshop: 500,
} as const;
