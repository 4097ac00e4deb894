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
import { HeldRooms } from "./heldRooms.js";
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
  private readonly store: EventStore;
  private readonly bus: EventBus;
  private readonly now: () => string;
  private readonly newId: () => string;
  private readonly groups: GroupCommit;
  private readonly shared: SharedEventBus | undefined;
  private readonly rooms: HeldRooms;
  private readonly stopFollowing: (() => void)[] = [];

  constructor(options: WorkshopServiceOptions) {
    this.store = options.store;
    this.bus = options.bus;
    this.shared = options.shared;
    this.rooms = new HeldRooms(this.store, this.bus, options.onError ?? (() => undefined));
    if (this.shared) {
      this.stopFollowing.push(this.shared.subscribe((workshopId, events) => this.rooms.follow(workshopId, events)));
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
      catchUp: (room) => this.rooms.catchUp(room),
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
    const room = await this.rooms.room(workshopId);
    if (room.state.joinCode !== normalized) await this.rooms.fallBehind(room);
    return room.state.joinCode === normalized ? workshopId : undefined;
  }

  /**
   * Gives the workshop a new join code and removes the old one at once: a lookup reads the store's
   * join codes (no process caches them), so every process refuses the old code as soon as this
   * resolves. Connections already open stay: they hold the workshop's id, not its code. `actor` is
   * the facilitator who asked (the route checks that); resolves with the new code.
   */
  async rotateJoinCode(workshopId: string, actor: Actor): Promise<string> {
    await this.rooms.room(workshopId);
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
    const room = await this.rooms.room(workshopId);
    return { state: room.state, seq: room.seq };
  }

  async exportDocument(workshopId: string): Promise<WorkshopDocument> {
    return stateToDocument((await this.get(workshopId)).state);
  }

  /** Committed events after `afterSeq`, for catch-up and replay. */
  async eventsSince(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    await this.rooms.room(workshopId);
    return this.store.readEvents(workshopId, afterSeq, limit);
  }

  /**
   * Validates and applies one command. Resolves after the events are durably committed and
   * published. A repeated (actor, command id) is answered from the log and changes nothing.
   * Commands that arrive together share one commit (see GroupCommit).
   */
  async execute(workshopId: string, actor: Actor, commandId: string, command: AnyCommand): Promise<CommandOutcome> {
    const room = await this.rooms.room(workshopId);
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
          await this.rooms.fallBehind(room);
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
  checkHeads(): Promise<void> {
    return this.rooms.checkHeads();
  }

  /** Stops following the other processes (the bus itself is closed by its owner). */
  close(): void {
    for (const stop of this.stopFollowing.splice(0)) stop();
  }

  /** A group's events of one room are durable: publish them, and snapshot at every SNAPSHOT_EVERY. */
  private committed(room: Room, events: StoredEvent[], previousSeq: number): void {
    if (events.length > 0) {
      this.rooms.publishLocally(room, events);
      this.shared?.publish(room.workshopId, events);
    }
    // Another process's events folded in while this group was being decided and written (a group
    // of duplicates and refusals writes nothing, so no conflict stops it; a catch-up can read this
    // group's own events before it settles): settling set the room back to this group's seq, a
    // consistent but older state. Fold the rest in again, and let the hub have it again too, for a
    // connection that joined meanwhile (the others drop what they were already sent).
    if (previousSeq > room.seq - events.length) {
      this.rooms.republishFrom(room);
      void this.rooms.fallBehind(room);
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
    this.rooms.publishedUpTo(room);
    this.bus.publish(workshopId, stored);
    this.shared?.publish(workshopId, stored);
    await this.store.saveSnapshot({ workshopId, seq: room.seq, state: room.state });
    await this.store.writeLink({ type: "setJoinCode", code: content.joinCode, workshopId });
    this.rooms.add(room);
    return room.state;
  }
}
