import type { IrvRound, OptionResult, TallyCount, TallyMethod, TallyReport } from "../core/index.js";

const METHOD_NAMES: Record<TallyMethod, string> = {
  dots: "Dots",
  borda: "Borda count",
  irv: "Instant run-off",
  rating: "Rating (1–5)",
};

/** What the score column holds for each method. */
const SCORE_HEADINGS: Record<TallyMethod, string> = {
  dots: "Dots",
  borda: "Points",
  irv: "Votes",
  rating: "Mean",
};

const ballotsWord = (count: number) => `${count} ${count === 1 ? "ballot" : "ballots"}`;

/** `concord tally` without --json: the overall count, then each group's, as aligned tables in English. */
export function tallyTable(report: TallyReport): string {
  const groups = Object.entries(report.byGroup);
  const lines = [
    `${METHOD_NAMES[report.method]}: ${ballotsWord(report.ballots)}, ${report.results.length} options`,
    "",
    `All ballots (${ballotsWord(report.ballots)})`,
    ...countLines(report.method, report),
  ];
  for (const [group, count] of groups) {
    lines.push("", `${group} (${ballotsWord(count.ballots)})`, ...countLines(report.method, count));
  }
  return `${lines.join("\n")}\n`;
}

function countLines(method: TallyMethod, count: TallyCount): string[] {
  const scores = count.results.map((result) => formatScore(method, result));
  const heading = SCORE_HEADINGS[method];
  const rankWidth = Math.max(4, ...count.results.map((result) => String(result.rank).length));
  const scoreWidth = Math.max(heading.length, ...scores.map((score) => score.length));
  const row = (rank: string, score: string, name: string) =>
    `  ${rank.padStart(rankWidth)}  ${score.padStart(scoreWidth)}  ${name}`;
  const lines = [
    row("Rank", heading, "Option"),
    ...count.results.map((result, index) => row(String(result.rank), scores[index] ?? "", result.name || result.id)),
  ];
  if (count.rounds) {
    const nameOf = new Map(count.results.map((result) => [result.id, result.name || result.id]));
    lines.push(
      `  Winner: ${count.winner === undefined ? "none (no ballot ranks an option)" : nameOf.get(count.winner)}`,
    );
    count.rounds.forEach((round, index) => {
      lines.push(`  Round ${index + 1}: ${roundLine(round, (id) => nameOf.get(id) ?? id)}`);
    });
  }
  return lines;
}

function formatScore(method: TallyMethod, result: OptionResult): string {
  if (result.score === null) return "–";
  return method === "rating" ? result.score.toFixed(2) : String(result.score);
}

/** "Housing 5, Parks 4, Jobs 1; Jobs eliminated": most votes first. */
function roundLine(round: IrvRound, nameOf: (id: string) => string): string {
  const counts = Object.entries(round.counts)
    .sort(([, a], [, b]) => b - a)
    .map(([id, votes]) => `${nameOf(id)} ${votes}`)
    .join(", ");
  return "winner" in round
    ? `${counts}; ${nameOf(round.winner)} wins`
    : `${counts}; ${nameOf(round.eliminated)} eliminated`;
}
