import { CommandFilter } from "./commandFilter.js";
import { answerPlan, decideInto, newPlan, type Plan, type QueuedCommand, type Room, refOf } from "./commandPlan.js";
import {
  type CommandRecord,
  type CommandRef,
  commandKey,
  type EventStore,
  type NewEvents,
  SequenceConflictError,
  type StoredEvent,
} from "./store/eventStore.js";

/** Another process may append between our read and our write; reload and decide again. */
const MAX_CONFLICT_RETRIES = 5;

interface Group {
  room: Room;
  items: QueuedCommand[];
}

/**
 * Which commands a room's log holds, up to `seq`: kept in step by this group commit's own settles.
 * "unknown" once something else moved the room (another process's events, a catch-up): from then
 * on every lookup asks the store.
 */
type KnownCommands = { filter: CommandFilter; seq: number } | "unknown";

export interface GroupCommitOptions {
  store: EventStore;
  now: () => string;
  /** A room's commands of one group are committed: publish its events (in seq order) before any ack. */
  committed(room: Room, events: StoredEvent[], previousSeq: number): void;
  /** Folds in what another process appended, after a sequence conflict. */
  catchUp(room: Room): Promise<void>;
  /** Told how long each successful write to the store took (metrics). */
  onWrite?(seconds: number): void;
}

/**
 * Group commit. Commands that queue up while the store is busy — in one workshop or across
 * workshops — are written in ONE store transaction, so one durable commit (one fsync with
 * synchronous=FULL) covers all of them; each is answered only after that commit.
 *
 * One group is written at a time. While it is, the commands that arrive are decided at once, each
 * against the state its room will have after everything before it (the group being written
 * included), and gathered into the next group, one plan per room; when the write ends, the next
 * group goes to the store before this one's events and acks go out. So deciding, answering and
 * fan-out here overlap the commit there, and a group holds everything that arrived during the
 * previous write. Groups settle in order, so a workshop's commands apply in arrival order, and a
 * connection's in the order it sent them. If a write fails, what was decided on top of it is
 * taken back and decided again after the failed group is recovered.
 */
export class GroupCommit {
  private readonly waiting = new Set<Room>();
  /** Decided, not yet sent: the next group, one plan per room. */
  private next = new Map<Room, Plan>();
  /** The group being written, by room. */
  private writing: Map<Room, Plan> | undefined;
  /** `commandKey`s of the commands appended by the group being written. */
  private readonly unsettled = new Set<string>();
  private scheduled = false;
  private deciding: Promise<void> | undefined;
  private recovering = false;
  private readonly known = new WeakMap<Room, KnownCommands>();

  constructor(private readonly options: GroupCommitOptions) {}

  enqueue(room: Room, command: QueuedCommand): void {
    room.queue.push(command);
    this.waiting.add(room);
    this.schedule();
  }

  /** Decides what waits at the end of this turn of the event loop, so a turn's commands go together. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.deciding || this.recovering) return;
      this.deciding = this.decideWaiting().finally(() => {
        this.deciding = undefined;
        this.writeNext();
        if (this.waiting.size > this.heldBack()) this.schedule();
      });
    });
  }

  /** Decides the waiting rooms' commands into the next group (a room repeating a command being written waits for it). */
  private async decideWaiting(): Promise<void> {
    const groups: Group[] = [];
    for (const room of [...this.waiting]) {
      if (this.waitsForWrite(room)) continue;
      this.waiting.delete(room);
      groups.push({ room, items: room.queue.splice(0) });
    }
    let earlier: Map<string, CommandRecord>;
    try {
      await this.learnCommands(groups);
      earlier = await this.lookUp(groups, true);
    } catch (error) {
      // The store could not be read (a networked store's outage): these commands fail; the next ones try again.
      for (const { items } of groups) for (const item of items) item.reject(error);
      return;
    }
    for (const { room, items } of groups) {
      const plan = this.next.get(room) ?? this.newPlan(room);
      this.next.set(room, plan);
      // One clock reading for the pass: its commands arrived in the same turn (and a reading costs
      // more than deciding an added card).
      decideInto(plan, items, earlier, this.options.now());
    }
  }

  /** Reads, once per room, which commands its log holds. */
  private async learnCommands(groups: readonly Group[]): Promise<void> {
    for (const { room } of groups) {
      if (this.known.has(room)) continue;
      const seq = room.seq;
      const keys = await this.options.store.listCommandKeys(room.workshopId);
      // Settled meanwhile (a networked store): whether the keys read include that group is unknown.
      this.known.set(room, room.seq === seq ? { filter: new CommandFilter(keys), seq } : "unknown");
    }
  }

  /**
   * One lookup for a whole group: which of its commands the log already holds (a client's retry).
   * With `useFilters`, commands a room's filter has certainly never seen skip the store.
   */
  private async lookUp(groups: readonly Group[], useFilters = false): Promise<Map<string, CommandRecord>> {
    const refs: CommandRef[] = [];
    for (const { room, items } of groups) {
      const known = useFilters ? this.known.get(room) : undefined;
      const filter = typeof known === "object" && known.seq === room.seq ? known.filter : undefined;
      for (const item of items) {
        const ref = refOf(room, item);
        if (!filter || filter.mightHold(commandKey(ref))) refs.push(ref);
      }
    }
    return refs.length === 0 ? new Map() : this.options.store.findCommands(refs);
  }

