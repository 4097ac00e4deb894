import {
  type Actor,
  blankContent,
  type Command,
  documentToContent,
  emptyWorkshop,
  type Language,
  reduceAll,
  stateToDocument,
  type WorkshopContent,
  type WorkshopDocument,
  type WorkshopState,
} from "../core/index.js";
import { AppError } from "./errors.js";
import type { EventBus } from "./eventBus.js";
import { type CommandOutcome, GroupCommit, type Room } from "./groupCommit.js";
import type { EventStore, StoredEvent, WorkshopSummary } from "./store/eventStore.js";

export type { CommandOutcome } from "./groupCommit.js";

/** A snapshot every this many events keeps a load to one snapshot read plus a short replay. */
const SNAPSHOT_EVERY = 100;

// No 0/O, 1/I/L: a code read off a wall must not be mistyped. 31^6 ≈ 887 million codes.
const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const JOIN_CODE_LENGTH = 6;
const joinCodeFlag = (code: string) => `joinCode:${code}`;

/** Upper-cases and drops spaces and dashes, so "abc-123" finds "ABC123". */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/** The system actor that creates and imports workshops. */
const SYSTEM: Actor = { role: "facilitator", id: "system" };

export interface WorkshopServiceOptions {
  store: EventStore;
  bus: EventBus;
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

  constructor(options: WorkshopServiceOptions) {
    this.store = options.store;
    this.bus = options.bus;
    this.now = options.now ?? (() => new Date().toISOString());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.groups = new GroupCommit({
      store: this.store,
      now: this.now,
      committed: (room, events, previousSeq) => this.committed(room, events, previousSeq),
      catchUp: (room) => this.catchUp(room),
    });
  }

  /** Creates a blank workshop in the context phase. */
  async create(input: { title: string; language: Language }): Promise<WorkshopState> {
    return this.createFrom(blankContent(input, this.now(), await this.newJoinCode()));
  }

  /** Creates a workshop from a validated `workshop/v1` document. */
  async importDocument(doc: WorkshopDocument): Promise<WorkshopState> {
    return this.createFrom(documentToContent(doc, this.now(), await this.newJoinCode()));
  }

  /** The workshop a participant's join code opens, if any. */
  async findByJoinCode(code: string): Promise<string | undefined> {
    const workshopId = await this.store.getFlag(joinCodeFlag(normalizeJoinCode(code)));
    return workshopId || undefined;
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
  async execute(workshopId: string, actor: Actor, commandId: string, command: Command): Promise<CommandOutcome> {
    const room = await this.room(workshopId);
    return new Promise((resolve, reject) => this.groups.enqueue(room, { actor, commandId, command, resolve, reject }));
  }

  /** A group's events of one room are durable: publish them, and snapshot at every SNAPSHOT_EVERY. */
  private committed(room: Room, events: StoredEvent[], previousSeq: number): void {
    if (events.length > 0) this.bus.publish(room.workshopId, events);
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
    this.bus.publish(workshopId, stored);
    await this.store.saveSnapshot({ workshopId, seq: room.seq, state: room.state });
    await this.store.setFlag(joinCodeFlag(content.joinCode), workshopId);
    this.rooms.set(workshopId, Promise.resolve(room));
    return room.state;
  }

  /** A short code people can type from a projector: unambiguous letters and digits. */
  private async newJoinCode(): Promise<string> {
    for (;;) {
      const bytes = crypto.getRandomValues(new Uint8Array(JOIN_CODE_LENGTH));
      const code = Array.from(bytes, (byte) => JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]).join("");
      if (!(await this.store.getFlag(joinCodeFlag(code)))) return code;
    }
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
    const room: Room = {
      workshopId,
      state: snapshot?.state ?? emptyWorkshop(workshopId),
      seq: snapshot?.seq ?? 0,
      queue: [],
    };
    await this.catchUp(room);
    return room;
  }

  /** Folds in whatever the log holds beyond the room's sequence number. */
  private async catchUp(room: Room): Promise<void> {
    for (;;) {
      const batch = await this.store.readEvents(room.workshopId, room.seq, 1000);
      if (batch.length === 0) return;
      room.state = reduceAll(
        room.state,
        batch.map((stored) => stored.event),
      );
      room.seq = batch[batch.length - 1]?.seq ?? room.seq;
    }
  }
}
