/**
 * Random commands for the property tests: who sends them (a facilitator, participants whose ids
 * name Object.prototype members too), the ids they name (existing, new and hostile), their texts,
 * and one arbitrary per command type.
 */
import fc from "fast-check";
import { type Actor, type Command, PHASES } from "../../src/core/index.js";

export const FACILITATOR: Actor = { role: "facilitator", id: "fac" };
/** The third participant's id names an Object.prototype member: ids chosen by clients must stay plain data. */
const PARTICIPANTS: Actor[] = ["p1", "p2", "__proto__"].map((id) => ({ role: "participant", id }));

/*
 * Small id pools, so that commands keep meeting the same cards and themes: adds collide, moves
 * and votes find their targets. "ghost-*" ids never exist. Some ids name Object.prototype
 * members ("__proto__", "constructor", "toString"), which a plain `record[id]` lookup would find
 * ("__proto__" only for people: card ids refuse it, see commands.ts).
 */
const CARD_IDS = ["c0", "c1", "hasOwnProperty", "c3", "valueOf", ...Array.from({ length: 35 }, (_, i) => `c${i + 5}`)];
const THEME_IDS = ["t0", "t1", "t2", "toString", ...Array.from({ length: 4 }, (_, i) => `t${i + 4}`)];
const MARKS = ["*", "1", "2", "†"];
const TABLE_IDS = ["table-0", "table-1", "table-2"];
const ROUND_IDS = Array.from({ length: 6 }, (_, i) => `r${i}`);
const PROPOSAL_IDS = ["n0", "n1", "n2", "n3"];

const TEXTS = [
  "More daylight",
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "🚀👩🏽‍💻🇨🇦",
  "שלום — مرحبا",
  `"quoted" and 'single' \\`,
  "two\nlines",
];

export type Step = { actor: Actor; command: Command };

export const participantArb = fc.constantFrom(...PARTICIPANTS);
/** Mostly the facilitator, sometimes a participant (who is then refused, or not). */
export const steerer = fc.oneof(
  { arbitrary: fc.constant(FACILITATOR), weight: 6 },
  { arbitrary: participantArb, weight: 1 },
);
/** Mostly a participant, sometimes the facilitator. */
export const member = fc.oneof(
  { arbitrary: participantArb, weight: 3 },
  { arbitrary: fc.constant(FACILITATOR), weight: 1 },
);
export const anyone = fc.constantFrom(FACILITATOR, ...PARTICIPANTS);

/** Pool ids, the first ones more often, so that what one command creates the next ones find. */
const poolId = (ids: string[], hot: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ids.slice(0, hot)), weight: 3 },
    { arbitrary: fc.constantFrom(...ids), weight: 1 },
  );
const existingCardId = fc.oneof(
  { arbitrary: poolId(CARD_IDS, 12), weight: 12 },
  { arbitrary: fc.constant("ghost-card"), weight: 1 },
);
const newCardId = fc.oneof(
  { arbitrary: poolId(CARD_IDS, 12), weight: 6 },
  { arbitrary: fc.nat(999_999).map((n) => `fresh-${n}`), weight: 1 },
);
const themeId = fc.oneof(
  { arbitrary: poolId(THEME_IDS, 4), weight: 12 },
  { arbitrary: fc.constant("ghost-theme"), weight: 1 },
);
const index = fc.oneof({ arbitrary: fc.nat(8), weight: 4 }, { arbitrary: fc.nat(1000), weight: 1 });
const shortText = fc.oneof(
  { arbitrary: fc.constantFrom(...TEXTS), weight: 3 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: "binary" }), weight: 1 },
);
/** Non-blank card text: mostly short, sometimes longer than the default cardMaxLength of 140. */
const nonBlankCardText = () =>
  fc
    .oneof(
      { arbitrary: shortText, weight: 6 },
      { arbitrary: fc.integer({ min: 120, max: 400 }).map((n) => "x".repeat(n)), weight: 1 },
    )
    .filter((text) => text.trim().length > 0);
const cardText = nonBlankCardText();

/** A weighted choice for `fc.oneof`. */
export const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

