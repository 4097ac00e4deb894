import type { CampaignPlace } from "./campaign.js";
import type { CardMap } from "./cardMap.js";
// A type-only cycle with commands.ts: erased at compile time, so no module cycle at run time.
import type { Command } from "./commands.js";
import { DEFAULT_MIN_VOTERS_PER_GROUP } from "./groupBreakdown.js";
import type { Instructions } from "./instructions.js";
import type { Phase } from "./phases.js";
import { type CardPace, DEFAULT_QUOTAS } from "./quotas.js";

/** The two kinds of people in a session. Accounts and tokens live at the edge, not here. */
export type Role = "facilitator" | "participant";

/** Who sent a command: the server derives it from the connection, never from the command. */
export interface Actor {
  role: Role;
  id: string;
}

export type Language = "en" | "fr";

export interface Facilitator {
  name: string;
  organization: string;
}

/** Front matter and framing of the session, as the capture report shows it. */
export interface WorkshopContext {
  title: string;
  organization: string;
  preparedFor: string;
  preparedBy: string;
  event: string;
  heldOn: string;
  reportDate: string;
  language: Language;
  facilitators: Facilitator[];
  participantGroups: string[];
  overview: string;
  goal: string;
  focusQuestion: string;
  method: string;
  reflections: string;
  nextSteps: string;
  source?: string;
  rationalAim?: string;
  experientialAim?: string;
  /** The organization's accent colour and logo, used by every report format. */
  branding?: Branding;
}

/** An organization's look in its reports: an accent colour and an optional embedded logo (never a URL). */
export interface Branding {
  /** `#RRGGBB` */
  accentColor: string;
  logo?: { mediaType: "image/png" | "image/jpeg"; dataBase64: string };
}

/**
 * How cards come in: `open` shows each card as it is sent; `rounds` collects the cards of a
 * round (and, with tables, lets each table pick its cards) and shows them when revealed.
 */
export type BrainstormMode = "open" | "rounds";

/** How the room runs; not part of the report. */
export interface WorkshopSettings {
  anonymousCards: boolean;
  participantsMayMoveCards: boolean;
  cardMaxLength: number;
  voteBudget: number;
  votesPerThemeCap: number;
  brainstormMode: BrainstormMode;
  /** Participants sit at tables (small groups) and pick a table when they join. */
  useTables: boolean;
  // The three below came after workshops were first stored: their logs and snapshots lack them,
  // so they are optional here and read through `privacySettings`.
  /** Results by group or by table show no group of fewer voters (groupBreakdown.ts). */
  minVotersPerGroup?: number;
  /** The projector and the phones show the results by group and by table, not only the console. */
  breakdownsOnProjector?: boolean;
  /** The console, the projector and the report name each card's author (never without names: `anonymousCards`). */
  showAuthors?: boolean;
  // Participant quotas (quotas.ts): absent in workshops from before they existed, where the
  // defaults apply (`quotasOf`).
  cardsPerMinute?: number;
  cardsPerParticipant?: number;
  newParticipantsPerMinute?: number;
}

/** The privacy settings of a workshop, with their defaults where its log predates them. */
export function privacySettings(
  settings: WorkshopSettings,
): Required<Pick<WorkshopSettings, "minVotersPerGroup" | "breakdownsOnProjector" | "showAuthors">> {
  return {
    minVotersPerGroup: settings.minVotersPerGroup ?? DEFAULT_MIN_VOTERS_PER_GROUP,
    breakdownsOnProjector: settings.breakdownsOnProjector ?? false,
    showAuthors: (settings.showAuthors ?? false) && !settings.anonymousCards,
  };
}

export interface Card {
  id: string;
  text: string;
  /** Participant id of the author; absent for cards typed in by the facilitator or imported. */
  authorId?: string;
  /** Display name of the author as it should appear in exports (absent when anonymous). */
  author?: string;
  /** Participant group the card came from, when known. */
  group?: string;
  /** The brainstorm round the card was written in. */
  roundId?: string;
  /** The table that wrote it, in table mode. */
  tableId?: string;
  /**
   * Off the board until its round is revealed: a `candidate` waits for its table to pick it,
   * a `submitted` card for the reveal. Absent for cards on the board.
   */
  stage?: "candidate" | "submitted";
}

/** A column of the board; it becomes a named theme in the name phase. */
export interface Theme {
  id: string;
  name: string;
  keyPoints: string[];
  headline: string;
  narrative: string;
  /** Card ids in board order. */
  cardIds: string[];
  /** Until a column is named it is told apart by a symbol (shape and colour), by index. */
  symbol?: number;
}

/** A small group of participants who brainstorm together. */
export interface Table {
  id: string;
  name: string;
}

