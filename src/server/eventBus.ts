import type { StoredEvent } from "./store/eventStore.js";

/** Called with each committed batch of one workshop, in sequence order. */
export type EventListener = (workshopId: string, events: readonly StoredEvent[]) => void;

/**
 * Carries committed events to the connections that watch a workshop. In one process it is a
 * plain fan-out; with several processes a Redis pub/sub bus implements the same interface.
 */
export interface EventBus {
  publish(workshopId: string, events: readonly StoredEvent[]): void;
  subscribe(listener: EventListener): () => void;
}

/** The bus between processes: what is published while a process is cut off from it never reaches that process. */
export interface SharedEventBus extends EventBus {
  /** Calls `listener` each time the bus is back after losing its connection, so the process can catch up. */
  onReconnect(listener: () => void): () => void;
}

/** The single-process bus. */
export class LocalEventBus implements EventBus {
  private readonly listeners = new Set<EventListener>();

  publish(workshopId: string, events: readonly StoredEvent[]): void {
    for (const listener of this.listeners) listener(workshopId, events);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
