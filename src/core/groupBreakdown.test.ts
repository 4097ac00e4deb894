import { describe, expect, it } from "vitest";
import { breakdownVotes } from "./groupBreakdown.js";
import type { Vote } from "./model.js";

/** One dot on theme t1 per voter id, with the voter's group in `groups`. */
function room(groups: Record<string, string>): { votes: Vote[]; groupOf: (voterId: string) => string } {
  return {
    votes: Object.keys(groups).map((voterId) => ({ voterId, themeId: "t1", count: 1 })),
    groupOf: (voterId) => groups[voterId] ?? "",
  };
}

const summary = (breakdown: ReturnType<typeof breakdownVotes>) => ({
  groups: breakdown.groups.map((group) => [group.key, group.voters]),
  other: breakdown.other && [breakdown.other.voters, breakdown.other.groups],
});

const dots = (votes: readonly Vote[]) => votes.reduce((total, vote) => total + vote.count, 0);

describe("breakdownVotes", () => {
  it("shows a group of 3 voters and hides groups of 2 and 1, whose dots go to the other row", () => {
    const { votes, groupOf } = room({
      a1: "A",
      a2: "A",
      a3: "A",
      b1: "B",
      b2: "B",
      c1: "C",
      c2: "C",
      c3: "C",
      d1: "D",
    });
    expect(summary(breakdownVotes(votes, groupOf, 3))).toEqual({
      groups: [
        ["A", 3],
        ["C", 3],
      ],
      other: [3, 2],
    });
  });

  it("counts voters, not dots: one voter's many dots do not make a group", () => {
    const votes: Vote[] = [
      { voterId: "a1", themeId: "t1", count: 3 },
      { voterId: "a1", themeId: "t2", count: 3 },
      ...room({ b1: "B", b2: "B", b3: "B", c1: "C", c2: "C", c3: "C" }).votes,
    ];
    const groupOf = (id: string) => (id.startsWith("a") ? "A" : id.startsWith("b") ? "B" : "C");
    const breakdown = breakdownVotes(votes, groupOf, 3);
    expect(breakdown.groups.map((group) => group.key)).toEqual(["B"]);
    expect(breakdown.other).toMatchObject({ voters: 4, groups: 2 });
  });

  it("treats 'no group' like any other group: shown from 3 voters, hidden under", () => {
    const shown = room({ n1: "", n2: "", n3: "", a1: "A", a2: "A", a3: "A" });
    expect(summary(breakdownVotes(shown.votes, shown.groupOf, 3)).groups).toEqual([
      ["", 3],
      ["A", 3],
    ]);
    const hidden = room({ n1: "", n2: "", a1: "A", a2: "A", a3: "A", b1: "B", b2: "B", b3: "B", c1: "C" });
    expect(summary(breakdownVotes(hidden.votes, hidden.groupOf, 3))).toEqual({
      groups: [
        ["A", 3],
        ["B", 3],
      ],
      other: [3, 2],
    });
  });

  it("fills an other row under the threshold with the smallest shown group, so no small group shows by subtraction", () => {
    const { votes, groupOf } = room({ a1: "A", a2: "A", a3: "A", a4: "A", b1: "B", b2: "B", b3: "B", c1: "C" });
    expect(summary(breakdownVotes(votes, groupOf, 3))).toEqual({ groups: [["A", 4]], other: [4, 2] });
  });

  it("shows nothing when no group can be shown apart", () => {
    const { votes, groupOf } = room({ a1: "A", a2: "A", b1: "B", b2: "B" });
    expect(breakdownVotes(votes, groupOf, 3)).toEqual({ groups: [] });
    const few = room({ a1: "A", a2: "A", a3: "A", b1: "B" });
    expect(breakdownVotes(few.votes, few.groupOf, 3)).toEqual({ groups: [] });
  });

  it("keeps every dot: the groups shown and the other row add up to the total", () => {
    const { votes, groupOf } = room({
      a1: "A",
      a2: "A",
      a3: "A",
      b1: "B",
      b2: "B",
      b3: "B",
      c1: "C",
      d1: "D",
      d2: "D",
    });
    const breakdown = breakdownVotes(votes, groupOf, 3);
    expect(summary(breakdown)).toEqual({
      groups: [
        ["A", 3],
        ["B", 3],
      ],
      other: [3, 2],
    });
    const shownDots = breakdown.groups.reduce((total, group) => total + dots(group.votes), 0);
    expect(shownDots + dots(breakdown.other?.votes ?? [])).toBe(dots(votes));
  });

  it("follows the workshop's threshold: 1 shows every group, 5 hides groups of 4", () => {
    const { votes, groupOf } = room({ a1: "A", b1: "B", b2: "B", b3: "B", b4: "B" });
    expect(summary(breakdownVotes(votes, groupOf, 1)).groups).toEqual([
      ["A", 1],
      ["B", 4],
    ]);
    expect(breakdownVotes(votes, groupOf, 5)).toEqual({ groups: [] });
  });
});
