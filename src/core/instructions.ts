import type { DomainEvent } from "./events.js";
import type { WorkshopState } from "./model.js";
import type { Phase } from "./phases.js";

/**
 * The line the projector and the phones show under the goal, telling the room what to do now
 * ("Write 3–5 cards, one idea each"). Each phase has a default line, written by the web app in
 * the room's language; a facilitator's own line for a phase replaces it, and an empty one gives
 * the default back. Only the facilitator's lines are state.
 */
export type Instructions = Partial<Record<Phase, string>>;

/** The facilitator's own line for a phase, or undefined when the room sees the default. */
export function customInstruction(state: WorkshopState, phase: Phase): string | undefined {
  const line = state.instructions?.[phase];
  return line ? line : undefined;
}

/** The events of `setInstruction`: none when the line does not change. */
export function decideSetInstruction(state: WorkshopState, phase: Phase, text: string): DomainEvent[] {
  const previous = customInstruction(state, phase) ?? "";
  if (previous === text) return [];
  return [{ type: "instructionSet", phase, text, previous }];
}

/** The state with a phase's line set, or removed when `text` is empty. */
export function withInstruction(state: WorkshopState, phase: Phase, text: string): WorkshopState {
  const { [phase]: _replaced, ...others } = state.instructions ?? {};
  const instructions: Instructions = text ? { ...others, [phase]: text } : others;
  if (Object.keys(instructions).length > 0) return { ...state, instructions };
  const { instructions: _none, ...rest } = state;
  return rest;
}
