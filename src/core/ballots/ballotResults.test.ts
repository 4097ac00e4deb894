import { describe, expect, it } from "vitest";
import type { BallotVote } from "./api.js";
import { ballotResults, type CastVote, documentResults } from "./ballotResults.js";
import { checkVote, type VoteRules } from "./checkVote.js";

const rules: VoteRules = {
  method: "dots",
  settings: { dotBudget: 3, maxPerTheme: 2 },
  options: [
    { id: "a", name: "A" },
    { id: "b", name: "B" },
  ],
};

const cast = (voter: string, group: string, vote: BallotVote, firstAt = "2026-12-07T10:15:00.000Z"): CastVote => ({
  voter,
  group,
  vote,
  firstAt,
});

describe("ballotResults", () => {
  it("counts every vote overall and shows only groups of at least minVoters; the small ones together, held to the rule", () => {
    const votes = [
      ...["1", "2", "3"].map((n) => cast(`m${n}`, "Members", { dots: { a: 2 } })),
      ...["1", "2"].map((n) => cast(`e${n}`, "Employers", { dots: { b: 1 } })),
      cast("s1", "Staff", { dots: { b: 2 } }),
    ];
    const results = ballotResults(rules, votes, { invited: 10, invitedVoted: 6, shared: 0 }, 3);
    expect(results.overall).toMatchObject({ group: "", ballots: 6 });
    expect(results.overall.results.map((r) => [r.id, r.score])).toEqual([
      ["a", 6],
      ["b", 4],
    ]);
    expect(results.byGroup.map((group) => group.group)).toEqual(["Members"]);
    expect(results.other).toMatchObject({ groups: 2, ballots: 3 });
    // Two small groups of 3 voters in all: "other" is shown. With only Employers small, it would be
    // shown by subtraction, so Members joins it and no group is shown apart.
    const twoGroups = ballotResults(rules, votes.slice(0, 5), { invited: 10, invitedVoted: 5, shared: 0 }, 3);
    expect(twoGroups.byGroup).toEqual([]);
    expect(twoGroups.other).toBeUndefined();
  });

  it("counts turnout by the hour of each voter's first vote, cumulatively", () => {
    const votes = [
      cast("1", "G", { dots: { a: 1 } }, "2026-12-07T10:59:59.000Z"),
      cast("2", "G", { dots: { a: 1 } }, "2026-12-08T09:00:00.000Z"),
      cast("3", "G", { dots: { a: 1 } }, "2026-12-07T10:01:00.000Z"),
    ];
    expect(ballotResults(rules, votes, { invited: 5, invitedVoted: 2, shared: 1 }, 3).turnout).toEqual({
      invited: 5,
      invitedVoted: 2,
      shared: 1,
      voted: 3,
      overTime: [
        { at: "2026-12-07T10:00:00.000Z", voters: 2 },
        { at: "2026-12-08T09:00:00.000Z", voters: 3 },
      ],
    });
  });
});

describe("documentResults", () => {
  it("counts a ballots/v1 file as a ballot's votes, under the same privacy rule; its turnout is its ballots alone", () => {
    const votes = [
      ...["1", "2", "3"].map((n) => cast(`m${n}`, "Members", { dots: { a: 2 } })),
      ...["1", "2"].map((n) => cast(`e${n}`, "Employers", { dots: { b: 1 } })),
      cast("s1", "Staff", { dots: { b: 2 } }),
    ];
    const file = {
      format: "ballots/v1" as const,
      method: "dots" as const,
      options: rules.options.map((option) => ({ ...option })),
      ballots: votes.map((vote) => ({
        voter: vote.voter,
        group: vote.group,
        dots: "dots" in vote.vote ? vote.vote.dots : {},
      })),
    };
    const { turnout, ...counts } = documentResults(file, 3);
    const { turnout: _turnout, ...expected } = ballotResults(
      rules,
      votes,
      { invited: 10, invitedVoted: 6, shared: 0 },
      3,
    );
    expect(counts).toEqual(expected);
    expect(counts.other).toMatchObject({ groups: 2, ballots: 3 });
    expect(turnout).toEqual({ invited: 0, invitedVoted: 0, shared: 0, voted: 6, overTime: [] });
  });
});

describe("checkVote", () => {
  it("takes a vote within the rules and refuses one outside them with what is wrong", () => {
    expect(checkVote(rules, { dots: { a: 2, b: 1 } }).ok).toBe(true);
    const refusal = (vote: BallotVote) => {
      const checked = checkVote(rules, vote);
      return checked.ok ? "accepted" : checked.error.message;
    };
    expect(refusal({ dots: { a: 2, b: 2 } })).toBe("dots: 4 dots placed, the budget is 3");
    expect(refusal({ dots: { a: 3 } })).toBe("dots.a: at most 2 dots on one theme");
    expect(refusal({ ranking: ["a"] })).toMatch(/^This ballot uses dots/);
    const ranked: VoteRules = { ...rules, method: "irv" };
    expect(checkVote(ranked, { ranking: ["b"] }).ok).toBe(true);
    expect(checkVote(ranked, { ranking: ["b", "b"] }).ok).toBe(false);
    expect(checkVote({ ...rules, method: "rating" }, { ratings: { a: 0 } }).ok).toBe(false);
  });
});
