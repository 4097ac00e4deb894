import { type Actor, type Command, decide, reduceAll, type WorkshopState } from "../core/index.js";
import { AppError } from "./errors.js";
import { type EventStore, type NewEvents, SequenceConflictError, type StoredEvent } from "./store/eventStore.js";

/** Another process may append between our read and our write; reload and decide again. */
const MAX_CONFLICT_RETRIES = 5;

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
  command: Command;
  resolve(outcome: CommandOutcome): void;
  reject(error: unknown): void;
}

type Decision =
  | { kind: "append"; batch: number }
  | { kind: "duplicate"; seq: number }
  /** The same actor and command id earlier in this group: answered with that one's seq. */
  | { kind: "repeat"; of: number }
  | { kind: "refused"; error: AppError };

interface Plan {
  room: Room;
  items: QueuedCommand[];
  decisions: Decision[];
  batches: NewEvents[];
  state: WorkshopState;
  seq: number;
}

interface Group {
  room: Room;
  items: QueuedCommand[];
}

export interface GroupCommitOptions {
  store: EventStore;
  now: () => string;
  /** A room's commands of one group are committed: publish its events (in seq order) before any ack. */
  committed(room: Room, events: StoredEvent[], previousSeq: number): void;
  /** Folds in what another process appended, after a sequence conflict. */
  catchUp(room: Room): Promise<void>;
}

/**
 * Group commit. Commands that queue up while the server is busy — in one workshop or across
 * workshops — are decided one after another against their room's state and then written in ONE
 * store transaction, so one durable commit (one fsync with synchronous=FULL) covers all of them;
 * each is answered only after that commit. A group forms on its own: everything that arrived by
 * the end of this turn of the event loop (`setImmediate`), plus, with an asynchronous store,
 * whatever arrives while the previous group is being written. One group is written at a time,
 * so a workshop's commands still apply in arrival order, and a connection's in the order it sent them.
 */
export class GroupCommit {
  private readonly waiting = new Set<Room>();
  private scheduled = false;
  private running = false;

  constructor(private readonly options: GroupCommitOptions) {}

  enqueue(room: Room, command: QueuedCommand): void {
    room.queue.push(command);
    this.waiting.add(room);
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (this.waiting.size > 0) {
        const groups = [...this.waiting].map((room) => ({ room, items: room.queue.splice(0) }));
        this.waiting.clear();
        await this.commit(groups);
      }
    } finally {
      this.running = false;
    }
  }

  /** Decides, writes and answers one group; never throws (every command is answered or refused). */
  private async commit(groups: Group[], attempt = 0): Promise<void> {
    let plans: Plan[];
    let stored: StoredEvent[][];
    try {
      plans = [];
      for (const group of groups) plans.push(await this.plan(group));
      stored = await this.options.store.appendMany(plans.flatMap((plan) => plan.batches));
    } catch (error) {
      return this.recover(groups, attempt, error);
    }
    let offset = 0;
    for (const plan of plans) {
      this.settle(plan, stored.slice(offset, offset + plan.batches.length));
      offset += plan.batches.length;
    }
  }

  /** Nothing of the group was written: catch up and retry, or answer every command with the error. */
  private async recover(groups: Group[], attempt: number, error: unknown): Promise<void> {
    if (error instanceof SequenceConflictError && attempt < MAX_CONFLICT_RETRIES) {
      const room = groups.find((group) => group.room.workshopId === error.workshopId)?.room;
      const caughtUp = room
        ? await this.options.catchUp(room).then(
            () => true,
            () => false,
          )
        : false;
      if (caughtUp) return this.commit(groups, attempt + 1);
    }
    const single = groups.length === 1 && groups[0]?.items.length === 1;
    if (single || error instanceof SequenceConflictError) {
      for (const group of groups) for (const item of group.items) item.reject(error);
      return;
    }
    // One bad command must not fail the others: write them one by one.
    for (const group of groups)
      for (const item of group.items) await this.commit([{ room: group.room, items: [item] }]);
  }

  /** Decides a room's queued commands in order, each against the state the ones before leave. */
  private async plan({ room, items }: Group): Promise<Plan> {
    const plan: Plan = { room, items, decisions: [], batches: [], state: room.state, seq: room.seq };
    const accepted = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const key = `${item.actor.id}\u0000${item.commandId}`;
      const repeat = accepted.get(key);
      if (repeat !== undefined) {
        plan.decisions.push({ kind: "repeat", of: repeat });
        continue;
      }
      const earlier = await this.options.store.findCommand(room.workshopId, item.actor.id, item.commandId);
      if (earlier) {
        plan.decisions.push({ kind: "duplicate", seq: earlier.seq });
        continue;
      }
      const decided = decide(plan.state, item.command, item.actor, this.options.now());
      if (!decided.ok) {
        plan.decisions.push({ kind: "refused", error: AppError.from(decided.error) });
        continue;
      }
      plan.state = reduceAll(plan.state, decided.value);
      plan.batches.push({
        workshopId: room.workshopId,
        expectedSeq: plan.seq,
        at: this.options.now(),
        actor: item.actor,
        commandId: item.commandId,
        events: decided.value,
        title: plan.state.context.title,
      });
      plan.seq += decided.value.length;
      accepted.set(key, index);
      plan.decisions.push({ kind: "append", batch: plan.batches.length - 1 });
    }
    return plan;
  }

  /** The group is durable: move the room on, publish, then answer each command in order. */
  private settle(plan: Plan, stored: StoredEvent[][]): void {
    const { room } = plan;
    const previousSeq = room.seq;
    room.state = plan.state;
    room.seq = plan.seq;
    try {
      this.options.committed(room, stored.flat(), previousSeq);
    } catch (error) {
      // Committed but not published (a bug in a listener): say so to the senders, as before groups.
      for (const item of plan.items) item.reject(error);
      return;
    }
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
        outcome = { seq: first?.seq ?? room.seq, events: [], duplicate: true };
      }
      outcomes.push(outcome);
      if (decision.kind === "refused") item.reject(decision.error);
      else if (outcome) item.resolve(outcome);
    }
  }
}
