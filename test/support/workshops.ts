/**
 * Small shared helpers for tests of the domain core: fixed actors and clock, a blank workshop,
 * a way to play commands through `decide` + `reduce`, the board invariant, and JSON fixture
 * loading (src/core may not import node:*, so file access for tests under src/core lives here).
 */
import { existsSync, readFileSync } from "node:fs";
import {
  type Actor,
  blankContent,
  type Command,
  commandSchema,
  type DomainEvent,
  decide,
  emptyWorkshop,
  isOnBoard,
  reduce,
  reduceAll,
  type WorkshopState,
} from "../../src/core/index.js";

export const NOW = "2025-03-01T10:00:00.000Z";

/** A card of a workshop/v1 file. */
export const fileCard = (id: string, text: string) => ({ id, text });

/** A column of a workshop/v1 file, with its cards. */
export const fileColumn = (id: string, name: string, cards: { id: string; text: string }[]) => ({
  id,
  name,
  keyPoints: [],
  headline: "",
  narrative: "",
  cards,
});

/** A workshop/v1 file with every other field blank: the title, columns and pile a test needs. */
export function workshopDocument(content: {
  title: string;
  themes?: ReturnType<typeof fileColumn>[];
  unclusteredCards?: { id: string; text: string }[];
}) {
  return {
    format: "workshop/v1",
    title: content.title,
    organization: "",
    preparedFor: "",
    preparedBy: "",
    event: "",
    heldOn: "2025-03-15",
    reportDate: "2025-03-15",
    language: "en",
    facilitators: [],
    participantGroups: [],
    overview: "",
    goal: "",
    focusQuestion: "",
    method: "",
    themes: content.themes ?? [],
    unclusteredCards: content.unclusteredCards ?? [],
    footnotes: [],
    reflections: "",
    nextSteps: "",
  };
}
export const FACILITATOR: Actor = { role: "facilitator", id: "fac" };

export function participant(id: string): Actor {
  return { role: "participant", id };
}

/** A workshop right after its `workshopCreated` event: context phase, default settings, empty board. */
export function blankWorkshop(id = "w1", title = "Team retreat"): WorkshopState {
  return reduce(emptyWorkshop(id), {
    type: "workshopCreated",
    workshop: blankContent({ title, language: "en" }, NOW),
  });
}

/** Validates the command as the edge does, then decides at NOW; throws when the command is refused. */
export function eventsFor(state: WorkshopState, actor: Actor, command: Command): DomainEvent[] {
  const decided = decide(state, commandSchema.parse(command), actor, NOW);
  if (!decided.ok) {
    throw new Error(
      `${actor.role} ${actor.id} was refused ${command.type}: ${decided.error.code} ${decided.error.message}`,
    );
  }
  return decided.value;
}

/** Plays commands in order from one actor; throws on the first refusal. */
export function play(state: WorkshopState, actor: Actor, ...commands: Command[]): WorkshopState {
  let next = state;
  for (const command of commands) next = reduceAll(next, eventsFor(next, actor, command));
  return next;
}

/** Every card id on the board, in column order then pile order. */
export function boardCardIds(state: WorkshopState): string[] {
  return [...state.themes.flatMap((theme) => theme.cardIds), ...state.unclustered];
}

/**
 * The structural invariant of the board: every card of `state.cards` that is on the board sits
 * exactly once across the columns and the pile, cards still waiting in a brainstorm round
 * (`isOnBoard` false) sit nowhere, and nothing else sits there. Returns the problems found.
 */
export function boardProblems(state: WorkshopState): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const id of boardCardIds(state)) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const [id, count] of seen) {
    if (count > 1) problems.push(`card ${id} is on the board ${count} times`);
    const card = state.cards.get(id);
    if (!card) problems.push(`card ${id} is on the board but not in state.cards`);
    else if (!isOnBoard(card)) problems.push(`card ${id} is on the board but waits in a round (${card.stage})`);
  }
  for (const [id, card] of state.cards) {
    if (isOnBoard(card) && !seen.has(id)) problems.push(`card ${id} is in state.cards but not on the board`);
  }
  return problems;
}

/** The parsed JSON at `url`, or undefined when the file does not exist. */
export function readJsonIfPresent(url: URL): unknown {
  return existsSync(url) ? JSON.parse(readFileSync(url, "utf8")) : undefined;
}

export function fileExists(url: URL): boolean {
  return existsSync(url);
}

export function readText(url: URL): string {
  return readFileSync(url, "utf8");
}
