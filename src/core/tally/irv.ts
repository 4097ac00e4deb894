import { bordaPoints } from "./borda.js";
import type { IrvRound, OptionResult, TallyCount } from "./results.js";
import type { RankingBallot, TallyOption } from "./schema.js";

/**
 * Instant run-off. Each round counts each ballot for its highest-ranked option still in; a ballot
 * that ranks none of them is exhausted. An option with more than half of the ballots not yet
 * exhausted wins. Otherwise the option with the fewest votes is eliminated: on a tie, the one
 * with the fewest Borda points over all ballots, then the one listed last.
 *
 * Places: the winner first, then the other options still in by their last count (ties: Borda,
 * then the options' order), then the eliminated, the last eliminated first. An option's score is
 * its votes in the last round it was counted in. When no ballot ranks any option there is no
 * round and no winner.
 */
export function countIrv(
  options: readonly TallyOption[],
  ballots: readonly Pick<RankingBallot, "ranking">[],
): TallyCount {
  const borda = bordaPoints(options, ballots);
  const listed = new Map(options.map((option, index) => [option.id, index]));
  const lastCount = new Map(options.map((option) => [option.id, 0]));
  const still = new Set(options.map((option) => option.id));
  const eliminated: string[] = [];
  const rounds: IrvRound[] = [];
  let winner: string | undefined;

  // A count that starts with one vote ends with a winner, at the latest when one option is left:
  // an option with votes goes only when every other one has as many, so some votes always remain.
  const anyRanked = ballots.some((ballot) => ballot.ranking.length > 0);
  while (anyRanked && winner === undefined) {
    const counts = new Map([...still].map((id) => [id, 0]));
    let active = 0;
    for (const ballot of ballots) {
      const choice = ballot.ranking.find((id) => still.has(id));
      if (choice === undefined) continue;
      counts.set(choice, (counts.get(choice) ?? 0) + 1);
      active += 1;
    }
    for (const [id, votes] of counts) lastCount.set(id, votes);
    const shown = Object.fromEntries(counts);
    const leader = [...counts].find(([, votes]) => votes * 2 > active);
    if (leader) {
      winner = leader[0];
      rounds.push({ counts: shown, winner });
      continue;
    }
    const [loser] = [...still].sort(
      (a, b) =>
        (counts.get(a) ?? 0) - (counts.get(b) ?? 0) ||
        (borda.get(a) ?? 0) - (borda.get(b) ?? 0) ||
        (listed.get(b) ?? 0) - (listed.get(a) ?? 0),
    );
    // Never empty here (see above); the check only tells the type checker so.
    if (loser === undefined) break;
    still.delete(loser);
    eliminated.push(loser);
    rounds.push({ counts: shown, eliminated: loser });
  }

  const stillIn = [...still]
    .filter((id) => id !== winner)
    .sort(
      (a, b) =>
        (lastCount.get(b) ?? 0) - (lastCount.get(a) ?? 0) ||
        (borda.get(b) ?? 0) - (borda.get(a) ?? 0) ||
        (listed.get(a) ?? 0) - (listed.get(b) ?? 0),
    );
  const places = [...(winner === undefined ? [] : [winner]), ...stillIn, ...[...eliminated].reverse()];
  const nameOf = new Map(options.map((option) => [option.id, option.name]));
  const results: OptionResult[] = places.map((id, index) => ({
    id,
    name: nameOf.get(id) ?? id,
    score: lastCount.get(id) ?? 0,
    rank: index + 1,
  }));
  return winner === undefined ? { results, rounds } : { results, winner, rounds };
}
