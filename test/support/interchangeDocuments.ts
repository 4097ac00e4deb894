import { expect } from "vitest";
import { documentToContent, stateToDocument } from "../../src/core/interchange/convert.js";
import type { WorkshopDocument } from "../../src/core/interchange/schema.js";
import { type ValidationIssue, validateWorkshopDocument } from "../../src/core/interchange/validate.js";
import type { WorkshopState } from "../../src/core/model.js";
import { reduce } from "../../src/core/reducer.js";
import { emptyWorkshop } from "../../src/core/workshop.js";
import { NOW } from "./workshops.js";

// workshop/v1 documents for the interchange tests: a generated one with hostile text everywhere,
// and the steps every test takes (import, export, validate, pick a theme or card).

/** Imports the document as the server does (one workshopCreated event) and exports it again. */
export function importState(doc: WorkshopDocument): WorkshopState {
  return reduce(emptyWorkshop("w1"), { type: "workshopCreated", workshop: documentToContent(doc, NOW) });
}

export function roundTrip(doc: WorkshopDocument): WorkshopDocument {
  return stateToDocument(importState(doc));
}

export function validDocument(input: unknown): WorkshopDocument {
  const result = validateWorkshopDocument(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateWorkshopDocument(input);
  if (result.ok) throw new Error("expected the document to be invalid");
  return result.error.issues;
}

export function themeAt(doc: WorkshopDocument, t: number): WorkshopDocument["themes"][number] {
  const theme = doc.themes[t];
  if (!theme) throw new Error(`fixture has no theme ${t}`);
  return theme;
}

export function cardAt(doc: WorkshopDocument, t: number, c: number): WorkshopDocument["unclusteredCards"][number] {
  const card = themeAt(doc, t).cards[c];
  if (!card) throw new Error(`fixture has no card ${c} in theme ${t}`);
  return card;
}

export function expectIssue(input: unknown, path: string, message: string): void {
  expect(issuesOf(input)).toContainEqual({ path, message: expect.stringContaining(message) });
}

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "🚀👩🏽‍💻🇨🇦 emoji, astral and joined",
  "שלום עולם — مرحبا بالعالم — RTL",
  `He said "stop" and 'left' \\ with a backslash`,
  "line one\nline two\r\nline three\u2028separator",
  "e\u0301 combining, zero\u200bwidth, tab\there",
  "'; DROP TABLE events; --",
  "{{constructor.constructor('alert(1)')()}}",
];

/** A 1×1 PNG, for the optional branding logo. */
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const hostile = (n: number): string => HOSTILE[n % HOSTILE.length] ?? "plain";

/**
 * A valid workshop with `themeCount` themes of `cardsPerTheme` cards, hostile text everywhere
 * that takes text, optional fields, votes and footnotes. Card ids run backwards so that a
 * sorted export would show.
 */
export function generatedDocument(themeCount = 12, cardsPerTheme = 25): WorkshopDocument {
  const themes = Array.from({ length: themeCount }, (_, t) => ({
    id: `theme-${themeCount - t}`,
    name: `${hostile(t)} #${t}`,
    keyPoints: [hostile(t + 1), hostile(t + 2)],
    headline: t % 3 === 0 ? "" : hostile(t + 3),
    narrative: t % 2 === 0 ? `${hostile(t)}\n\n${hostile(t + 4)}` : "",
    cards: Array.from({ length: cardsPerTheme }, (_, c) => ({
      id: `card-${t}-${cardsPerTheme - c}`,
      text: `${hostile(t * cardsPerTheme + c)} (${t}/${c})`,
      ...(c % 3 === 0 ? { author: hostile(c) } : {}),
      ...(c % 4 === 1 ? { group: `Groupe « ${c % 5} »` } : {}),
    })),
  }));
  return {
    format: "workshop/v1",
    title: `Atelier ${hostile(0)} ${hostile(3)}`,
    organization: hostile(1),
    preparedFor: hostile(2),
    preparedBy: hostile(4),
    event: hostile(5),
    heldOn: "2024-02-29",
    reportDate: "2024-03-01",
    language: "fr",
    branding: { accentColor: "#1F6F8B", logo: { mediaType: "image/png", dataBase64: TINY_PNG } },
    facilitators: [{ name: hostile(3), organization: hostile(6) }],
    participantGroups: [hostile(4), hostile(0)],
    overview: HOSTILE.join("\n"),
    goal: hostile(6),
    focusQuestion: hostile(7),
    method: hostile(8),
    rationalAim: hostile(9),
    experientialAim: hostile(1),
    themes,
    unclusteredCards: [
      { id: "loose-2", text: hostile(0) },
      { id: "loose-1", text: hostile(2), author: hostile(4), group: hostile(5) },
    ],
    footnotes: [
      { mark: "*", text: hostile(0) },
      { mark: "1", text: hostile(1) },
    ],
    reflections: hostile(2),
    nextSteps: hostile(3),
    source: hostile(4),
    votes: [
      { themeId: `theme-${themeCount}`, voterId: "p-1", count: 2 },
      { themeId: "theme-1", voterId: "p-2", count: 3 },
      { themeId: "theme-1", voterId: "proxy:Show of hands", count: 12, proxy: true },
    ],
  };
}