export const step = (actor: fc.Arbitrary<Actor>, command: fc.Arbitrary<Command>): fc.Arbitrary<Step> =>
  fc.record({ actor, command });

const nonBlank = shortText.filter((text) => text.trim().length > 0);

/** One arbitrary per command type; valid for the schema, but free to name unknown things. */
export const commands = {
  setPhase: fc.record({ type: fc.constant("setPhase" as const), phase: fc.constantFrom(...PHASES) }),
  joinWorkshop: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record(
        {
          type: fc.constant("joinWorkshop" as const),
          name: fc.constantFrom("Ana", "Ben", "Zoë", ""),
          group: fc.constantFrom("Ops", "R&D"),
        },
        { requiredKeys: ["type", "name"] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("joinWorkshop" as const),
        name: fc.constantFrom("Ana", "Ben"),
        tableId: fc.constantFrom(...TABLE_IDS),
      }),
    },
  ),
  addTable: fc.record({
    type: fc.constant("addTable" as const),
    tableId: fc.constantFrom(...TABLE_IDS),
    name: fc.constantFrom("Table A", "Table B", "🍀"),
  }),
  removeTable: fc.record({ type: fc.constant("removeTable" as const), tableId: fc.constantFrom(...TABLE_IDS) }),
  startRound: fc.record({
    type: fc.constant("startRound" as const),
    roundId: fc.constantFrom(...ROUND_IDS),
    prompt: fc.constantFrom("Your clearest ideas", ""),
    perTable: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  }),
  revealRound: fc.record({
    type: fc.constant("revealRound" as const),
    roundId: fc.constantFrom(...ROUND_IDS, "ghost-round"),
  }),
  submitTableCards: fc.record({
    type: fc.constant("submitTableCards" as const),
    tableId: fc.constantFrom(...TABLE_IDS),
    cardIds: fc.uniqueArray(fc.constantFrom(...CARD_IDS.slice(0, 16)), { maxLength: 3 }),
  }),
  startTimer: fc.record({
    type: fc.constant("startTimer" as const),
    durationSeconds: fc.integer({ min: 1, max: 3600 }),
  }),
  stopTimer: fc.constant({ type: "stopTimer" as const }),
  restoreCard: fc.record({
    type: fc.constant("restoreCard" as const),
    card: fc.record(
      { id: newCardId, text: nonBlankCardText(), author: fc.constantFrom("Ana", "Ben"), group: fc.constantFrom("Ops") },
      { requiredKeys: ["id", "text"] },
    ),
    toThemeId: fc.option(themeId, { nil: null, freq: 3 }),
    toIndex: index,
  }),
  mergeCards: fc.record({
    type: fc.constant("mergeCards" as const),
    sourceCardId: existingCardId,
    targetCardId: existingCardId,
  }),
  addCard: fc.record(
    { type: fc.constant("addCard" as const), cardId: newCardId, text: cardText, themeId },
    { requiredKeys: ["type", "cardId", "text"] },
  ),
  addCardToPile: fc.record({ type: fc.constant("addCard" as const), cardId: newCardId, text: cardText }),
  editCard: fc.record({ type: fc.constant("editCard" as const), cardId: existingCardId, text: cardText }),
  removeCard: fc.record({ type: fc.constant("removeCard" as const), cardId: existingCardId }),
  moveCard: fc.record({
    type: fc.constant("moveCard" as const),
    cardId: existingCardId,
    toThemeId: fc.option(themeId, { nil: null, freq: 4 }),
    toIndex: index,
  }),
  createTheme: fc.record(
    {
      type: fc.constant("createTheme" as const),
      themeId,
      name: shortText,
      index,
      // An accepted suggestion: cards gathered from anywhere (sometimes a repeat or a ghost, refused).
      cardIds: fc.array(existingCardId, { maxLength: 5 }),
    },
    { requiredKeys: ["type", "themeId"] },
  ),
  deleteTheme: fc.record({ type: fc.constant("deleteTheme" as const), themeId }),
  moveTheme: fc.record({ type: fc.constant("moveTheme" as const), themeId, toIndex: index }),
  mergeThemes: fc.record({ type: fc.constant("mergeThemes" as const), sourceThemeId: themeId, targetThemeId: themeId }),
  nameTheme: fc.record({ type: fc.constant("nameTheme" as const), themeId, name: shortText }),
  setKeyPoints: fc.record({
    type: fc.constant("setKeyPoints" as const),
    themeId,
    keyPoints: fc.array(nonBlank, { maxLength: 3 }),
  }),
  setHeadline: fc.record(
    { type: fc.constant("setHeadline" as const), themeId, headline: shortText, base: shortText },
    { requiredKeys: ["type", "themeId", "headline"] },
  ),
  setNarrative: fc.record(
    { type: fc.constant("setNarrative" as const), themeId, narrative: shortText, base: shortText },
    { requiredKeys: ["type", "themeId", "narrative"] },
  ),
  setFootnote: fc.record({
    type: fc.constant("setFootnote" as const),
    mark: fc.constantFrom(...MARKS),
    text: nonBlank,
  }),
  removeFootnote: fc.record({ type: fc.constant("removeFootnote" as const), mark: fc.constantFrom(...MARKS) }),
  castVote: fc.record({ type: fc.constant("castVote" as const), themeId, count: fc.integer({ min: 0, max: 4 }) }),
  recordVotes: fc.record({
    type: fc.constant("recordVotes" as const),
    voterLabel: fc.constantFrom("Show of hands", "Back tables"),
    themeId,
    count: fc.integer({ min: 0, max: 12 }),
  }),
  openVoting: fc.constant({ type: "openVoting" as const }),
  closeVoting: fc.constant({ type: "closeVoting" as const }),
  revealResults: fc.record({ type: fc.constant("revealResults" as const), revealed: fc.boolean() }),
  proposeName: fc.record({
    type: fc.constant("proposeName" as const),
    proposalId: fc.constantFrom(...PROPOSAL_IDS),
    themeId,
    text: nonBlank,
  }),
  withdrawNameProposal: fc.record({
    type: fc.constant("withdrawNameProposal" as const),
    proposalId: fc.constantFrom(...PROPOSAL_IDS, "ghost-proposal"),
  }),
  undo: fc.constant({ type: "undo" as const }),
  /** Sent by hand, not by undo: any cards of the board, possibly twice, possibly unknown. */
  restoreTheme: fc.record({
    type: fc.constant("restoreTheme" as const),
    theme: fc.record({
      id: themeId,
      name: shortText,
      keyPoints: fc.constant<string[]>([]),
      headline: fc.constant(""),
      narrative: fc.constant(""),
      cardIds: fc.array(fc.oneof(w(3, fc.constantFrom(...CARD_IDS.slice(0, 4))), w(1, existingCardId)), {
        maxLength: 3,
      }),
    }),
    index,
    votes: fc.constant<{ voterId: string; themeId: string; count: number }[]>([]),
  }),
  updateSettings: fc.record({
    type: fc.constant("updateSettings" as const),
    patch: fc.record(
      {
        anonymousCards: fc.boolean(),
        participantsMayMoveCards: fc.boolean(),
        cardMaxLength: fc.integer({ min: 10, max: 300 }),
        voteBudget: fc.integer({ min: 1, max: 6 }),
        votesPerThemeCap: fc.integer({ min: 1, max: 4 }),
        brainstormMode: fc.constantFrom("open" as const, "rounds" as const),
        useTables: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  }),
  roundsAtTables: fc.record({
    type: fc.constant("updateSettings" as const),
    patch: fc.record({ brainstormMode: fc.constantFrom("open" as const, "rounds" as const), useTables: fc.boolean() }),
  }),
  letParticipantsMove: fc.constant({
    type: "updateSettings" as const,
    patch: { participantsMayMoveCards: true },
  }),
  updateContext: fc.record({
    type: fc.constant("updateContext" as const),
    patch: fc.record(
      { title: fc.constantFrom(...TEXTS), goal: shortText, heldOn: fc.constantFrom("2024-02-29", "2025-12-31") },
      { requiredKeys: [] },
    ),
  }),
} satisfies Record<string, fc.Arbitrary<Command>>;
