import {
  type Actor,
  type AnyCommand,
  blankContent,
  documentToContent,
  emptyWorkshop,
  type FollowUpRequest,
  followUpContent,
  type Language,
  reduceAll,
  stateToDocument,
  type WorkshopContent,
  type WorkshopDocument,
  type WorkshopState,
} from "../core/index.js";
import type { CommandOutcome, Room } from "./commandPlan.js";
import { AppError } from "./errors.js";
import type { EventBus, SharedEventBus } from "./eventBus.js";
import { GroupCommit } from "./groupCommit.js";
import { newJoinCode, normalizeJoinCode } from "./joinCodes.js";
import { type EventStore, SequenceConflictError, type StoredEvent, type WorkshopSummary } from "./store/eventStore.js";

export type { CommandOutcome } from "./commandPlan.js";

/** A snapshot every this many events keeps a load to one snapshot read plus a short replay. */
const SNAPSHOT_EVERY = 100;
/** How often a command goes back to group commit when other processes keep moving the log first. */
const MAX_CONTENDED_ATTEMPTS = 20;

/** The system actor that creates and imports workshops. */
const SYSTEM: Actor = { role: "facilitator", id: "system" };

export interface WorkshopServiceOptions {
  store: EventStore;
  /** This process's fan-out: every event a room folds in, once and in order (the hub listens). */
  bus: EventBus;
  /**
   * The bus between server processes (Redis), when several share the store: this process's
   * commits go out on it, and the others' come in and are folded into the rooms held here.
   */
  shared?: SharedEventBus;
  /**
   * With `shared`: how often to compare the rooms held here with their logs' heads (one query for
   * all), for what the bus never brought — published while this process was cut off from Redis, or
   * never published because its writer died between the commit and the publish. Off when absent.
   */
  headCheckMs?: number;
  /** Told how long each durable commit took (metrics). */
  observeCommit?: (seconds: number) => void;
  /** A failure of the background catch-up after another process's events (the next command retries it). */
  onError?: (error: unknown) => void;
  now?: () => string;
  newId?: () => string;
}

/**
 * The application service: the one path by which anything — WebSocket, REST, CLI — reads or
 * changes a workshop. It keeps each active workshop's state in memory, serialises its
 * commands, commits events before acknowledging them and then publishes them on the bus.
 */
export class WorkshopService {
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  private readonly store: EventStore;
  private readonly bus: EventBus;
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly groups: GroupCommit;
  private readonly shared: SharedEventBus | undefined;
  /** The rooms loaded here, by workshop id, for the heads check. */
  private readonly held = new Map<string, Room>();
  private readonly stopFollowing: (() => void)[] = [];
  private readonly onError: (error: unknown) => void;
  /** The highest seq of each room given to `bus`, so nothing is given twice (see `publishLocally`). */
  private readonly published = new WeakMap<Room, number>();
  /** The catch-up from the log each room runs after a gap in the shared bus, one at a time. */
  private readonly catchingUp = new WeakMap<Room, Promise<void>>();

  constructor(options: WorkshopServiceOptions) {
    this.store = options.store;
    this.bus = options.bus;
    this.shared = options.shared;
    this.onError = options.onError ?? (() => undefined);
    if (this.shared) {
      this.stopFollowing.push(this.shared.subscribe((workshopId, events) => this.follow(workshopId, events)));
      this.stopFollowing.push(this.shared.onReconnect(() => void this.checkHeads()));
      if (options.headCheckMs) {
        const timer = setInterval(() => void this.checkHeads(), options.headCheckMs);
        // A CLI command or a closing server must not stay alive for it.
        timer.unref();
        this.stopFollowing.push(() => clearInterval(timer));
      }
    }
    this.now = options.now ?? (() => new Date().toISOString());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.groups = new GroupCommit({
      store: this.store,
      now: this.now,
      committed: (room, events, previousSeq) => this.committed(room, events, previousSeq),
      catchUp: (room) => this.catchUp(room),
      ...(options.observeCommit ? { onWrite: options.observeCommit } : {}),
    });
  }

