import { competitionRanking, type TallyCount } from "./results.js";
import type { RankingBallot, TallyOption } from "./schema.js";

/**
 * Borda points: with m options, the k-th option of a ranking gets m − k points (the first m − 1,
 * an m-th none); an option a ballot leaves out gets nothing from it. IRV breaks its ties with them.
 */
export function bordaPoints(
  options: readonly TallyOption[],
  ballots: readonly Pick<RankingBallot, "ranking">[],
): Map<string, number> {
  const points = new Map(options.map((option) => [option.id, 0]));
  for (const ballot of ballots) {
    ballot.ranking.forEach((id, index) => {
      points.set(id, (points.get(id) ?? 0) + options.length - (index + 1));
    });
  }
  return points;
}

/** Borda count: an option's score is its Borda points over all ballots. */
export function countBorda(
  options: readonly TallyOption[],
  ballots: readonly Pick<RankingBallot, "ranking">[],
): TallyCount {
  const points = bordaPoints(options, ballots);
  return { results: competitionRanking(options, (option) => points.get(option.id) ?? 0) };
}
