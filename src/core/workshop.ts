import { cardMapOf } from "./cardMap.js";
import type { SerializedState, WorkshopContent } from "./events.js";
import { DEFAULT_SETTINGS, type Language, type WorkshopState } from "./model.js";

/** The state before its `workshopCreated` event: only the id is known. */
export function emptyWorkshop(id: string): WorkshopState {
  return revivedState({ id, ...blankContent({ title: "", language: "en" }, "") });
}

/** Content of a workshop created from scratch; `now` is an ISO timestamp supplied by the caller. */
export function blankContent(
  input: { title: string; language: Language },
  now: string,
  joinCode = "",
): WorkshopContent {
  const today = now.slice(0, 10);
  return {
    createdAt: now,
    phase: "context",
    context: {
      title: input.title,
      organization: "",
      preparedFor: "",
      preparedBy: "",
      event: "",
      heldOn: today,
      reportDate: today,
      language: input.language,
      facilitators: [],
      participantGroups: [],
      overview: "",
      goal: "",
      focusQuestion: "",
      method: "",
      reflections: "",
      nextSteps: "",
    },
    settings: DEFAULT_SETTINGS,
    cards: {},
    themes: [],
    unclustered: [],
    footnotes: [],
    participants: {},
    votes: [],
    voting: { status: "closed", revealed: false },
    nameProposals: [],
    undoStack: [],
    tables: [],
    rounds: [],
    activeRoundId: null,
    timer: null,
    joinCode,
  };
}

/** A state read back from JSON (a snapshot, the wire), with its cards a map again. */
export function revivedState(serialized: SerializedState): WorkshopState {
  return { ...serialized, cards: cardMapOf(serialized.cards) };
}