/** A call for cards: "each table: your 3 clearest ideas". */
export interface Round {
  id: string;
  prompt: string;
  /** How many cards each table (or person, without tables) should send; null for no limit. */
  perTable: number | null;
  revealed: boolean;
  /** Tables that have submitted their cards for this round. */
  readyTableIds: string[];
}

/** A countdown everyone sees; clients count down to `endsAt` with their clock offset. */
export interface Timer {
  endsAt: string;
  durationSeconds: number;
}

export interface Footnote {
  mark: string;
  text: string;
}

export interface Participant {
  id: string;
  name: string;
  group?: string;
  tableId?: string;
  /** Invited by the facilitator to co-write headlines and narratives in the resolve phase. */
  writer?: boolean;
}

/** Dots one voter put on one theme. */
export interface Vote {
  voterId: string;
  themeId: string;
  count: number;
  /** Recorded by the facilitator for people without a device (a show of hands). */
  proxy?: boolean;
}

/** Dot voting: closed until the facilitator opens it; results hidden until revealed. */
export interface Voting {
  status: "closed" | "open";
  revealed: boolean;
}

/** A name a participant suggests for a column, for the facilitator to pick or rewrite. */
export interface NameProposal {
  id: string;
  themeId: string;
  text: string;
  authorId: string;
}

/**
 * One step the board's undo can take back: the commands that reverse one command. Commands, not
 * events, so that undo is decided against the board as it is now and refused if it no longer fits.
 */
export interface UndoPoint {
  /** The event it takes back, for the button's label ("Undo cardMoved"). */
  eventType: string;
  inverse: Command[];
}

/** The whole aggregate. Every change goes through a command, an event and the reducer. */
export interface WorkshopState {
  id: string;
  createdAt: string;
  phase: Phase;
  context: WorkshopContext;
  settings: WorkshopSettings;
  cards: CardMap;
  themes: Theme[];
  /** Card ids not yet in a column, in pile order. */
  unclustered: string[];
  footnotes: Footnote[];
  participants: Record<string, Participant>;
  votes: Vote[];
  voting: Voting;
  nameProposals: NameProposal[];
  /**
   * The column the room is looking at while naming (and resolving): the one phones propose names
   * for and the projector shows. Absent until the facilitator puts one on screen.
   */
  spotlightThemeId?: string;
  /** Newest last; bounded, so the state stays small however long the session. */
  undoStack: UndoPoint[];
  tables: Table[];
  rounds: Round[];
  /** The round that new cards go to, in rounds mode. */
  activeRoundId: string | null;
  timer: Timer | null;
  /** The facilitator's own "what to do now" line per phase; absent where the default shows. */
  instructions?: Instructions;
  /** What participants type to join; unique among workshops, assigned by the server. */
  joinCode: string;
  /**
   * Each participant's current minute of cards, for the cards-a-minute quota (quotas.ts). Kept
   * with the state on the server, never sent to clients (they do not decide).
   */
  cardPace?: Record<string, CardPace>;
  /** The workshop this one started from and those started from it; absent outside a campaign. */
  campaign?: CampaignPlace;
}

export const DEFAULT_SETTINGS: WorkshopSettings = {
  anonymousCards: false,
  participantsMayMoveCards: false,
  cardMaxLength: 140,
  voteBudget: 3,
  votesPerThemeCap: 3,
  brainstormMode: "open",
  useTables: false,
  minVotersPerGroup: DEFAULT_MIN_VOTERS_PER_GROUP,
  breakdownsOnProjector: false,
  showAuthors: false,
  ...DEFAULT_QUOTAS,
};

/** Number of distinct column symbols the views can draw. */
export const SYMBOL_COUNT = 12;

/** Where a card sits: a theme's column (by id) or the unclustered pile (null). */
export interface CardPlace {
  themeId: string | null;
  index: number;
}

/** Finds the column and index of a card, or undefined if the card is not on the board. */
export function locateCard(state: WorkshopState, cardId: string): CardPlace | undefined {
  const pileIndex = state.unclustered.indexOf(cardId);
  if (pileIndex >= 0) return { themeId: null, index: pileIndex };
  for (const theme of state.themes) {
    const index = theme.cardIds.indexOf(cardId);
    if (index >= 0) return { themeId: theme.id, index };
  }
  return undefined;
}

/**
 * Reads a record by an id that a client chose. Only own entries count, so that ids such as
 * "constructor" or "__proto__" are ordinary ids and never reach Object.prototype.
 */
export function entry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Writes an entry as an own property, even for the key "__proto__" (plain assignment would not). */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True when the card is on the board (a column or the pile), not waiting in a round. */
export function isOnBoard(card: Card): boolean {
  return card.stage === undefined;
}

export function findTheme(state: WorkshopState, themeId: string): Theme | undefined {
  return state.themes.find((theme) => theme.id === themeId);
}
