/**
 * `ballots/v1` files of random ballots, counted by src/core/tally and by the independent recount
 * in test/support/tallyRecount.ts: overall, by group, IRV rounds and winner included, they must agree exactly.
 * Few options, small numbers and few ballots, so that ties (and every tie-break) come often.
 *
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx vitest run test/properties/tally
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBallotsDocument, type TallyMethod, tallyBallots } from "../../src/core/index.js";
import { type BallotsFile, borda, recount } from "../support/tallyRecount.js";

const SEED = Number(process.env.FC_SEED ?? 20_261_207);
const NUM_RUNS = Number(process.env.FC_RUNS ?? 300);
const GROUPS = ["Members", "Employers", "Educators"];

function ballotsFileArb(method: TallyMethod): fc.Arbitrary<BallotsFile> {
  return fc.integer({ min: 1, max: 6 }).chain((m) => {
    const ids = Array.from({ length: m }, (_, i) => `t${i + 1}`);
    const vote: fc.Arbitrary<object> =
      method === "dots"
        ? fc.record({ dots: fc.dictionary(fc.constantFrom(...ids), fc.nat(4)) })
        : method === "rating"
          ? fc.record({ ratings: fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 1, max: 5 })) })
          : fc.record({ ranking: fc.shuffledSubarray(ids) });
    const ballot = fc.tuple(fc.constantFrom(...GROUPS), vote);
    return fc.array(ballot, { maxLength: 40 }).map((ballots) => ({
      format: "ballots/v1" as const,
      method,
      options: ids.map((id) => ({ id, name: `Theme ${id}` })),
      ballots: ballots.map(
        ([group, fields], i) => ({ voter: `v${i}`, group, ...fields }) as BallotsFile["ballots"][number],
      ),
    }));
  });
}

describe("tallyBallots agrees with an independent recount of random ballots", () => {
  it.each(["dots", "borda", "irv", "rating"] as const)("%s: overall, by group, rounds and winner", (method) => {
    /** Eliminations among options tied on fewest votes, overall: decided by Borda points, or by list order. */
    const decidedBy = { borda: 0, listOrder: 0 };
    fc.assert(
      fc.property(ballotsFileArb(method), (file) => {
        const parsed = parseBallotsDocument(JSON.stringify(file));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const expected = recount(file);
        expect(tallyBallots(parsed.value)).toEqual(expected);
        for (const round of expected.rounds ?? []) {
          if (!("eliminated" in round)) continue;
          const fewest = Math.min(...Object.values(round.counts));
          const tied = Object.keys(round.counts).filter((id) => round.counts[id] === fewest);
          if (tied.length < 2) continue;
          const points = tied.map((id) => borda(file, file.ballots, id));
          const fewestPoints = points.filter((p) => p === Math.min(...points)).length;
          decidedBy[fewestPoints > 1 ? "listOrder" : "borda"] += 1;
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    // The runs did reach the tie-breaks they claim to check.
    if (method === "irv") {
      expect(decidedBy.borda).toBeGreaterThan(20);
      expect(decidedBy.listOrder).toBeGreaterThan(20);
    }
  });
});
