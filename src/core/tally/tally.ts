import { assertNever } from "../result.js";
import { countBorda } from "./borda.js";
import { countDots } from "./dots.js";
import { countIrv } from "./irv.js";
import { countRating } from "./rating.js";
import type { GroupTally, TallyCount, TallyReport } from "./results.js";
import type { BallotsDocument } from "./schema.js";

type Ballot = BallotsDocument["ballots"][number];

/** Counts a validated `ballots/v1` file: all its ballots, then each group's by the same rules. */
export function tallyBallots(doc: BallotsDocument): TallyReport {
  const { results, winner, rounds } = countWith(doc, () => true);
  // Groups in the order of their first ballot, each counted as if its ballots were the whole file.
  const groups = [...new Set(doc.ballots.map((ballot) => ballot.group))];
  const byGroup = Object.fromEntries(
    groups.map((group): [string, GroupTally] => {
      const inGroup = (ballot: Ballot) => ballot.group === group;
      return [group, { ballots: doc.ballots.filter(inGroup).length, ...countWith(doc, inGroup) }];
    }),
  );
  return {
    method: doc.method,
    ballots: doc.ballots.length,
    results,
    byGroup,
    ...(winner === undefined ? {} : { winner }),
    ...(rounds === undefined ? {} : { rounds }),
  };
}

/** The count of the ballots `keep` keeps, by the file's method. */
function countWith(doc: BallotsDocument, keep: (ballot: Ballot) => boolean): TallyCount {
  switch (doc.method) {
    case "dots":
      return countDots(doc.options, doc.ballots.filter(keep));
    case "borda":
      return countBorda(doc.options, doc.ballots.filter(keep));
    case "irv":
      return countIrv(doc.options, doc.ballots.filter(keep));
    case "rating":
      return countRating(doc.options, doc.ballots.filter(keep));
    default:
      return assertNever(doc);
  }
}
