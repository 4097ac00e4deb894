import { type Actor, type AnyCommand, decide, reduceAll, type WorkshopState } from "../core/index.js";
import { AppError } from "./errors.js";
import {
  type CommandRecord,
  type CommandRef,
  commandKey,
  type NewEvents,
  type StoredEvent,
} from "./store/eventStore.js";

/** An active workshop in memory: its committed state and seq, and the commands waiting to run. */
export interface Room {
  workshopId: string;
  state: WorkshopState;
  seq: number;
  queue: QueuedCommand[];
}

export interface CommandOutcome {
  seq: number;
  events: StoredEvent[];
  /** True when this command id was already applied: nothing happened this time. */
  duplicate: boolean;
}

export interface QueuedCommand {
  actor: Actor;
  commandId: string;
  command: AnyCommand;
  resolve(outcome: CommandOutcome): void;
  reject(error: unknown): void;
}

type Decision =
  | { kind: "append"; batch: number }
  | { kind: "duplicate"; seq: number }
  /** The same actor and command id earlier in this group: answered with that one's seq. */
  | { kind: "repeat"; of: number }
  | { kind: "refused"; error: AppError };

/** What one group decided for one room: its commands, their decisions, the batches to write and where they leave the room. */
export interface Plan {
  room: Room;
  items: QueuedCommand[];
  decisions: Decision[];
  batches: NewEvents[];
  state: WorkshopState;
  seq: number;
  /** Index in `items` of each command (by `commandKey`) appended by this plan, to answer a repeat. */
  accepted: Map<string, number>;
}

/** An empty plan for a room, from the state and seq it will have when the plan is written (`from`). */
export function newPlan(room: Room, from: Pick<Room, "state" | "seq">): Plan {
  return { room, items: [], decisions: [], batches: [], state: from.state, seq: from.seq, accepted: new Map() };
}

/**
 * Decides commands in order into a room's plan, each against the state the ones before leave.
 * `earlier` holds the commands the log already has; `now` is one clock reading for the pass.
 */
export function decideInto(
  plan: Plan,
  items: readonly QueuedCommand[],
  earlier: Map<string, CommandRecord>,
  now: string,
): void {
  const { room } = plan;
  for (const item of items) {
    const index = plan.items.push(item) - 1;
    const key = commandKey(refOf(room, item));
    const repeat = plan.accepted.get(key);
    if (repeat !== undefined) {
      plan.decisions.push({ kind: "repeat", of: repeat });
      continue;
    }
    const applied = earlier.get(key);
    if (applied) {
      plan.decisions.push({ kind: "duplicate", seq: applied.seq });
      continue;
    }
    const decided = decide(plan.state, item.command, item.actor, now);
    if (!decided.ok) {
      plan.decisions.push({ kind: "refused", error: AppError.from(decided.error) });
      continue;
    }
    plan.state = reduceAll(plan.state, decided.value);
    plan.batches.push({
      workshopId: room.workshopId,
      expectedSeq: plan.seq,
      at: now,
      actor: item.actor,
      commandId: item.commandId,
      events: decided.value,
      title: plan.state.context.title,
    });
    plan.seq += decided.value.length;
    plan.accepted.set(key, index);
    plan.decisions.push({ kind: "append", batch: plan.batches.length - 1 });
  }
}

/** Answers each command of a durable plan in order: its outcome, or its refusal. `roomSeq` is where the room stands now. */
export function answerPlan(plan: Plan, stored: StoredEvent[][], roomSeq: number): void {
  const outcomes: (CommandOutcome | undefined)[] = [];
  for (const [index, decision] of plan.decisions.entries()) {
    const item = plan.items[index];
    if (!item) continue;
    let outcome: CommandOutcome | undefined;
    if (decision.kind === "append") {
      const events = stored[decision.batch] ?? [];
      outcome = { seq: (plan.batches[decision.batch]?.expectedSeq ?? 0) + events.length, events, duplicate: false };
    } else if (decision.kind === "duplicate") outcome = { seq: decision.seq, events: [], duplicate: true };
    else if (decision.kind === "repeat") {
      const first = outcomes[decision.of];
      outcome = { seq: first?.seq ?? roomSeq, events: [], duplicate: true };
    }
    outcomes.push(outcome);
    if (decision.kind === "refused") item.reject(decision.error);
    else if (outcome) item.resolve(outcome);
  }
}

/** The command's key in the log: its workshop, actor and command id. */
export function refOf(room: Room, item: QueuedCommand): CommandRef {
  return { workshopId: room.workshopId, actorId: item.actor.id, commandId: item.commandId };
}
