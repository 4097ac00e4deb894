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
import { commandSchema, emptyWorkshop, PHASES, type Phase, reduceAll } from "../../src/core/index.js";
import { AppError } from "../../src/server/errors.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import { openSqliteStore, type SqliteEventStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";
import { boardProblems } from "../support/workshops.js";
import type { Step } from "./workshopCommands.js";
import { IMPORTED, scenarioArb } from "./workshopScenarios.js";

const SEED = Number(process.env.FC_SEED ?? 20_250_301);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 40);
/** Wall-clock cap on the whole check, shrinking included (a passing check takes about 10 s). */
const SHRINK_BUDGET_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 60_000);
/** Mirrors SNAPSHOT_EVERY in workshopService.ts (not exported). */
const SNAPSHOT_EVERY = 100;

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
