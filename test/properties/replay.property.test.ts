/**
 * Property test of the whole write path: random command sequences from a facilitator and a few
 * participants run live through a real WorkshopService on a real SQLite file. After every step
 * the board invariant holds and refused commands leave no trace; after the run, the log replays
 * to the same state with snapshots (a fresh service on the reopened file) and without them.
 *
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx vitest run test/properties
 * (FC_RUNS changes the number of runs).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type Command,
  commandSchema,
  emptyWorkshop,
  PHASES,
  type Phase,
  reduceAll,
  validateWorkshopDocument,
  type WorkshopDocument,
} from "../../src/core/index.js";
import { AppError } from "../../src/server/errors.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import { openSqliteStore, type SqliteEventStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";
import { boardProblems } from "../support/workshops.js";

const SEED = Number(process.env.FC_SEED ?? 20_250_301);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 40);
const MAX_COMMANDS = 250;
/** Wall-clock cap on the whole check, shrinking included (a passing check takes about 10 s). */
const SHRINK_BUDGET_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 60_000);
/** Mirrors SNAPSHOT_EVERY in workshopService.ts (not exported). */
const SNAPSHOT_EVERY = 100;

const FACILITATOR: Actor = { role: "facilitator", id: "fac" };
/** The third participant's id names an Object.prototype member: ids chosen by clients must stay plain data. */
const PARTICIPANTS: Actor[] = ["p1", "p2", "__proto__"].map((id) => ({ role: "participant", id }));

/*
 * Small id pools, so that commands keep meeting the same cards and themes: adds collide, moves
 * and votes find their targets. "ghost-*" ids never exist. Some ids name Object.prototype
 * members ("__proto__", "constructor", "toString"), which a plain `record[id]` lookup would find.
 */
const CARD_IDS = ["c0", "c1", "__proto__", "c3", "constructor", ...Array.from({ length: 35 }, (_, i) => `c${i + 5}`)];
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

type Step = { actor: Actor; command: Command };

const participantArb = fc.constantFrom(...PARTICIPANTS);
/** Mostly the facilitator, sometimes a participant (who is then refused, or not). */
const steerer = fc.oneof({ arbitrary: fc.constant(FACILITATOR), weight: 6 }, { arbitrary: participantArb, weight: 1 });
/** Mostly a participant, sometimes the facilitator. */
const member = fc.oneof({ arbitrary: participantArb, weight: 3 }, { arbitrary: fc.constant(FACILITATOR), weight: 1 });
const anyone = fc.constantFrom(FACILITATOR, ...PARTICIPANTS);

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
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

const step = (actor: fc.Arbitrary<Actor>, command: fc.Arbitrary<Command>): fc.Arbitrary<Step> =>
  fc.record({ actor, command });

const nonBlank = shortText.filter((text) => text.trim().length > 0);

