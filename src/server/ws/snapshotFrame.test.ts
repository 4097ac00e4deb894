import { describe, expect, it } from "vitest";
import { emptyWorkshop, reduce } from "../../core/index.js";
import { snapshotFrame } from "./snapshotFrame.js";

describe("snapshotFrame", () => {
  it("serialises a board once for every client that loads it at the same seq, and anew when it changes", () => {
    const board = emptyWorkshop("w1");
    const first = snapshotFrame(3, board);

    expect(snapshotFrame(3, board)).toBe(first);
    expect(JSON.parse(first.toString())).toEqual({
      type: "snapshot",
      seq: 3,
      state: JSON.parse(JSON.stringify(board)),
    });

    const changed = reduce(board, { type: "phaseChanged", phase: "brainstorm", previous: board.phase });
    expect(JSON.parse(snapshotFrame(4, changed).toString()).state.phase).toBe("brainstorm");
    expect(JSON.parse(snapshotFrame(5, board).toString()).seq).toBe(5);
  });
});
