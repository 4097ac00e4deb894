import type { Command } from "./commands.js";
import type { Actor } from "./model.js";
import type { Phase } from "./phases.js";
import type { DomainErrorCode } from "./result.js";

/**
 * Every reason the core refuses a command for, with the parameters its message takes. The reason
 * is a stable key: clients translate `refusals.<reason>` (src/web/locales) with these parameters,
 * and the English `message` stays for API clients and logs. A number a person should read (a
 * limit) is always `max`, so that clients can choose its plural form.
 */
export interface RefusalParamsByReason {
  /** The permission table refuses this role this command in this phase. */
  notAllowed: { role: Actor["role"]; command: Command["type"]; phase: Phase };
  alreadyInPhase: { phase: Phase };
  nothingToUndo: None;
  /** An inverse command was refused: `cause` is its reason, and its parameters come along. */
  undoStale: { cause: RefusalReason } & RefusalParams;
  cardExists: { cardId: string };
  cardNotFound: { cardId: string };
  cardNotOnBoard: { cardId: string };
  cardTooLong: { max: number };
  workshopFull: { max: number };
  /** A participant's quota of cards a minute (quotas.ts). */
  cardsPerMinute: { max: number };
  /** A participant's quota of cards on the board. */
  cardsPerParticipant: { max: number };
  /** Dots come only from someone who joined the workshop. */
  notJoined: None;
  participantCardToPile: None;
  notYourCard: None;
  cardsNotMovable: None;
  cardMergeSelf: None;
  mergedCardTooLong: { max: number };
  cardListedTwice: None;
  themeExists: { themeId: string };
  themeNotFound: { themeId: string };
  tooManyThemes: { max: number };
  themeMergeSelf: None;
  notWriter: None;
  headlineConflict: None;
  narrativeConflict: None;
  footnoteNotFound: { mark: string };
  votingNotOpen: None;
  tooManyVotesOnTheme: { max: number };
  voteBudgetSpent: { max: number };
  proposalNotFound: { proposalId: string };
  notYourProposal: None;
  participantNotFound: { participantId: string };
  tableExists: { tableId: string };
  tableNotFound: { tableId: string };
  notAtTable: { tableId: string };
  roundExists: { roundId: string };
  roundNotFound: { roundId: string };
  roundAlreadyRevealed: { roundId: string };
  waitForRound: None;
  tableSentCards: None;
  noRoundOpen: None;
  tableAlreadySubmitted: { tableId: string };
  cardChosenTwice: None;
  notTableCard: { cardId: string };
  tooManyTableCards: { max: number };
  timerNeedsTime: None;
  /** Not the core's: the server failed on the message (a bug), and nothing changed. */
  serverFailed: None;
  /** Not the core's: other server processes kept winning the race for the workshop's log. */
  workshopBusy: None;
}

/** A reason whose message needs no parameters. */
type None = undefined;

/** A stable key for why a command was refused. */
export type RefusalReason = keyof RefusalParamsByReason;

/** What a refusal's message is filled in with: plain values, so that they travel as JSON. */
export type RefusalParams = { readonly [name: string]: string | number };

/** The code each reason is answered with (and the HTTP status it maps to). */
export const REFUSAL_CODES: { readonly [R in RefusalReason]: DomainErrorCode } = {
  notAllowed: "forbidden",
  alreadyInPhase: "conflict",
  nothingToUndo: "conflict",
  undoStale: "conflict",
  cardExists: "conflict",
  cardNotFound: "not_found",
  cardNotOnBoard: "not_found",
  cardTooLong: "invalid",
  workshopFull: "invalid",
  cardsPerMinute: "invalid",
  cardsPerParticipant: "invalid",
  notJoined: "forbidden",
  participantCardToPile: "forbidden",
  notYourCard: "forbidden",
  cardsNotMovable: "forbidden",
  cardMergeSelf: "invalid",
  mergedCardTooLong: "invalid",
  cardListedTwice: "invalid",
  themeExists: "conflict",
  themeNotFound: "not_found",
  tooManyThemes: "invalid",
  themeMergeSelf: "invalid",
  notWriter: "forbidden",
  headlineConflict: "conflict",
  narrativeConflict: "conflict",
  footnoteNotFound: "not_found",
  votingNotOpen: "conflict",
  tooManyVotesOnTheme: "invalid",
  voteBudgetSpent: "invalid",
  proposalNotFound: "not_found",
  notYourProposal: "forbidden",
  participantNotFound: "not_found",
  tableExists: "conflict",
  tableNotFound: "not_found",
  notAtTable: "forbidden",
  roundExists: "conflict",
  roundNotFound: "not_found",
  roundAlreadyRevealed: "conflict",
  waitForRound: "conflict",
  tableSentCards: "conflict",
  noRoundOpen: "conflict",
  tableAlreadySubmitted: "conflict",
  cardChosenTwice: "invalid",
  notTableCard: "not_found",
  tooManyTableCards: "invalid",
  timerNeedsTime: "invalid",
  serverFailed: "invalid",
  workshopBusy: "conflict",
};

/** Every refusal reason of the core, for clients and tests that must know them all. */
export const REFUSAL_REASONS = Object.keys(REFUSAL_CODES) as readonly RefusalReason[];

export const isRefusalReason = (value: unknown): value is RefusalReason =>
  typeof value === "string" && Object.hasOwn(REFUSAL_CODES, value);
