import type { Actor, DomainEvent, WorkshopState } from "../../core/index.js";
import { revivedState } from "../../core/index.js";
import type { NewEvents } from "./eventStore.js";

// What the EventStore contract's suites write: actors, events, batches and a full state, and
// text that has broken stores before.

export const facilitator: Actor = { role: "facilitator", id: "fac-1" };
export const participant: Actor = { role: "participant", id: "p-1" };

export const MARKUP = "<img src=x onerror=alert(1)>";
export const SQL = "'; DROP TABLE events; --";
export const UNICODE = "Équipe café naïve — 你好 — שלום — 🚀👩🏽‍💻🇨🇦";

/** Text that has broken stores before: markup, SQL, quotes and backslashes, astral emoji, combining marks, RTL. */
export const HOSTILE_TEXTS = [
  MARKUP,
  SQL,
  'He said "stop" \\ then left',
  UNICODE,
  "e\u0301 combining, zero\u200bwidth, line\u2028separator, tab\tnewline\n",
];

export function cardAdded(id: string, text: string, index = 0): DomainEvent {
  return {
    type: "cardAdded",
    card: { id, text, authorId: participant.id, author: "Ana" },
    place: { themeId: null, index },
  };
}

/** A batch with sensible defaults: facilitator, fixed clock, one event per call site. */
export function batch(overrides: Partial<NewEvents> & Pick<NewEvents, "expectedSeq" | "commandId">): NewEvents {
  return {
    workshopId: "w1",
    at: "2025-03-01T10:00:00.000Z",
    actor: facilitator,
    events: [cardAdded("c1", "More daylight in the meeting rooms")],
    title: "Team retreat",
    ...overrides,
  };
}

export function sampleState(id: string, cardText: string): WorkshopState {
  return revivedState({
    id,
    createdAt: "2025-03-01T09:00:00.000Z",
    phase: "cluster",
    context: {
      title: "Team retreat",
      organization: "Rivière & Co",
      preparedFor: "Board",
      preparedBy: "Facilitation team",
      event: "Spring retreat",
      heldOn: "2025-03-01",
      reportDate: "2025-03-02",
      language: "fr",
      facilitators: [{ name: "Zoë", organization: "Rivière & Co" }],
      participantGroups: ["Ops", "R&D"],
      overview: "",
      goal: "Agree on next year's priorities",
      focusQuestion: "What should we do to work better together?",
      method: "ToP consensus workshop",
      reflections: "",
      nextSteps: "",
    },
    settings: {
      anonymousCards: false,
      participantsMayMoveCards: true,
      cardMaxLength: 140,
      voteBudget: 3,
      votesPerThemeCap: 2,
      brainstormMode: "open",
      useTables: false,
    },
    cards: {
      c1: { id: "c1", text: cardText, authorId: "p-1", author: "Ana", group: "Ops" },
      c2: { id: "c2", text: "Shared calendar" },
    },
    themes: [{ id: "t1", name: "Space", keyPoints: ["light"], headline: "", narrative: "", cardIds: ["c1"] }],
    unclustered: ["c2"],
    footnotes: [{ mark: "*", text: cardText }],
    participants: { "p-1": { id: "p-1", name: "Ana", group: "Ops" } },
    votes: [{ voterId: "p-1", themeId: "t1", count: 2 }],
    voting: { status: "open", revealed: false },
    nameProposals: [{ id: "np1", themeId: "t1", text: "Let the light in", authorId: "p-1" }],
    undoStack: [{ eventType: "cardMoved", inverse: [{ type: "moveCard", cardId: "c1", toThemeId: null, toIndex: 0 }] }],
    tables: [{ id: "t-a", name: "Table A" }],
    rounds: [{ id: "r1", prompt: "Your 3 clearest ideas", perTable: 3, revealed: true, readyTableIds: ["t-a"] }],
    activeRoundId: "r1",
    timer: { endsAt: "2026-01-01T10:05:00.000Z", durationSeconds: 300 },
    joinCode: "ABC234",
  });
}