/** One arbitrary per command type; valid for the schema, but free to name unknown things. */
const commands = {
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

const facilitatorArb = fc.constant(FACILITATOR);

/** Any command from anyone, in any phase: the source of forbidden, unknown and conflicting commands. */
const anyStep: fc.Arbitrary<Step> = fc.oneof(
  w(3, step(steerer, commands.setPhase)),
  w(2, step(participantArb, commands.joinWorkshop)),
  w(8, step(member, commands.addCard)),
  w(2, step(member, commands.editCard)),
  w(2, step(member, commands.removeCard)),
  w(8, step(member, commands.moveCard)),
  w(3, step(steerer, commands.createTheme)),
  w(1, step(steerer, commands.deleteTheme)),
  w(2, step(steerer, commands.moveTheme)),
  w(1, step(steerer, commands.mergeThemes)),
  w(2, step(steerer, commands.nameTheme)),
  w(1, step(steerer, commands.setKeyPoints)),
  w(1, step(steerer, commands.setHeadline)),
  w(1, step(steerer, commands.setNarrative)),
  w(1, step(steerer, commands.setFootnote)),
  w(1, step(steerer, commands.removeFootnote)),
  w(5, step(member, commands.castVote)),
  w(1, step(steerer, commands.updateSettings)),
  w(1, step(anyone, commands.updateContext)),
  w(1, step(steerer, commands.addTable)),
  w(1, step(steerer, commands.removeTable)),
  w(1, step(steerer, commands.startRound)),
  w(1, step(steerer, commands.revealRound)),
  w(1, step(anyone, commands.submitTableCards)),
  w(1, step(steerer, commands.startTimer)),
  w(1, step(steerer, commands.stopTimer)),
  w(1, step(steerer, commands.restoreCard)),
  w(2, step(steerer, commands.mergeCards)),
  w(1, step(steerer, commands.recordVotes)),
  w(1, step(steerer, commands.openVoting)),
  w(1, step(steerer, commands.closeVoting)),
  w(1, step(steerer, commands.revealResults)),
  w(1, step(anyone, commands.proposeName)),
  w(1, step(anyone, commands.withdrawNameProposal)),
  w(4, step(steerer, commands.undo)),
  w(1, step(steerer, commands.restoreTheme)),
);

/** Commands the method expects in a phase, from the role that sends them there: most are accepted. */
const fittingSteps: Record<Phase, fc.Arbitrary<Step>> = {
  context: fc.oneof(
    w(2, step(facilitatorArb, commands.updateContext)),
    w(1, step(facilitatorArb, commands.updateSettings)),
    w(2, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.addTable)),
    w(1, step(facilitatorArb, commands.startTimer)),
  ),
  brainstorm: fc.oneof(
    w(8, step(participantArb, commands.addCardToPile)),
    w(3, step(facilitatorArb, commands.addCard)),
    w(3, step(facilitatorArb, commands.createTheme)),
    w(2, step(participantArb, commands.editCard)),
    w(1, step(participantArb, commands.removeCard)),
    w(1, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.roundsAtTables)),
    w(1, step(facilitatorArb, commands.startRound)),
    w(2, step(participantArb, commands.submitTableCards)),
    w(1, step(facilitatorArb, commands.revealRound)),
    w(1, step(facilitatorArb, commands.stopTimer)),
  ),
  cluster: fc.oneof(
    w(3, step(facilitatorArb, commands.undo)),
    w(6, step(facilitatorArb, commands.moveCard)),
    w(4, step(participantArb, commands.moveCard)),
    w(1, step(facilitatorArb, commands.letParticipantsMove)),
    w(2, step(facilitatorArb, commands.createTheme)),
    w(1, step(facilitatorArb, commands.mergeThemes)),
    w(1, step(facilitatorArb, commands.deleteTheme)),
    w(1, step(facilitatorArb, commands.moveTheme)),
    w(2, step(facilitatorArb, commands.mergeCards)),
    w(1, step(facilitatorArb, commands.revealRound)),
  ),
  name: fc.oneof(
    w(3, step(anyone, commands.proposeName)),
    w(1, step(anyone, commands.withdrawNameProposal)),
    w(2, step(facilitatorArb, commands.undo)),
    w(1, step(facilitatorArb, commands.createTheme)),
    w(4, step(facilitatorArb, commands.nameTheme)),
    w(2, step(facilitatorArb, commands.setKeyPoints)),
    w(2, step(facilitatorArb, commands.moveCard)),
    w(1, step(facilitatorArb, commands.moveTheme)),
  ),
  resolve: fc.oneof(
    w(2, step(facilitatorArb, commands.undo)),
    w(1, step(facilitatorArb, commands.createTheme)),
    w(3, step(facilitatorArb, commands.setHeadline)),
    w(3, step(facilitatorArb, commands.setNarrative)),
    w(2, step(facilitatorArb, commands.setKeyPoints)),
    w(1, step(facilitatorArb, commands.mergeThemes)),
    w(1, step(facilitatorArb, commands.deleteTheme)),
    w(1, step(facilitatorArb, commands.restoreCard)),
  ),
  prioritize: fc.oneof(
    w(2, step(facilitatorArb, commands.openVoting)),
    w(1, step(facilitatorArb, commands.closeVoting)),
    w(1, step(facilitatorArb, commands.revealResults)),
    w(1, step(facilitatorArb, commands.recordVotes)),
    w(6, step(participantArb, commands.castVote)),
    w(1, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.moveTheme)),
  ),
  capture: fc.oneof(
    w(2, step(facilitatorArb, commands.setFootnote)),
    w(1, step(facilitatorArb, commands.removeFootnote)),
    w(2, step(facilitatorArb, commands.setHeadline)),
    w(2, step(facilitatorArb, commands.editCard)),
    w(1, step(facilitatorArb, commands.removeCard)),
  ),
};

