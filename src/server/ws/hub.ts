import type { WorkshopState } from "../../core/index.js";
import type { EventBus } from "../eventBus.js";
import { type StoredEvent, toEnvelope } from "../store/eventStore.js";
import { type PresenceMember, PresenceTracker } from "./presence.js";

/** What the hub needs of a connection: deliver a batch, given pre-serialised once for all. */
export interface Subscriber extends PresenceMember {
  deliver(events: readonly StoredEvent[], serialized: Buffer): void;
}

/**
 * Fans committed events out to the connections of each workshop. A batch is serialised once,
 * however many people are in the room, so fan-out costs one send per connection.
 */
export class Hub {
  private readonly rooms = new Map<string, Set<Subscriber>>();
  private readonly unsubscribe: () => void;
  private readonly presence: PresenceTracker;

  constructor(
    bus: EventBus,
    loadState: (workshopId: string) => Promise<WorkshopState>,
    onError: (error: unknown) => void,
  ) {
    this.unsubscribe = bus.subscribe((workshopId, events) => this.fanOut(workshopId, events));
    this.presence = new PresenceTracker((workshopId) => this.rooms.get(workshopId) ?? [], loadState, onError);
  }

  join(workshopId: string, subscriber: Subscriber): void {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = new Set();
      this.rooms.set(workshopId, room);
    }
    room.add(subscriber);
    this.presence.changed(workshopId);
  }

  leave(workshopId: string, subscriber: Subscriber): void {
    const room = this.rooms.get(workshopId);
    room?.delete(subscriber);
    if (room?.size === 0) this.rooms.delete(workshopId);
    this.presence.changed(workshopId);
  }

  /** Sends an ephemeral message (a co-writer's caret) to every connection of the workshop but `from`. */
  relay(workshopId: string, from: Subscriber, message: string): void {
    for (const subscriber of this.rooms.get(workshopId) ?? []) if (subscriber !== from) subscriber.sendRaw(message);
  }

  /** How many connections watch a workshop. */
  count(workshopId: string): number {
    return this.rooms.get(workshopId)?.size ?? 0;
  }

  close(): void {
    this.unsubscribe();
    this.presence.close();
    this.rooms.clear();
  }

  private fanOut(workshopId: string, events: readonly StoredEvent[]): void {
    const room = this.rooms.get(workshopId);
    if (!room || events.length === 0) return;
    // Serialised and UTF-8 encoded once: 2,000 sockets then share one Buffer.
    const serialized = Buffer.from(JSON.stringify({ type: "events", events: events.map(toEnvelope) }));
    for (const subscriber of room) subscriber.deliver(events, serialized);
    // A name or table chosen on joining changes what presence shows.
    if (events.some((stored) => stored.event.type === "participantJoined")) this.presence.changed(workshopId);
  }
}
