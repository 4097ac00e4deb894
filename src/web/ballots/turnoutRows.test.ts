import { describe, expect, it } from "vitest";
import { ballotResults } from "../../core/index.js";
import { turnoutRows } from "./turnoutRows.js";

describe("turnoutRows", () => {
  it("labels each hour's cumulative voters by the end of that hour: votes at 20:10 and 20:50 are in 'by 21:00', not 'by 20:00'", () => {
    const rules = { method: "borda" as const, options: [{ id: "a", name: "A" }] };
    const vote = (voter: string, firstAt: string) => ({ voter, group: "G", vote: { ranking: ["a"] }, firstAt });
    const { turnout } = ballotResults(
      rules,
      [
        vote("v1", "2026-12-07T20:10:00.000Z"),
        vote("v2", "2026-12-07T20:50:00.000Z"),
        vote("v3", "2026-12-08T09:05:00.000Z"),
      ],
      { invited: 3, invitedVoted: 3, shared: 0 },
      3,
    );
    expect(turnoutRows(turnout.overTime)).toEqual([
      { by: "2026-12-07T21:00:00.000Z", voters: 2 },
      { by: "2026-12-08T10:00:00.000Z", voters: 3 },
    ]);
  });
});
