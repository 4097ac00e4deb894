import { ok, type Result } from "../result.js";
import type { TallyMethod, TallyOption } from "../tally/schema.js";
import type { BallotSettings, BallotVote } from "./api.js";

/** What a vote is checked against: the ballot's method, settings and options. */
export interface VoteRules {
  method: TallyMethod;
  settings: BallotSettings;
  options: readonly TallyOption[];
}

type VoteCheck = Result<BallotVote, { code: "invalid"; message: string }>;

const refuse = (message: string): VoteCheck => ({ ok: false, error: { code: "invalid", message } });

/**
 * Checks a voter's choice against the ballot, so that every stored vote counts under the tally's
 * rules (`ballots/v1`) and a voter is told plainly what is wrong: the shape of the method, ids of
 * the ballot's options only, no option ranked twice, whole dots within the budget and the cap per
 * theme, ratings 1–5. A vote that chooses nothing is refused too: it would count as a ballot.
 */
export function checkVote(rules: VoteRules, vote: BallotVote): VoteCheck {
  const known = new Set(rules.options.map((option) => option.id));
  const unknown = (ids: string[]) => ids.find((id) => !known.has(id));
  switch (rules.method) {
    case "borda":
    case "irv": {
      if (!("ranking" in vote)) return refuse("This ballot is a ranking: send { ranking: [theme ids] }");
      const bad = unknown(vote.ranking);
      if (bad !== undefined) return refuse(`ranking: "${bad}" is not a theme of this ballot`);
      if (new Set(vote.ranking).size !== vote.ranking.length) return refuse("ranking: a theme is ranked twice");
      if (vote.ranking.length === 0) return refuse("ranking: rank at least one theme");
      return ok(vote);
    }
    case "dots": {
      if (!("dots" in vote)) return refuse("This ballot uses dots: send { dots: { theme id: count } }");
      const entries = Object.entries(vote.dots);
      const bad = unknown(entries.map(([id]) => id));
      if (bad !== undefined) return refuse(`dots: "${bad}" is not a theme of this ballot`);
      const { dotBudget, maxPerTheme } = rules.settings;
      for (const [id, count] of entries) {
        if (!Number.isInteger(count) || count < 0) return refuse(`dots.${id}: dots are whole numbers, 0 or more`);
        if (count > maxPerTheme) return refuse(`dots.${id}: at most ${maxPerTheme} dots on one theme`);
      }
      const total = entries.reduce((sum, [, count]) => sum + count, 0);
      if (total > dotBudget) return refuse(`dots: ${total} dots placed, the budget is ${dotBudget}`);
      if (total === 0) return refuse("dots: place at least one dot");
      return ok(vote);
    }
    case "rating": {
      if (!("ratings" in vote)) return refuse("This ballot rates themes: send { ratings: { theme id: 1–5 } }");
      const entries = Object.entries(vote.ratings);
      const bad = unknown(entries.map(([id]) => id));
      if (bad !== undefined) return refuse(`ratings: "${bad}" is not a theme of this ballot`);
      for (const [id, rating] of entries) {
        if (!Number.isInteger(rating) || rating < 1 || rating > 5) return refuse(`ratings.${id}: a rating is 1 to 5`);
      }
      if (entries.length === 0) return refuse("ratings: rate at least one theme");
      return ok(vote);
    }
  }
}
