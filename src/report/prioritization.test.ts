import { describe, expect, it } from "vitest";
import { buildPrioritization } from "./prioritization.js";

const THEMES = [
  { id: "a", name: "Alpha" },
  { id: "b", name: "Beta" },
  { id: "c", name: "Gamma" },
];

describe("buildPrioritization", () => {
  it("is absent when nobody voted", () => {
    expect(buildPrioritization([], THEMES, () => undefined, [], "en", 3)).toBeUndefined();
  });

  it("ranks themes by votes, ties sharing a rank in board order, and computes shares", () => {
    const votes = [
      { voterId: "v1", themeId: "c", count: 2 },
      { voterId: "v2", themeId: "a", count: 1 },
      { voterId: "v2", themeId: "c", count: 1 },
      { voterId: "v3", themeId: "a", count: 2 },
    ];
    const result = buildPrioritization(votes, THEMES, () => undefined, [], "en", 3);
    expect(result?.overall).toEqual({
      label: "All participants",
      votes: 6,
      voters: 3,
      rows: [
        { themeId: "a", name: "Alpha", votes: 3, share: 0.5, rank: 1 },
        { themeId: "c", name: "Gamma", votes: 3, share: 0.5, rank: 1 },
        { themeId: "b", name: "Beta", votes: 0, share: 0, rank: 3 },
      ],
    });
    expect(result?.byGroup).toEqual([]);
  });

  it("tallies by participant group in the workshop's group order, unknown groups last (every group shown at threshold 1)", () => {
    const groups: Record<string, string> = { v1: "Board", v2: "Staff", v3: "Board" };
    const votes = [
      { voterId: "v1", themeId: "b", count: 1 },
      { voterId: "v2", themeId: "a", count: 2 },
      { voterId: "v3", themeId: "b", count: 1 },
      { voterId: "v4", themeId: "c", count: 1 },
    ];
    const result = buildPrioritization(votes, THEMES, (id) => groups[id], ["Staff", "Board"], "en", 1);
    expect(result?.byGroup.map((group) => [group.label, group.votes, group.voters, group.rows[0]?.themeId])).toEqual([
      ["Staff", 2, 1, "a"],
      ["Board", 2, 2, "b"],
      ["Group not recorded", 1, 1, "c"],
    ]);
  });

  it("leaves out votes on themes that no longer exist", () => {
    const result = buildPrioritization(
      [{ voterId: "v1", themeId: "gone", count: 3 }],
      THEMES,
      () => undefined,
      [],
      "fr",
      3,
    );
    expect(result).toBeUndefined();
  });

  it("shows no group of 1 or 2 voters: their votes are in the total and under Other groups, with a note", () => {
    const groups: Record<string, string> = {
      s1: "Staff",
      s2: "Staff",
      s3: "Staff",
      b1: "Board",
      b2: "Board",
      r1: "Readers",
    };
    const votes = Object.keys(groups).map((voterId) => ({ voterId, themeId: voterId === "r1" ? "c" : "a", count: 2 }));
    const result = buildPrioritization(votes, THEMES, (id) => groups[id], ["Staff", "Board", "Readers"], "fr", 3);
    expect(result?.overall).toMatchObject({ votes: 12, voters: 6 });
    expect(result?.byGroup.map((group) => [group.label, group.votes, group.voters])).toEqual([
      ["Staff", 6, 3],
      ["Autres groupes", 6, 3],
    ]);
    expect(result?.smallGroupsNote).toBe(
      "Les groupes de moins de 3 votants ne sont pas montrés à part\u00a0: leurs votes comptent dans le total et sous «\u00a0Autres groupes\u00a0».",
    );
  });

  it("has no breakdown when no group reaches the threshold, 'Group not recorded' included", () => {
    const groups: Record<string, string> = { s1: "Staff", s2: "Staff" };
    const votes = ["s1", "s2", "n1", "n2"].map((voterId) => ({ voterId, themeId: "a", count: 1 }));
    const result = buildPrioritization(votes, THEMES, (id) => groups[id], [], "en", 3);
    expect(result?.byGroup).toEqual([]);
    expect(result?.smallGroupsNote).toBeUndefined();
    expect(result?.overall.votes).toBe(4);
  });
});
