/**
 * A second count of `ballots/v1` files, written again from the rules and differently from
 * src/core/tally: plain loops over plain arrays, a rank as "1 + how many options do better", each
 * IRV round recounted from the rankings filtered to the options left, places assigned from the
 * elimination order. It exists to be compared with the module (test/properties/tally.property.test.ts,
 * test/cli/tally.test.ts), so it favours the obvious over the fast.
 */

interface Option {
  id: string;
  name: string;
}
type Ballot = { voter: string; group: string } & (
  | { ranking: string[] }
  | { dots: Record<string, number> }
  | { ratings: Record<string, number> }
);
export interface BallotsFile {
  format: "ballots/v1";
  method: "dots" | "borda" | "irv" | "rating";
  options: Option[];
  ballots: Ballot[];
}

interface Row {
  id: string;
  name: string;
  score: number | null;
  rank: number;
}
type Round =
  | { counts: Record<string, number>; eliminated: string }
  | { counts: Record<string, number>; winner: string };
interface Recount {
  results: Row[];
  winner?: string;
  rounds?: Round[];
}

const rankingOf = (ballot: Ballot) => ("ranking" in ballot ? ballot.ranking : []);
const valueIn = (record: Record<string, number>, id: string) => (Object.hasOwn(record, id) ? record[id] : undefined);

/** Borda points of one option: m − k for each ballot that ranks it k-th. */
export function borda(file: BallotsFile, ballots: Ballot[], id: string): number {
  let points = 0;
  for (const ballot of ballots) {
    const at = rankingOf(ballot).indexOf(id);
    if (at >= 0) points += file.options.length - (at + 1);
  }
  return points;
}

/** Is score a better than score b? No score is worse than any. */
const beats = (a: number | null, b: number | null) => a !== null && (b === null || a > b);

/** Competition ranking written as its definition: 1 + the number of options with a better score. */
function competitionRows(file: BallotsFile, scoreOf: (id: string) => number | null): Row[] {
  const scores = file.options.map((option) => scoreOf(option.id));
  const rows = file.options.map((option, i) => ({
    id: option.id,
    name: option.name,
    score: scores[i] ?? null,
    rank: 1 + scores.filter((other) => beats(other, scores[i] ?? null)).length,
    listed: i,
  }));
  rows.sort((a, b) => a.rank - b.rank || a.listed - b.listed);
  return rows.map(({ listed: _listed, ...row }) => row);
}

function irv(file: BallotsFile, ballots: Ballot[]): Recount {
  const ids = file.options.map((option) => option.id);
  const pointsOf = (id: string) => borda(file, ballots, id);
  let remaining = [...ids];
  const rounds: Round[] = [];
  const lastCount: Record<string, number> = {};
  for (const id of ids) lastCount[id] = 0;
  if (ballots.every((ballot) => rankingOf(ballot).length === 0)) {
    const rows = [...ids].sort((a, b) => pointsOf(b) - pointsOf(a) || ids.indexOf(a) - ids.indexOf(b));
    return { results: rows.map((id, i) => ({ id, name: nameOf(file, id), score: 0, rank: i + 1 })), rounds };
  }
  const eliminated: string[] = [];
  let winner: string | undefined;
  while (winner === undefined) {
    const tops = ballots
      .map((ballot) => rankingOf(ballot).filter((id) => remaining.includes(id))[0])
      .filter((id) => id !== undefined);
    const counts: Record<string, number> = {};
    for (const id of remaining) counts[id] = tops.filter((top) => top === id).length;
    for (const id of remaining) lastCount[id] = counts[id] ?? 0;
    winner = remaining.find((id) => (counts[id] ?? 0) > tops.length / 2);
    if (winner !== undefined) {
      rounds.push({ counts, winner });
      break;
    }
    const fewest = Math.min(...remaining.map((id) => counts[id] ?? 0));
    const tiedOnVotes = remaining.filter((id) => counts[id] === fewest);
    const fewestPoints = Math.min(...tiedOnVotes.map(pointsOf));
    // `remaining` keeps the options' order, so the last of the tied is the one listed last.
    const loser = tiedOnVotes.filter((id) => pointsOf(id) === fewestPoints).at(-1) as string;
    rounds.push({ counts, eliminated: loser });
    eliminated.push(loser);
    remaining = remaining.filter((id) => id !== loser);
  }
  const m = ids.length;
  const rank: Record<string, number> = { [winner]: 1 };
  // The first eliminated is last (m), the next m − 1, and so on.
  eliminated.forEach((id, i) => {
    rank[id] = m - i;
  });
  const others = remaining
    .filter((id) => id !== winner)
    .sort(
      (a, b) =>
        (lastCount[b] ?? 0) - (lastCount[a] ?? 0) || pointsOf(b) - pointsOf(a) || ids.indexOf(a) - ids.indexOf(b),
    );
  others.forEach((id, i) => {
    rank[id] = i + 2;
  });
  const results = ids
    .map((id) => ({ id, name: nameOf(file, id), score: lastCount[id] ?? 0, rank: rank[id] ?? 0 }))
    .sort((a, b) => a.rank - b.rank);
  return { results, winner, rounds };
}

const nameOf = (file: BallotsFile, id: string) => file.options.find((option) => option.id === id)?.name ?? "";

function recountBallots(file: BallotsFile, ballots: Ballot[]): Recount {
  switch (file.method) {
    case "dots":
      return {
        results: competitionRows(file, (id) =>
          ballots.reduce((sum, ballot) => sum + ("dots" in ballot ? (valueIn(ballot.dots, id) ?? 0) : 0), 0),
        ),
      };
    case "borda":
      return { results: competitionRows(file, (id) => borda(file, ballots, id)) };
    case "rating":
      return {
        results: competitionRows(file, (id) => {
          const given = ballots
            .map((ballot) => ("ratings" in ballot ? valueIn(ballot.ratings, id) : undefined))
            .filter((rating) => rating !== undefined);
          return given.length === 0 ? null : given.reduce((sum, rating) => sum + rating, 0) / given.length;
        }),
      };
    case "irv":
      return irv(file, ballots);
  }
}

/** The whole of `concord tally --json`, recounted: all ballots, then each group's in order of appearance. */
export function recount(file: BallotsFile) {
  const groups: string[] = [];
  for (const ballot of file.ballots) if (!groups.includes(ballot.group)) groups.push(ballot.group);
  const byGroup: Record<string, Recount & { ballots: number }> = {};
  for (const group of groups) {
    const mine = file.ballots.filter((ballot) => ballot.group === group);
    byGroup[group] = { ballots: mine.length, ...recountBallots(file, mine) };
  }
  return { method: file.method, ballots: file.ballots.length, byGroup, ...recountBallots(file, file.ballots) };
}
