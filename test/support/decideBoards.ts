/**
 * Boards and shorthands shared by the decide tests: Ana and Ben joined in brainstorm, and a cluster
 * board with three columns and a pile.
 */
import type { Command } from "../../src/core/commands.js";
import { decide } from "../../src/core/decide.js";
import type { Actor, WorkshopState } from "../../src/core/model.js";
import type { Phase } from "../../src/core/phases.js";
import { blankWorkshop, FACILITATOR, participant, play } from "./workshops.js";

export const ana = participant("p-ana");
export const ben = participant("p-ben");

export function attempt(state: WorkshopState, actor: Actor, command: Command) {
  return decide(state, command, actor);
}

export function refusal(state: WorkshopState, actor: Actor, command: Command) {
  const result = decide(state, command, actor);
  if (result.ok) throw new Error(`expected ${command.type} to be refused, got ${JSON.stringify(result.value)}`);
  return result.error;
}

export function toPhase(state: WorkshopState, phase: Phase): WorkshopState {
  return state.phase === phase ? state : play(state, FACILITATOR, { type: "setPhase", phase });
}

/** Brainstorm phase with Ana (group Ops) and Ben joined and no cards yet. */
export function brainstorm(): WorkshopState {
  let state = toPhase(blankWorkshop(), "brainstorm");
  state = play(state, ana, { type: "joinWorkshop", name: "Ana", group: "Ops" });
  return play(state, ben, { type: "joinWorkshop", name: "Ben" });
}

/** Cluster phase: t1 [c1 c2 c3], t2 [c4], t3 [] and the pile [c5 c6]. */
export function board(): WorkshopState {
  let state = play(
    brainstorm(),
    FACILITATOR,
    { type: "createTheme", themeId: "t1" },
    { type: "createTheme", themeId: "t2" },
    { type: "createTheme", themeId: "t3" },
  );
  for (const id of ["c1", "c2", "c3"]) {
    state = play(state, FACILITATOR, { type: "addCard", cardId: id, text: `Card ${id}`, themeId: "t1" });
  }
  state = play(state, FACILITATOR, { type: "addCard", cardId: "c4", text: "Card c4", themeId: "t2" });
  state = play(state, ana, { type: "addCard", cardId: "c5", text: "Card c5" });
  state = play(state, ben, { type: "addCard", cardId: "c6", text: "Card c6" });
  return toPhase(state, "cluster");
}

export function columns(state: WorkshopState): Record<string, string[]> {
  return { ...Object.fromEntries(state.themes.map((t) => [t.id, t.cardIds])), pile: state.unclustered };
}

export function move(
  state: WorkshopState,
  cardId: string,
  toThemeId: string | null,
  toIndex: number,
  actor = FACILITATOR,
) {
  return play(state, actor, { type: "moveCard", cardId, toThemeId, toIndex });
}