  /** True when a room's queue repeats a command of the group being written: the room waits for it. */
  private waitsForWrite(room: Room): boolean {
    return room.queue.some((item) => this.unsettled.has(commandKey(refOf(room, item))));
  }

  /** How many waiting rooms wait for the group being written. */
  private heldBack(): number {
    let held = 0;
    for (const room of this.waiting) if (this.waitsForWrite(room)) held++;
    return held;
  }

  /** Sends the next group to the store if none is being written. */
  private writeNext(): void {
    if (this.writing || this.deciding || this.recovering || this.next.size === 0) return;
    const group = this.next;
    this.next = new Map();
    const plans = [...group.values()];
    const batches = plans.flatMap((plan) => plan.batches);
    if (batches.length === 0) {
      // Only duplicates and refusals: nothing to write, answer them now.
      this.settleAll(plans, []);
      return;
    }
    this.writing = group;
    for (const plan of plans) for (const key of plan.accepted.keys()) this.unsettled.add(key);
    let written: Promise<StoredEvent[][]>;
    try {
      written = this.append(batches);
    } catch (error) {
      written = Promise.reject(error);
    }
    written.then(
      (stored) => {
        this.endWrite(plans);
        // The next group goes to the store first, then this one's events and acks go out.
        this.writeNext();
        this.settleAll(plans, stored);
        if (this.waiting.size > 0) this.schedule();
      },
      (error: unknown) => {
        this.endWrite(plans);
        void this.failed(plans, error);
      },
    );
  }

  private async append(batches: NewEvents[]): Promise<StoredEvent[][]> {
    const started = performance.now();
    const stored = await this.options.store.appendMany(batches);
    this.options.onWrite?.((performance.now() - started) / 1000);
    return stored;
  }

  private endWrite(plans: Plan[]): void {
    this.writing = undefined;
    for (const plan of plans) for (const key of plan.accepted.keys()) this.unsettled.delete(key);
  }

  /**
   * A write failed: nothing of it is in the log. What was decided after it built on it, so it is
   * taken back (ahead of anything that waits) and decided again once the failed group is recovered.
   */
  private async failed(plans: Plan[], error: unknown): Promise<void> {
    this.recovering = true;
    await this.deciding;
    for (const plan of [...this.next.values()].reverse()) {
      plan.room.queue.unshift(...plan.items);
      this.waiting.add(plan.room);
    }
    this.next = new Map();
    const groups = plans.map((plan) => ({ room: plan.room, items: plan.items }));
    try {
      // A command id no filter knew (another writer recorded it with no events) fails the write on the
      // commands' key: decided again with the store's own lookup, it is answered as a duplicate.
      await (error instanceof SequenceConflictError ? this.recover(groups, 0, error) : this.commit(groups));
    } finally {
      this.recovering = false;
      this.schedule();
    }
  }

  private settleAll(plans: Plan[], stored: StoredEvent[][]): void {
    let offset = 0;
    for (const plan of plans) {
      this.settle(plan, stored.slice(offset, offset + plan.batches.length));
      offset += plan.batches.length;
    }
  }

  /** Decides, writes and answers one group on its own, while recovering; never throws. */
  private async commit(groups: Group[], attempt = 0): Promise<void> {
    let plans: Plan[];
    let stored: StoredEvent[][];
    try {
      const earlier = await this.lookUp(groups);
      plans = groups.map(({ room, items }) => {
        const plan = this.newPlan(room);
        decideInto(plan, items, earlier, this.options.now());
        return plan;
      });
      stored = await this.append(plans.flatMap((plan) => plan.batches));
    } catch (error) {
      return this.recover(groups, attempt, error);
    }
    this.settleAll(plans, stored);
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

  /** An empty plan for a room, from where the group being written will leave it. */
  private newPlan(room: Room): Plan {
    return newPlan(room, this.writing?.get(room) ?? room);
  }

  /** The group is durable: move the room on, publish, then answer each command in order. */
  private settle(plan: Plan, stored: StoredEvent[][]): void {
    const { room } = plan;
    const previousSeq = room.seq;
    const known = this.known.get(room);
    const inStep = typeof known === "object" && known.seq === previousSeq;
    // Never backwards: with several processes, a catch-up may already have read this group's
    // events, or later ones, into the room.
    if (plan.seq >= room.seq) {
      room.state = plan.state;
      room.seq = plan.seq;
    }
    if (typeof known === "object") {
      if (inStep && room.seq === plan.seq) {
        for (const key of plan.accepted.keys()) known.filter.add(key);
        known.seq = room.seq;
      } else this.known.set(room, "unknown");
    }
    try {
      this.options.committed(room, stored.flat(), previousSeq);
    } catch (error) {
      // Committed but not published (a bug in a listener): say so to the senders, as before groups.
      for (const item of plan.items) item.reject(error);
      return;
    }
    answerPlan(plan, stored, room.seq);
  }
}
