import { competitionRanking, type TallyCount } from "./results.js";
import type { DotsBallot, TallyOption } from "./schema.js";

/** Dots: an option's score is the sum of the dots every ballot put on it. */
export function countDots(options: readonly TallyOption[], ballots: readonly Pick<DotsBallot, "dots">[]): TallyCount {
  const sums = new Map<string, number>();
  for (const ballot of ballots) {
    for (const [id, dots] of Object.entries(ballot.dots)) sums.set(id, (sums.get(id) ?? 0) + dots);
  }
  return { results: competitionRanking(options, (option) => sums.get(option.id) ?? 0) };
}