  /** Creates a blank workshop in the context phase. */
  async create(input: { title: string; language: Language }): Promise<WorkshopState> {
    return this.createFrom(blankContent(input, this.now(), await newJoinCode(this.store)));
  }

  /** Creates a workshop from a validated `workshop/v1` document. */
  async importDocument(doc: WorkshopDocument): Promise<WorkshopState> {
    return this.createFrom(documentToContent(doc, this.now(), await newJoinCode(this.store)));
  }

  /**
   * The workshop a participant's join code opens, if any. The flag is only an index: the code must
   * also be the one the workshop's log holds now, so a code whose retirement never reached the
   * store (the process stopped between the two) opens nothing either. A room here that has not yet
   * heard of a rotation another process made reads the log before it says no.
   */
  async findByJoinCode(code: string): Promise<string | undefined> {
    const normalized = normalizeJoinCode(code);
    const workshopId = await this.store.readLink({ type: "workshopOfJoinCode", code: normalized });
    if (!workshopId) return undefined;
    const room = await this.room(workshopId);
    if (room.state.joinCode !== normalized) await this.fallBehind(room);
    return room.state.joinCode === normalized ? workshopId : undefined;
  }

  /**
   * Gives the workshop a new join code and removes the old one at once: a lookup reads the store's
   * join codes (no process caches them), so every process refuses the old code as soon as this
   * resolves. Connections already open stay: they hold the workshop's id, not its code. `actor` is
   * the facilitator who asked (the route checks that); resolves with the new code.
   */
  async rotateJoinCode(workshopId: string, actor: Actor): Promise<string> {
    await this.room(workshopId);
    const joinCode = await newJoinCode(this.store);
    // Claimed before the event: a phone that reads the new code on a screen finds it at once.
    await this.store.writeLink({ type: "setJoinCode", code: joinCode, workshopId });
    let outcome: CommandOutcome;
    try {
      outcome = await this.execute(workshopId, actor, `joinCode-${this.newId()}`, { type: "changeJoinCode", joinCode });
    } catch (error) {
      await this.store.writeLink({ type: "removeJoinCode", code: joinCode });
      throw error;
    }
    for (const { event } of outcome.events) {
      if (event.type === "joinCodeChanged" && event.previous)
        await this.store.writeLink({ type: "removeJoinCode", code: event.previous });
    }
    return joinCode;
  }

  /**
   * Starts the campaign's next workshop from `earlierId`'s themes (`followUpContent`) and notes it
   * on the earlier one, so that each shows the other. `actor` is the facilitator who asked.
   */
  async followUp(earlierId: string, input: FollowUpRequest, actor: Actor): Promise<WorkshopState> {
    const earlier = (await this.get(earlierId)).state;
    const content = followUpContent(earlier, input, this.now(), () => this.newId());
    const followUp = await this.createFrom({ ...content, joinCode: await newJoinCode(this.store) });
    const link = { workshopId: followUp.id, title: followUp.context.title, start: input.start };
    await this.execute(earlierId, actor, `followUp-${followUp.id}`, { type: "noteFollowUp", link });
    return followUp;
  }

  async list(): Promise<WorkshopSummary[]> {
    return this.store.listWorkshops();
  }

  /** The current state and its sequence number; throws not_found. */
  async get(workshopId: string): Promise<{ state: WorkshopState; seq: number }> {
    const room = await this.room(workshopId);
    return { state: room.state, seq: room.seq };
  }

  async exportDocument(workshopId: string): Promise<WorkshopDocument> {
    return stateToDocument((await this.get(workshopId)).state);
  }

  /** Committed events after `afterSeq`, for catch-up and replay. */
  async eventsSince(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    await this.room(workshopId);
    return this.store.readEvents(workshopId, afterSeq, limit);
  }

