import type { NoteFollowUp } from "./campaign.js";
import type { Command } from "./commands.js";
import type { DomainEvent } from "./events.js";
import type { WorkshopState } from "./model.js";
import { ok, type Result } from "./result.js";

/**
 * A new join code for the workshop, which the old one stops opening. Only the server gives it,
 * after a facilitator asked over REST: it picks a code no workshop holds, so no client may name
 * one. It is therefore no `Command` (nothing on the WebSocket parses it), yet it runs through
 * the same queue and log as one, so every screen gets the new code as an event.
 */
export interface ChangeJoinCode {
  type: "changeJoinCode";
  joinCode: string;
}

/** What the server's queue runs: a client's command, or one the server gives itself. */
export type AnyCommand = Command | ChangeJoinCode | NoteFollowUp;

/**
 * The event of a new join code; `previous` names the code it retires (the server frees exactly
 * that one, so two rotations at once still leave only the last code open). The route has checked
 * that a facilitator asked: the phase table is for clients' commands.
 */
export function decideChangeJoinCode(state: WorkshopState, command: ChangeJoinCode): Result<DomainEvent[]> {
  if (command.joinCode === state.joinCode) return ok([]);
  return ok([{ type: "joinCodeChanged", joinCode: command.joinCode, previous: state.joinCode }]);
}
