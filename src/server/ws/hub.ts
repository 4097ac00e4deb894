import type { WorkshopState } from "../../core/index.js";
import type { EventBus } from "../eventBus.js";
import { LocalPresence, type PresenceExchange } from "../presenceExchange.js";
import { type StoredEvent, toEnvelope } from "../store/eventStore.js";
import { ParticipantFrames } from "./participantFrames.js";
import { type PresenceMember, type PresenceOptions, PresenceTracker } from "./presence.js";

/** What the hub needs of a connection: deliver a batch, given pre-serialised once for all. */
export interface Subscriber extends PresenceMember {
  /** `serialized` is the whole batch (facilitators); `forParticipants` its frames with others' dots sealed. */
  deliver(events: readonly StoredEvent[], serialized: Buffer, forParticipants: ParticipantFrames): void;
}

export interface HubOptions extends PresenceOptions {
  /** Told, per batch, how many connections it went to and how long that took (metrics). */
  onFanOut?: (connections: number, seconds: number) => void;
}

/**
 * Fans committed events out to the connections of each workshop. A batch is serialised once,
 * however many people are in the room, so fan-out costs one send per connection. With several
 * processes, `options.shared` carries presence and carets to the workshop's other processes.
 */
export class Hub {
  private readonly rooms = new Map<string, Set<Subscriber>>();
  private readonly unsubscribe: () => void;
  private readonly unlisten: () => void;
  private readonly presence: PresenceTracker;
  private readonly shared: PresenceExchange;
  private readonly onFanOut: HubOptions["onFanOut"];

  constructor(
    bus: EventBus,
    loadState: (workshopId: string) => Promise<WorkshopState>,
    onError: (error: unknown) => void,
    options: HubOptions = {},
  ) {
    this.shared = options.shared ?? new LocalPresence();
    this.onFanOut = options.onFanOut;
    this.unsubscribe = bus.subscribe((workshopId, events) => this.fanOut(workshopId, events));
    this.presence = new PresenceTracker((workshopId) => this.rooms.get(workshopId) ?? [], loadState, onError, {
      ...options,
      shared: this.shared,
    });
    this.unlisten = this.shared.listen({
      rosterChanged: (workshopId) => {
        if (this.rooms.has(workshopId)) this.presence.changed(workshopId);
      },
      focus: (workshopId, message) => {
        for (const subscriber of this.rooms.get(workshopId) ?? []) subscriber.sendRaw(message);
      },
    });
  }

  join(workshopId: string, subscriber: Subscriber): void {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = new Set();
      this.rooms.set(workshopId, room);
      this.shared.watch(workshopId);
    }
    room.add(subscriber);
    this.presence.changed(workshopId);
  }

  leave(workshopId: string, subscriber: Subscriber): void {
    const room = this.rooms.get(workshopId);
    room?.delete(subscriber);
    if (room?.size === 0) {
      this.rooms.delete(workshopId);
      this.shared.unwatch(workshopId);
    }
    this.presence.changed(workshopId);
  }

  /**
   * Sends an ephemeral message (a co-writer's caret) to every connection of the workshop but `from`,
   * on this process and, once each, on the others.
   */
  relay(workshopId: string, from: Subscriber, message: string): void {
    for (const subscriber of this.rooms.get(workshopId) ?? []) if (subscriber !== from) subscriber.sendRaw(message);
    this.shared.relay(workshopId, message);
  }

  /** How many connections watch a workshop. */
  count(workshopId: string): number {
    return this.rooms.get(workshopId)?.size ?? 0;
  }

  close(): void {
    this.unsubscribe();
    this.unlisten();
    this.presence.close();
    this.rooms.clear();
  }

  private fanOut(workshopId: string, events: readonly StoredEvent[]): void {
    const room = this.rooms.get(workshopId);
    if (!room || events.length === 0) return;
    const started = performance.now();
    // Serialised and UTF-8 encoded once: 2,000 sockets then share one Buffer.
    const serialized = Buffer.from(JSON.stringify({ type: "events", events: events.map(toEnvelope) }));
    const forParticipants = new ParticipantFrames(events);
    for (const subscriber of room) subscriber.deliver(events, serialized, forParticipants);
    this.onFanOut?.(room.size, (performance.now() - started) / 1000);
    // A name or table chosen on joining changes what presence shows.
    if (events.some((stored) => stored.event.type === "participantJoined")) this.presence.changed(workshopId);
  }
}
