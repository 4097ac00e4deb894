import { competitionRanking, type TallyCount } from "./results.js";
import type { RatingBallot, TallyOption } from "./schema.js";

/**
 * Rating: an option's score is the mean of the ratings it was given; ratings not given do not
 * count, and an option nobody rated has no score (null) and comes last.
 */
export function countRating(
  options: readonly TallyOption[],
  ballots: readonly Pick<RatingBallot, "ratings">[],
): TallyCount {
  const given = new Map<string, { sum: number; count: number }>();
  for (const ballot of ballots) {
    for (const [id, rating] of Object.entries(ballot.ratings)) {
      const sofar = given.get(id) ?? { sum: 0, count: 0 };
      given.set(id, { sum: sofar.sum + rating, count: sofar.count + 1 });
    }
  }
  const mean = (id: string) => {
    const ratings = given.get(id);
    return ratings ? ratings.sum / ratings.count : null;
  };
  return { results: competitionRanking(options, (option) => mean(option.id)) };
}
