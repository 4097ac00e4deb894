import type { WorkshopContent } from "../events.js";
import {
  type Card,
  DEFAULT_SETTINGS,
  setEntry,
  type WorkshopContext,
  type WorkshopSettings,
  type WorkshopState,
} from "../model.js";
import type { Phase } from "../phases.js";
import { DEFAULT_QUOTAS, type ParticipantQuotas, quotasOf } from "../quotas.js";
import { WORKSHOP_FORMAT, type WorkshopDocument } from "./schema.js";

type PrivacyKey = keyof NonNullable<WorkshopDocument["privacy"]>;
const PRIVACY_KEYS: PrivacyKey[] = ["anonymousCards", "showAuthors", "minVotersPerGroup", "breakdownsOnProjector"];

/** Turns a validated document into the content of a `workshopCreated` event. */
export function documentToContent(doc: WorkshopDocument, createdAt: string, joinCode = ""): WorkshopContent {
  const cards: Record<string, Card> = {};
  const addCard = (card: WorkshopDocument["unclusteredCards"][number]) => {
    setEntry(cards, card.id, { ...card });
    return card.id;
  };
  const themes = doc.themes.map(({ cards: themeCards, ...theme }) => ({
    ...theme,
    cardIds: themeCards.map(addCard),
  }));
  const unclustered = doc.unclusteredCards.map(addCard);
  const context: WorkshopContext = {
    title: doc.title,
    organization: doc.organization,
    preparedFor: doc.preparedFor,
    preparedBy: doc.preparedBy,
    event: doc.event,
    heldOn: doc.heldOn,
    reportDate: doc.reportDate,
    language: doc.language,
    ...optional("branding", doc.branding),
    facilitators: doc.facilitators,
    participantGroups: doc.participantGroups,
    overview: doc.overview,
    goal: doc.goal,
    focusQuestion: doc.focusQuestion,
    method: doc.method,
    reflections: doc.reflections,
    nextSteps: doc.nextSteps,
    ...optional("source", doc.source),
    ...optional("rationalAim", doc.rationalAim),
    ...optional("experientialAim", doc.experientialAim),
  };
  return {
    createdAt,
    phase: inferPhase(doc),
    context,
    settings: { ...DEFAULT_SETTINGS, ...doc.privacy, ...doc.quotas },
    cards,
    themes,
    unclustered,
    footnotes: doc.footnotes,
    participants: {},
    votes: doc.votes ?? [],
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

/** Writes the state as `workshop/v1`, in the field order of the reference example. */
export function stateToDocument(state: WorkshopState): WorkshopDocument {
  const { context } = state;
  const exportCard = (cardId: string) => {
    const card = state.cards.get(cardId);
    if (!card) throw new Error(`Card ${cardId} is on the board but not in the workshop`);
    return { id: card.id, text: card.text, ...optional("author", card.author), ...optional("group", card.group) };
  };
  return {
    format: WORKSHOP_FORMAT,
    title: context.title,
    organization: context.organization,
    preparedFor: context.preparedFor,
    preparedBy: context.preparedBy,
    event: context.event,
    heldOn: context.heldOn,
    reportDate: context.reportDate,
    language: context.language,
    ...optional("branding", context.branding),
    facilitators: context.facilitators,
    participantGroups: context.participantGroups,
    overview: context.overview,
    goal: context.goal,
    focusQuestion: context.focusQuestion,
    method: context.method,
    ...optional("rationalAim", context.rationalAim),
    ...optional("experientialAim", context.experientialAim),
    themes: state.themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      keyPoints: theme.keyPoints,
      headline: theme.headline,
      narrative: theme.narrative,
      cards: theme.cardIds.map(exportCard),
    })),
    unclusteredCards: state.unclustered.map(exportCard),
    footnotes: state.footnotes,
    reflections: context.reflections,
    nextSteps: context.nextSteps,
    ...optional("source", context.source),
    ...(state.votes.length > 0 ? { votes: state.votes } : {}),
    ...privacyOf(state.settings),
    ...changedQuotas(state),
  };
}

/** The privacy settings that differ from the defaults, so a file of a workshop that kept them all reads as before. */
function privacyOf(settings: WorkshopSettings): { privacy?: NonNullable<WorkshopDocument["privacy"]> } {
  const changed = PRIVACY_KEYS.filter(
    (key) => settings[key] !== undefined && settings[key] !== DEFAULT_SETTINGS[key],
  ).map((key) => [key, settings[key]]);
  return changed.length > 0 ? { privacy: Object.fromEntries(changed) } : {};
}

/** The quotas that differ from the defaults, so that a file of a workshop that kept them all stays as it was. */
function changedQuotas(state: WorkshopState): { quotas?: Partial<ParticipantQuotas> } {
  const quotas = quotasOf(state.settings);
  const changed = Object.entries(quotas).filter(
    ([key, value]) => DEFAULT_QUOTAS[key as keyof ParticipantQuotas] !== value,
  );
  return changed.length > 0 ? { quotas: Object.fromEntries(changed) } : {};
}

/** A file carries no phase: a named board resumes at naming's end, cards alone at clustering. */
function inferPhase(doc: WorkshopDocument): Phase {
  if (doc.themes.some((theme) => theme.headline || theme.narrative)) return "capture";
  if (doc.themes.some((theme) => theme.name)) return "name";
  if (doc.themes.length > 0 || doc.unclusteredCards.length > 0) return "cluster";
  return "context";
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