  /**
   * Validates and applies one command. Resolves after the events are durably committed and
   * published. A repeated (actor, command id) is answered from the log and changes nothing.
   * Commands that arrive together share one commit (see GroupCommit).
   */
  async execute(workshopId: string, actor: Actor, commandId: string, command: AnyCommand): Promise<CommandOutcome> {
    const room = await this.room(workshopId);
    let rechecked = false;
    for (let attempt = 1; ; attempt++) {
      const seenSeq = room.seq;
      try {
        return await new Promise((resolve, reject) =>
          this.groups.enqueue(room, { actor, commandId, command, resolve, reject }),
        );
      } catch (error) {
        // A refusal decided on a room that another process's events have not reached yet (the
        // card was added through the other process a moment ago) is decided again once caught up.
        if (error instanceof AppError && this.shared && !rechecked) {
          rechecked = true;
          await this.fallBehind(room);
          if (room.seq > seenSeq) continue;
        }
        if (!(error instanceof SequenceConflictError)) throw error;
        // Another process kept winning the race for this workshop's log (group commit already
        // caught up and retried): step back a random moment, so that one of the two stops first.
        if (attempt >= MAX_CONTENDED_ATTEMPTS) {
          throw new AppError("conflict", "The workshop is too busy right now; send the command again", undefined, {
            reason: "workshopBusy",
          });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /**
   * Reads the log's head of every room held here and catches up those behind it (the hub pushes
   * what they fold in to their connections). Resolves when they have caught up.
   */
  async checkHeads(): Promise<void> {
    if (this.held.size === 0) return;
    let heads: Map<string, number>;
    try {
      heads = await this.store.workshopHeads([...this.held.keys()]);
    } catch (error) {
      this.onError(error);
      return;
    }
    const behind = [...heads].flatMap(([workshopId, head]) => {
      const room = this.held.get(workshopId);
      return room && head > room.seq ? [this.fallBehind(room)] : [];
    });
    await Promise.all(behind);
  }

  /** Stops following the other processes (the bus itself is closed by its owner). */
  close(): void {
    for (const stop of this.stopFollowing.splice(0)) stop();
  }

  /** A group's events of one room are durable: publish them, and snapshot at every SNAPSHOT_EVERY. */
  private committed(room: Room, events: StoredEvent[], previousSeq: number): void {
    if (events.length > 0) {
      this.publishLocally(room, events);
      this.shared?.publish(room.workshopId, events);
    }
    // Another process's events folded in while this group was being decided and written (a group
    // of duplicates and refusals writes nothing, so no conflict stops it; a catch-up can read this
    // group's own events before it settles): settling set the room back to this group's seq, a
    // consistent but older state. Fold the rest in again, and let the hub have it again too, for a
    // connection that joined meanwhile (the others drop what they were already sent).
    if (previousSeq > room.seq - events.length) {
      this.published.set(room, Math.min(this.published.get(room) ?? 0, room.seq));
      void this.fallBehind(room);
    }
    if (Math.floor(room.seq / SNAPSHOT_EVERY) > Math.floor(previousSeq / SNAPSHOT_EVERY)) {
      const snapshot = { workshopId: room.workshopId, seq: room.seq, state: room.state };
      // After the answers, not before: a snapshot only shortens the next load, the log is the truth,
      // and a failed one is simply retried at the next boundary.
      setImmediate(() => this.store.saveSnapshot(snapshot).catch(() => undefined));
    }
  }

  private async createFrom(content: WorkshopContent): Promise<WorkshopState> {
    const workshopId = this.newId();
    const events = [{ type: "workshopCreated" as const, workshop: content }];
    const room: Room = { workshopId, state: reduceAll(emptyWorkshop(workshopId), events), seq: 0, queue: [] };
    const stored = await this.store.append({
      workshopId,
      expectedSeq: 0,
      at: this.now(),
      actor: SYSTEM,
      commandId: `create-${workshopId}`,
      events,
      title: room.state.context.title,
    });
    room.seq = stored.length;
    this.published.set(room, room.seq);
    this.bus.publish(workshopId, stored);
    this.shared?.publish(workshopId, stored);
    await this.store.saveSnapshot({ workshopId, seq: room.seq, state: room.state });
    await this.store.writeLink({ type: "setJoinCode", code: content.joinCode, workshopId });
    this.rooms.set(workshopId, Promise.resolve(room));
    this.held.set(workshopId, room);
    return room.state;
  }

  private async room(workshopId: string): Promise<Room> {
    let loading = this.rooms.get(workshopId);
    if (!loading) {
      loading = this.load(workshopId);
      this.rooms.set(workshopId, loading);
      // A failed load must not be cached, or the workshop would stay unreachable.
      loading.then((room) => room ?? this.rooms.delete(workshopId)).catch(() => this.rooms.delete(workshopId));
    }
    const room = await loading;
    if (!room) throw new AppError("not_found", `No workshop ${workshopId}`);
    return room;
  }

  private async load(workshopId: string): Promise<Room | undefined> {
    if (!(await this.store.getWorkshop(workshopId))) return undefined;
    const snapshot = await this.store.loadSnapshot(workshopId);
    // Snapshots saved before unknown fields were refused may carry them: they are never sent on.
    const { extensions: _legacy, ...saved } = (snapshot?.state ?? emptyWorkshop(workshopId)) as WorkshopState & {
      extensions?: unknown;
    };
    const room: Room = {
      workshopId,
      state: saved,
      seq: snapshot?.seq ?? 0,
      queue: [],
    };
    // Connections read the state they start from after the load: what it folds in is no news.
    this.published.set(room, Number.POSITIVE_INFINITY);
    await this.catchUp(room);
    this.published.set(room, room.seq);
    this.held.set(workshopId, room);
    return room;
  }

  /**
   * Folds in whatever the log holds beyond the room's sequence number (and gives it to `bus`).
   * Safe beside other folds: each read is folded from the room's seq at that moment.
   */
  private async catchUp(room: Room): Promise<void> {
    for (;;) {
      const batch = await this.store.readEvents(room.workshopId, room.seq, 1000);
      if (batch.length === 0) return;
      this.advance(room, batch);
    }
  }

  /**
   * Folds committed events that continue the room's log into its state, skipping those it holds.
   * False when they start beyond its seq: the events between are still to be read.
   */
  private advance(room: Room, events: readonly StoredEvent[]): boolean {
    const fresh = events.filter((stored) => stored.seq > room.seq);
    const last = fresh.at(-1);
    if (!last) return true;
    if (fresh[0]?.seq !== room.seq + 1) return false;
    room.state = reduceAll(
      room.state,
      fresh.map((stored) => stored.event),
    );
    room.seq = last.seq;
    this.publishLocally(room, fresh);
    return true;
  }

  /** Gives `bus` the events it has not had yet: each event of a room once, in order. */
  private publishLocally(room: Room, events: readonly StoredEvent[]): void {
    const sent = this.published.get(room) ?? 0;
    const fresh = events.filter((stored) => stored.seq > sent);
    const last = fresh.at(-1);
    if (!last) return;
    this.published.set(room, last.seq);
    this.bus.publish(room.workshopId, fresh);
  }

  /**
   * Another process committed into a workshop: fold it into the room if this process holds it
   * (its next decisions are made on it, and the hub sends it to the room's connections). A room
   * not loaded here reads the log when it is. Own batches come back too, and are skipped.
   */
  private follow(workshopId: string, events: readonly StoredEvent[]): void {
    this.rooms.get(workshopId)?.then(
      (room) => {
        if (room && !this.advance(room, events)) void this.fallBehind(room);
      },
      () => undefined,
    );
  }

  /** The room missed events (or was set back): read them from the log, one catch-up after another. */
  private fallBehind(room: Room): Promise<void> {
    const next = (this.catchingUp.get(room) ?? Promise.resolve()).then(() => this.catchUp(room)).catch(this.onError);
    this.catchingUp.set(room, next);
    return next.finally(() => {
      if (this.catchingUp.get(room) === next) this.catchingUp.delete(room);
    });
  }
}
