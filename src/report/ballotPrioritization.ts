import type { BallotCount, BallotResults, Language } from "../core/index.js";
import { formatShare, type LabelKey, translate } from "./i18n.js";
import type { Prioritization, PriorityTable } from "./model.js";

const METHOD: Record<BallotResults["method"], LabelKey> = {
  borda: "ballotMethodBorda",
  irv: "ballotMethodIrv",
  dots: "ballotMethodDots",
  rating: "ballotMethodRating",
};
const SCORE: Record<BallotResults["method"], LabelKey> = {
  borda: "ballotScoreBorda",
  irv: "ballotScoreIrv",
  dots: "ballotScoreDots",
  rating: "ballotScoreRating",
};

/**
 * A ballot's results as the report's prioritization section lays them out: the method and the
 * turnout, the themes in their rank, then each stakeholder group the server's results show (they
 * already follow the privacy rule: the small groups are together in "other"). Counted by the core's
 * tally on the server; the report only words them.
 */
export function buildBallotPrioritization(results: BallotResults, language: Language): Prioritization {
  const { turnout } = results;
  const method = translate(language, METHOD[results.method]);
  // The invitees' turnout counts invitees only; the shareable link's votes are said apart.
  const invitees =
    turnout.invited > 0
      ? translate(language, "ballotTurnout", {
          voted: turnout.invitedVoted,
          invited: turnout.invited,
          share: formatShare(turnout.invitedVoted / turnout.invited, language),
        })
      : translate(language, "ballotVoters", { voted: turnout.voted });
  const turnoutText =
    turnout.invited > 0 && turnout.shared > 0
      ? `${invitees} · ${translate(language, "ballotShared", { count: turnout.shared })}`
      : invitees;
  const overall = table(results.overall, results.method, translate(language, "allParticipants"), language);
  const groups = results.byGroup.map((group) => table(group, results.method, group.group, language));
  const other = results.other && table(results.other, results.method, translate(language, "otherGroups"), language);
  return {
    title: translate(language, "ballotPrioritization"),
    scoreLabel: translate(language, SCORE[results.method]),
    overall: { ...overall, summary: `${translate(language, "ballotMethod", { method })} · ${turnoutText}` },
    byGroup: other ? [...groups, other] : groups,
    ...(other ? { smallGroupsNote: translate(language, "smallGroupsNote", { count: results.minVoters }) } : {}),
  };
}

/**
 * Scores as the table prints them: ratings are means, kept to two decimals. A run-off's scores are
 * each theme's votes in the last round it was counted in, from different rounds: their sum means
 * nothing, so its share is of the ballots (the winner's majority reads as one).
 */
function table(count: BallotCount, method: BallotResults["method"], label: string, language: Language): PriorityTable {
  const scores = count.results.map((result) => Math.round((result.score ?? 0) * 100) / 100);
  const total = method === "irv" ? count.ballots : scores.reduce((sum, score) => sum + score, 0);
  return {
    label,
    votes: total,
    voters: count.ballots,
    summary: translate(language, "ballotBallots", { count: count.ballots }),
    rows: count.results.map((result, index) => ({
      themeId: result.id,
      name: result.name,
      votes: scores[index] ?? 0,
      share: total > 0 ? (scores[index] ?? 0) / total : 0,
      rank: result.rank,
    })),
  };
}
