import type { TFunction } from "i18next";
import { customInstruction, type Phase, type WorkshopState } from "../../core/index.js";

/**
 * What the room is asked to do in a phase: the facilitator's own line, or the default in the
 * language `t` speaks (on the projector, the workshop's). The vote's line counts the workshop's dots.
 */
export function instructionLine(t: TFunction, state: WorkshopState, phase: Phase = state.phase): string {
  return customInstruction(state, phase) ?? defaultInstruction(t, state, phase);
}

/** The line a phase shows when the facilitator has not written one. */
export function defaultInstruction(t: TFunction, state: WorkshopState, phase: Phase): string {
  if (phase === "brainstorm" && state.settings.brainstormMode === "rounds") return t("instructions.brainstormRounds");
  if (phase === "prioritize") return t("instructions.prioritize", { count: state.settings.voteBudget });
  return t(`instructions.${phase}`);
}
