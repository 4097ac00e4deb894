/**
 * A big board for the board bench and the browser tests: `cards` cards, a tenth of them on the
 * pile and the rest spread over twelve named columns, as a workshop/v1 document. The card texts
 * are those of the labelled workshops in bench/data, numbered, so that their lengths (and so
 * the board's layout) are those of real cards.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { type WorkshopDocument, workshopDocumentSchema } from "../../src/core/index.js";
import { REPO_ROOT } from "./server.js";

export const BOARD_COLUMNS = 12;

const DATA = join(REPO_ROOT, "bench/data");

// Only the texts are read: the labelled files carry their evaluation labels beside workshop/v1.
const cards = z.array(z.object({ text: z.string() }));
const labelledFile = z.object({ themes: z.array(z.object({ cards })), unclusteredCards: cards });

/** Every card text of the labelled workshops, in file order. */
function sampleTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(DATA)
    .filter((name) => name.endsWith(".workshop.json"))
    .sort()) {
    const doc = labelledFile.parse(JSON.parse(readFileSync(join(DATA, file), "utf8")));
    for (const theme of doc.themes) texts.push(...theme.cards.map((card) => card.text));
    texts.push(...doc.unclusteredCards.map((card) => card.text));
  }
  return texts;
}

/**
 * Card ids end with a letter, so that one never contains another ("k12z" is not in "k120z"):
 * the page probe recognises the frame that moves a card by its id.
 */
export const benchCardId = (index: number) => `k${index}z`;

/** A workshop/v1 document with `cards` cards: the pile first, then the columns in turn. */
export function boardDocument(cards: number): WorkshopDocument {
  const texts = sampleTexts();
  const card = (index: number) => ({
    id: benchCardId(index),
    text: `${texts[index % texts.length] ?? "Card"} (${index + 1})`,
  });
  const onPile = Math.floor(cards / 10);
  const themes = Array.from({ length: BOARD_COLUMNS }, (_, column) => ({
    id: `col${column}`,
    name: `Column ${column + 1}`,
    keyPoints: [],
    headline: "",
    narrative: "",
    cards: [] as { id: string; text: string }[],
  }));
  for (let index = onPile; index < cards; index++) themes[(index - onPile) % BOARD_COLUMNS]?.cards.push(card(index));
  return workshopDocumentSchema.parse({
    format: "workshop/v1",
    title: `Board bench, ${cards} cards`,
    organization: "",
    preparedFor: "",
    preparedBy: "Concord bench",
    event: "",
    heldOn: "2026-12-07",
    reportDate: "2026-12-07",
    language: "en",
    facilitators: [],
    participantGroups: [],
    overview: "",
    goal: "",
    focusQuestion: "What would make big boards fluid?",
    method: "",
    themes,
    unclusteredCards: Array.from({ length: onPile }, (_, index) => card(index)),
    footnotes: [],
    reflections: "",
    nextSteps: "",
  });
}
