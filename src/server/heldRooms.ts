import { emptyWorkshop, reduceAll, type WorkshopState } from "../core/index.js";
import type { Room } from "./commandPlan.js";
import { AppError } from "./errors.js";
import type { EventBus } from "./eventBus.js";
import type { EventStore, StoredEvent } from "./store/eventStore.js";

/**
 * The workshops this process holds in memory, each kept in step with its log: loaded from a
 * snapshot and the events after it, folding in what other processes commit (from the shared bus,
 * or read from the log after a gap), and giving `bus` each event once, in order.
 */
export class HeldRooms {
  private readonly rooms = new Map<string, Promise<Room | undefined>>();
  /** The rooms loaded here, by workshop id, for the heads check. */
  private readonly held = new Map<string, Room>();
  /** The highest seq of each room given to `bus`, so nothing is given twice (see `publishLocally`). */
  private readonly published = new WeakMap<Room, number>();
  /** The catch-up from the log each room runs after a gap in the shared bus, one at a time. */
  private readonly catchingUp = new WeakMap<Room, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** A room just created here, whose events up to its seq `bus` has had. */
  add(room: Room): void {
    this.rooms.set(room.workshopId, Promise.resolve(room));
    this.held.set(room.workshopId, room);
  }

  /** Notes that `bus` has had the room's events up to its seq. */
  publishedUpTo(room: Room): void {
    this.published.set(room, room.seq);
  }

  /**
   * The room was set back to an older state than `bus` has had: what is folded in again from here
   * is given to `bus` again too, for a connection that joined meanwhile (the others drop what they
   * were already sent).
   */
  republishFrom(room: Room): void {
    this.published.set(room, Math.min(this.published.get(room) ?? 0, room.seq));
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

  /** The workshop's room, loaded from the store the first time; throws not_found. */
  async room(workshopId: string): Promise<Room> {
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
  async catchUp(room: Room): Promise<void> {
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
  publishLocally(room: Room, events: readonly StoredEvent[]): void {
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
  follow(workshopId: string, events: readonly StoredEvent[]): void {
    this.rooms.get(workshopId)?.then(
      (room) => {
        if (room && !this.advance(room, events)) void this.fallBehind(room);
      },
      () => undefined,
    );
  }

  /** The room missed events (or was set back): read them from the log, one catch-up after another. */
  fallBehind(room: Room): Promise<void> {
    const next = (this.catchingUp.get(room) ?? Promise.resolve()).then(() => this.catchUp(room)).catch(this.onError);
    this.catchingUp.set(room, next);
    return next.finally(() => {
      if (this.catchingUp.get(room) === next) this.catchingUp.delete(room);
    });
  }
}
