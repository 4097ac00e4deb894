import type { CampaignLink } from "./campaign.js";
import type { ContextPatch, SettingsPatch } from "./commands.js";
import type {
  Card,
  CardPlace,
  Footnote,
  NameProposal,
  Participant,
  Round,
  Table,
  Theme,
  Timer,
  Vote,
  WorkshopContext,
  WorkshopSettings,
  WorkshopState,
} from "./model.js";
import type { Phase } from "./phases.js";
import type { CardPace } from "./quotas.js";

/**
 * The full content a workshop starts from (a new blank one or an imported file), as the log keeps
 * it: plain JSON, its cards a `{id: card}` record.
 */
export type WorkshopContent = Omit<WorkshopState, "id" | "cards"> & { cards: Record<string, Card> };

/** A whole state as JSON carries it (a snapshot, the wire): its cards a plain record. */
export type SerializedState = WorkshopContent & { id: string };

/**
 * What happened, in past tense. Events are facts: the reducer applies them without checks.
 * Each carries what it replaced (`previous`, `from`, the removed thing) so that undo and replay
 * can be computed from the log alone.
 */
export type DomainEvent =
  | { type: "workshopCreated"; workshop: WorkshopContent }
  | { type: "contextUpdated"; patch: ContextPatch; previous: Partial<WorkshopContext> }
  | { type: "settingsUpdated"; patch: SettingsPatch; previous: Partial<WorkshopSettings> }
  | { type: "phaseChanged"; phase: Phase; previous: Phase }
  /** `text` and `previous` are "" for the phase's default line. */
  | { type: "instructionSet"; phase: Phase; text: string; previous: string }
  | { type: "participantJoined"; participant: Participant; previous?: Participant }
  /**
   * `place` is null for a card that waits off the board for its round. `pace`: a participant's
   * minute of cards with this one counted (quotas.ts), absent for the facilitator's and restored cards.
   */
  | { type: "cardAdded"; card: Card; place: CardPlace | null; pace?: CardPace }
  | { type: "cardEdited"; cardId: string; text: string; previous: string }
  | { type: "cardRemoved"; card: Card; place: CardPlace | null }
  | { type: "cardMoved"; cardId: string; from: CardPlace; to: CardPlace }
  | { type: "cardsMerged"; source: Card; sourcePlace: CardPlace; targetCardId: string; text: string; previous: string }
  | { type: "tableAdded"; table: Table }
  | { type: "tableRemoved"; table: Table; index: number }
  | { type: "roundStarted"; round: Round; previousActiveRoundId: string | null }
  | { type: "roundRevealed"; roundId: string; cardIds: string[] }
  | { type: "tableCardsSubmitted"; tableId: string; roundId: string; cardIds: string[]; discarded: Card[] }
  | { type: "timerStarted"; timer: Timer; previous: Timer | null }
  | { type: "timerStopped"; previous: Timer }
  /** `gathered`: the cards taken into it (in `theme.cardIds` order), each from where it stood as the ones before left. */
  | { type: "themeCreated"; theme: Theme; index: number; gathered?: { cardId: string; from: CardPlace }[] }
  /** `votes` are the dots that were on the theme, dropped with it (kept for undo). */
  | { type: "themeDeleted"; theme: Theme; index: number; votes: Vote[] }
  | { type: "themeMoved"; themeId: string; from: number; to: number }
  | { type: "themesMerged"; source: Theme; sourceIndex: number; targetThemeId: string; votes: Vote[] }
  | { type: "themeNamed"; themeId: string; name: string; previous: string }
  | { type: "keyPointsSet"; themeId: string; keyPoints: string[]; previous: string[] }
  | { type: "headlineSet"; themeId: string; headline: string; previous: string }
  | { type: "narrativeSet"; themeId: string; narrative: string; previous: string }
  | { type: "footnoteSet"; footnote: Footnote; previous?: Footnote }
  | { type: "footnoteRemoved"; footnote: Footnote; index: number }
  | { type: "voteCast"; vote: Vote; previous: number }
  | { type: "votingOpened" }
  | { type: "votingClosed" }
  | { type: "resultsRevealed"; revealed: boolean }
  | { type: "nameProposed"; proposal: NameProposal }
  | { type: "nameProposalWithdrawn"; proposal: NameProposal }
  | { type: "themeSpotlighted"; themeId: string | null; previous: string | null }
  | { type: "writerSet"; participantId: string; writer: boolean; previous: boolean }
  /** Puts a deleted or merged-away column back where it was, with its cards and dots. */
  | { type: "themeRestored"; theme: Theme; index: number; votes: Vote[] }
  /** A new join code (joinCodes.ts): the old one, `previous`, opens the workshop no more. */
  | { type: "joinCodeChanged"; joinCode: string; previous: string }
  /** A workshop of the campaign started from this one's themes (`src/core/campaign.ts`). */
  | { type: "followUpStarted"; link: CampaignLink }
  /** The board's undo: the events that took back the newest undo point, applied as one. */
  | { type: "undoApplied"; events: DomainEvent[] };

export type DomainEventType = DomainEvent["type"];