/**
 * A stretch of the session: the facilitator opens a phase (a refused no-op if it is the current
 * one), then commands follow, most of them fitting the phase and some of them anything at all.
 */
const blockFor = (phase: Phase): fc.Arbitrary<Step[]> =>
  fc
    .array(fc.oneof(w(5, fittingSteps[phase]), w(1, anyStep)), { minLength: 8, maxLength: 45, size: "max" })
    .map((steps): Step[] => [{ actor: FACILITATOR, command: { type: "setPhase", phase } }, ...steps]);

/** How the facilitator walks the phases: mostly on to the next, sometimes back one, sometimes anywhere. */
const phaseMove = fc.oneof(
  w(5, fc.constant<"next" | "back" | Phase>("next")),
  w(1, fc.constant<"next" | "back" | Phase>("back")),
  w(1, fc.constantFrom<"next" | "back" | Phase>(...PHASES)),
);

function walkPhases(moves: readonly ("next" | "back" | Phase)[]): Phase[] {
  let at = 0;
  return moves.map((move) => {
    if (move === "next") at = (at + 1) % PHASES.length;
    else if (move === "back") at = Math.max(at - 1, 0);
    else at = PHASES.indexOf(move);
    return PHASES[at] ?? "context";
  });
}

/** A small imported workshop whose ids are in the pools, with votes, so commands meet it at once. */
const IMPORTED: WorkshopDocument = (() => {
  const result = validateWorkshopDocument({
    format: "workshop/v1",
    title: "Imported",
    organization: "",
    preparedFor: "",
    preparedBy: "",
    event: "",
    heldOn: "2024-01-28",
    reportDate: "2024-02-05",
    language: "fr",
    facilitators: [],
    participantGroups: [],
    overview: "",
    goal: "",
    focusQuestion: "",
    method: "",
    themes: [
      {
        id: "t0",
        name: "Daylight",
        keyPoints: [],
        headline: "",
        narrative: "",
        cards: [{ id: "c0", text: "Windows" }],
      },
      {
        id: "t1",
        name: "",
        keyPoints: ["Quiet"],
        headline: "",
        narrative: "",
        cards: [
          { id: "c1", text: "Quiet room", author: "Ana", group: "Ops" },
          { id: "__proto__", text: "No calls" },
        ],
      },
    ],
    unclusteredCards: [{ id: "c3", text: "Plants" }],
    footnotes: [{ mark: "*", text: "Note" }],
    reflections: "",
    nextSteps: "",
    votes: [{ themeId: "t1", voterId: "p1", count: 2 }],
    extra: { kept: true },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

const scenarioArb = fc.record({
  imported: fc.boolean(),
  steps: fc
    .array(phaseMove, { minLength: 4, maxLength: 12, size: "max" })
    .chain((moves) => fc.tuple(...walkPhases(moves).map(blockFor)))
    .map((blocks) => blocks.flat().slice(0, MAX_COMMANDS)),
});

/** Totals over all runs, to check that the runs did exercise what they claim to. */
const coverage = {
  runs: 0,
  accepted: 0,
  refused: 0,
  runsPastSnapshot: 0,
  maxSeq: 0,
  phases: new Set<Phase>(),
  refusalCodes: new Set<string>(),
};

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function runScenario(scenario: { imported: boolean; steps: Step[] }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "concord-replay-"));
  tempDirs.push(dir);
  let tick = 0;
  const now = () => new Date(Date.UTC(2025, 2, 1, 9, 0, 0, tick++)).toISOString();
  const workshopId = "w-prop";
  let store: SqliteEventStore | undefined = openSqliteStore(dir);
  try {
    const service = new WorkshopService({ store, bus: new LocalEventBus(), now, newId: () => workshopId });
    if (scenario.imported) await service.importDocument(IMPORTED);
    else await service.create({ title: "Live", language: "en" });

    for (const [i, { actor, command }] of scenario.steps.entries()) {
      const parsed = commandSchema.parse(command);
      const before = await service.get(workshopId);
      const beforeJson = JSON.stringify(before.state);
      let outcome: Awaited<ReturnType<WorkshopService["execute"]>> | undefined;
      try {
        outcome = await service.execute(workshopId, actor, `cmd-${i}`, parsed);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        coverage.refusalCodes.add(error.code);
      }
      const after = await service.get(workshopId);
      coverage.phases.add(after.state.phase);
      const appended = await store.readEvents(workshopId, before.seq);

      if (outcome) {
        coverage.accepted++;
        expect(outcome.duplicate).toBe(false);
        expect(after.seq).toBe(before.seq + outcome.events.length);
        expect(appended).toEqual(outcome.events);
        expect(appended.map((stored) => stored.seq)).toEqual(appended.map((_, k) => before.seq + k + 1));
      } else {
        // (b) A refused command changes nothing: same state, same seq, nothing in the log.
        coverage.refused++;
        expect(JSON.stringify(after.state), `refused ${command.type} changed the state`).toBe(beforeJson);
        expect(after.seq).toBe(before.seq);
        expect(appended).toEqual([]);
        expect((await store.getWorkshop(workshopId))?.seq).toBe(before.seq);
      }
      // (c) Every card sits exactly once on the board, and nothing else does.
      expect(boardProblems(after.state), `after step ${i}: ${actor.id} ${JSON.stringify(parsed)}`).toEqual([]);
    }

    // (a) Replay. The live state, then the file reopened by a new service (snapshot + tail) ...
    const live = await service.get(workshopId);
    // The service writes a snapshot after the turn that crossed a hundred events: let it land.
    await new Promise((resolve) => setImmediate(resolve));
    await store.close();
    store = openSqliteStore(dir);
    const snapshot = await store.loadSnapshot(workshopId);
    if (live.seq >= SNAPSHOT_EVERY) {
      expect(snapshot?.seq).toBeGreaterThanOrEqual(SNAPSHOT_EVERY);
      coverage.runsPastSnapshot++;
    }
    coverage.maxSeq = Math.max(coverage.maxSeq, live.seq);
    const reopened = new WorkshopService({ store, bus: new LocalEventBus(), now, newId: () => workshopId });
    const reloaded = await reopened.get(workshopId);
    expect(reloaded.seq).toBe(live.seq);
    // toEqual, not toStrictEqual: strict mode compares `a.constructor === b.constructor`, and in
    // `state.cards` an own key "constructor" (a card id here) makes that compare two card objects.
    expect(reloaded.state).toEqual(live.state);

    // ... and every stored event folded from seq 1, without any snapshot.
    const events = await store.readEvents(workshopId, 0);
    expect(events.map((stored) => stored.seq)).toEqual(events.map((_, k) => k + 1));
    expect(events).toHaveLength(live.seq);
    const replayed = reduceAll(
      emptyWorkshop(workshopId),
      events.map((stored) => stored.event),
    );
    expect(replayed).toEqual(live.state);
    coverage.runs++;
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("replaying the event log", () => {
  it("gives the live state, keeps the board sound after every step, and refused commands leave no trace", async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), {
      numRuns: NUM_RUNS,
      seed: SEED,
      // Shrinking replays whole sessions against SQLite: cap it, keeping the smallest failure found so far.
      plugins: [fc.interruptAfterTimeLimit(SHRINK_BUDGET_MS, { failOnInterrupt: true })],
    });

    console.info(
      `replay property: ${coverage.runs} runs, ${coverage.accepted} accepted and ${coverage.refused} refused commands, ` +
        `${coverage.runsPastSnapshot} runs past a snapshot, longest log ${coverage.maxSeq} events (seed ${SEED})`,
    );
    // The runs exercised what this test is about: snapshots, every phase, and refusals of every kind.
    if (NUM_RUNS >= 40) {
      expect(coverage.runsPastSnapshot).toBeGreaterThan(0);
      expect([...coverage.phases].sort()).toEqual([...PHASES].sort());
      expect([...coverage.refusalCodes].sort()).toEqual(["conflict", "forbidden", "invalid", "not_found"]);
    }
  }, 180_000);
});
