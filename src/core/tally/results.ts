import type { TallyMethod, TallyOption } from "./schema.js";

/** One option's place in a count. */
export interface OptionResult {
  id: string;
  name: string;
  /**
   * Dots: their sum. Borda: its points. Rating: the mean of its ratings, null when nobody rated
   * it. IRV: its votes in the last round it was counted in.
   */
  score: number | null;
  /** Competition ranking (1, 2, 2, 4) for dots, Borda and rating; places 1, 2, 3… for IRV. */
  rank: number;
}

/** One round of an instant run-off: the votes of each option still in, then who goes or who wins. */
export type IrvRound =
  | { counts: Record<string, number>; eliminated: string }
  | { counts: Record<string, number>; winner: string };

/** The count of one set of ballots: every option, best first (equal ranks in the options' order). */
export interface TallyCount {
  results: OptionResult[];
  /** IRV only, absent when no ballot ranks any option. */
  winner?: string;
  /** IRV only. */
  rounds?: IrvRound[];
}

/** The count of one stakeholder group's ballots. */
export interface GroupTally extends TallyCount {
  ballots: number;
}

/** What `concord tally --json` prints: the count of every ballot, then of each group's. */
export interface TallyReport {
  method: TallyMethod;
  ballots: number;
  results: OptionResult[];
  /** Groups in the order of their first ballot in the file. */
  byGroup: Record<string, GroupTally>;
  winner?: string;
  rounds?: IrvRound[];
}

/**
 * Competition ranking: the highest score first and no score (null) last, the sort being stable
 * so that equal ones keep the options' order; equal scores share the rank of the first of them.
 */
export function competitionRanking(
  options: readonly TallyOption[],
  scoreOf: (option: TallyOption) => number | null,
): OptionResult[] {
  const sorted = options
    .map((option) => ({ id: option.id, name: option.name, score: scoreOf(option), rank: 0 }))
    .sort((a, b) => (a.score === null || b.score === null ? nullLast(a.score, b.score) : b.score - a.score));
  sorted.forEach((result, index) => {
    const previous = sorted[index - 1];
    result.rank = previous && previous.score === result.score ? previous.rank : index + 1;
  });
  return sorted;
}

function nullLast(a: number | null, b: number | null): number {
  return (a === null ? 1 : 0) - (b === null ? 1 : 0);
}
