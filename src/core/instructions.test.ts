import { describe, expect, it } from "vitest";
import { ana, attempt, brainstorm } from "../../test/support/decideBoards.js";
import { eventsFor, FACILITATOR, play } from "../../test/support/workshops.js";
import { commandSchema } from "./commands.js";
import { customInstruction } from "./instructions.js";
import { reduceAll } from "./reducer.js";

describe("the room's instruction line", () => {
  it("a facilitator's line for a phase replaces the default, and an empty one gives it back", () => {
    const state = play(brainstorm(), FACILITATOR, {
      type: "setInstruction",
      phase: "brainstorm",
      text: "Two cards each, please",
    });
    expect(customInstruction(state, "brainstorm")).toBe("Two cards each, please");
    expect(customInstruction(state, "cluster")).toBeUndefined();
    const back = play(state, FACILITATOR, { type: "setInstruction", phase: "brainstorm", text: "" });
    expect(customInstruction(back, "brainstorm")).toBeUndefined();
    expect(back.instructions).toBeUndefined();
  });

  it("records the line it replaced, and the board's undo puts it back", () => {
    const first = play(brainstorm(), FACILITATOR, { type: "setInstruction", phase: "cluster", text: "Pair up cards" });
    const events = eventsFor(first, FACILITATOR, { type: "setInstruction", phase: "cluster", text: "Find pairs" });
    expect(events).toEqual([
      { type: "instructionSet", phase: "cluster", text: "Find pairs", previous: "Pair up cards" },
    ]);
    const undone = play(reduceAll(first, events), FACILITATOR, { type: "undo" });
    expect(customInstruction(undone, "cluster")).toBe("Pair up cards");
  });

  it("an unchanged line is no event", () => {
    const state = play(brainstorm(), FACILITATOR, { type: "setInstruction", phase: "cluster", text: "Pair up" });
    expect(eventsFor(state, FACILITATOR, { type: "setInstruction", phase: "cluster", text: "Pair up" })).toEqual([]);
  });

  it("is the facilitator's alone", () => {
    const refused = attempt(brainstorm(), ana, { type: "setInstruction", phase: "brainstorm", text: "Anything" });
    expect(refused.ok).toBe(false);
  });

  it("is one short line, trimmed, for a known phase", () => {
    const parse = (value: unknown) => commandSchema.safeParse(value);
    expect(parse({ type: "setInstruction", phase: "cluster", text: "  Pair up  " }).data).toEqual({
      type: "setInstruction",
      phase: "cluster",
      text: "Pair up",
    });
    expect(parse({ type: "setInstruction", phase: "cluster", text: "x".repeat(161) }).success).toBe(false);
    expect(parse({ type: "setInstruction", phase: "lunch", text: "Eat" }).success).toBe(false);
  });
});
