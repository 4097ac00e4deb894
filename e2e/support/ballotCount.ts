// The independent count the ballot e2e tests hold the dashboard and the report to: written here
// from the rules, not by the server's tally.

export interface Theme {
  id: string;
  name: string;
}

/** A small seeded generator (mulberry32), so that a failing run can be run again as it was. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A ranking of some of the themes; each group leans towards its own favourite, so the groups differ. */
export function rankingFor(themes: Theme[], groupIndex: number, next: () => number, full: boolean): string[] {
  const weights = themes.map((_, index) => next() + (index === groupIndex ? 0.6 : 0) + (index === 4 ? 0.2 : 0));
  const order = themes.map((theme, index) => ({ id: theme.id, weight: weights[index] ?? 0 }));
  order.sort((a, b) => b.weight - a.weight);
  const length = full ? themes.length : 1 + Math.floor(next() * themes.length);
  return order.slice(0, length).map((entry) => entry.id);
}

/** The independent count: Borda points per theme, then competition ranks (ties in the themes' order). */
export function bordaRows(themes: Theme[], rankings: string[][]): { rank: number; name: string; points: number }[] {
  const points = new Map(themes.map((theme) => [theme.id, 0]));
  for (const ranking of rankings) {
    for (const [index, id] of ranking.entries()) points.set(id, (points.get(id) ?? 0) + themes.length - (index + 1));
  }
  const rows = themes
    .map((theme, order) => ({ name: theme.name, points: points.get(theme.id) ?? 0, order }))
    .sort((a, b) => b.points - a.points || a.order - b.order);
  return rows.map((row) => ({
    rank: rows.findIndex((other) => other.points === row.points) + 1,
    name: row.name,
    points: row.points,
  }));
}

export interface Round {
  counts: Map<string, number>;
  eliminated?: string;
  winner?: string;
}

/**
 * The independent run-off: each round counts each ranking for its highest-ranked theme still in;
 * a theme with more than half of the rankings still counting wins; else the one with the fewest
 * votes goes (ties: the fewest Borda points over all rankings, then the one listed last).
 */
export function runOff(themes: Theme[], rankings: string[][]): Round[] {
  const borda = (id: string) =>
    rankings.reduce((sum, ranking) => sum + (ranking.includes(id) ? themes.length - 1 - ranking.indexOf(id) : 0), 0);
  const listed = (id: string) => themes.findIndex((theme) => theme.id === id);
  let still = themes.map((theme) => theme.id);
  const rounds: Round[] = [];
  for (;;) {
    const counts = new Map(still.map((id) => [id, 0]));
    let counting = 0;
    for (const ranking of rankings) {
      const choice = ranking.find((id) => counts.has(id));
      if (choice === undefined) continue;
      counts.set(choice, (counts.get(choice) ?? 0) + 1);
      counting += 1;
    }
    const votes = (id: string) => counts.get(id) ?? 0;
    const winner = still.find((id) => votes(id) * 2 > counting);
    if (winner) return [...rounds, { counts, winner }];
    const [eliminated = ""] = [...still].sort(
      (a, b) => votes(a) - votes(b) || borda(a) - borda(b) || listed(b) - listed(a),
    );
    rounds.push({ counts, eliminated });
    still = still.filter((id) => id !== eliminated);
  }
}

/** A rounds table as the dashboard words it: each theme's cells by name, the ballots counted and the outcome per round. */
export function roundsTable(themes: Theme[], rounds: Round[]) {
  const name = (id: string) => themes.find((theme) => theme.id === id)?.name ?? id;
  const cells = (id: string) =>
    rounds.map((round) => {
      const votes = round.counts.get(id);
      if (votes === undefined) return "—already eliminated";
      return round.winner === id ? `${votes}, wins` : round.eliminated === id ? `${votes}, eliminated` : String(votes);
    });
  return {
    heads: ["Theme", ...rounds.map((_, index) => `Round ${index + 1}`)],
    rows: Object.fromEntries(themes.map((theme) => [theme.name, cells(theme.id)])),
    counted: rounds.map((round) => String([...round.counts.values()].reduce((sum, votes) => sum + votes, 0))),
    outcome: rounds.map((round) =>
      round.winner ? `${name(round.winner)} wins` : `${name(round.eliminated ?? "")} eliminated`,
    ),
  };
}
