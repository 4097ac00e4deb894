import type { Redis } from "ioredis";
import type { EventEnvelope } from "../core/index.js";
import type { EventListener, SharedEventBus } from "./eventBus.js";
import { connectRedisPair } from "./redisPair.js";
import type { StoredEvent } from "./store/eventStore.js";

export interface RedisEventBusOptions {
  /** `redis://host:port` */
  url: string;
  /**
   * Reads committed events from the shared store. A batch that arrives ahead of one still in
   * flight (two processes publish in the other order than they committed) is preceded by the
   * missing events read from here, so listeners always get a workshop's events gap-free.
   */
  readEvents(workshopId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /** One channel for every workshop (default `concord:events`); tests give each run its own. */
  channel?: string;
  onError?(error: unknown): void;
  /** Told, per batch received, how long it took from its publish (metrics). */
  onArrival?(seconds: number): void;
}

/** One message on the channel: a committed batch of one workshop. */
interface Message {
  workshopId: string;
  events: EventEnvelope[];
  /** When it was published (ms since the epoch), for the bus's lag. */
  sentAt?: number;
}

/** How far this process has delivered a workshop, and the work queued behind a gap fill. */
interface Cursor {
  seq: number;
  /** Set while a gap is being filled from the store: later batches of the workshop wait on it. */
  filling: Promise<void> | undefined;
}

/**
 * The EventBus of several server processes: each committed batch is serialised once and published
 * on one Redis channel, with its workshop id in the message; every process (the publishing one too)
 * receives it from Redis. Per workshop, listeners get each event exactly once and in seq order,
 * from the first batch this process sees of it: a repeated or late batch (already delivered, or
 * filled in from the store) is dropped, and a gap is filled from the store before what follows it.
 */
export class RedisEventBus implements SharedEventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly channel: string;
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisEventBusOptions,
  ) {
    this.channel = options.channel ?? "concord:events";
  }

  /** Connects, and resolves once this process is subscribed: nothing published after that is missed. */
  static async open(options: RedisEventBusOptions): Promise<RedisEventBus> {
    const { publisher, subscriber } = await connectRedisPair(options.url, options.onError);
    const bus = new RedisEventBus(publisher, subscriber, options);
    subscriber.on("message", (channel: string, raw: string) => {
      if (channel === bus.channel) bus.receive(raw);
    });
    // ioredis reconnects and subscribes again by itself, but what was published meanwhile is gone.
    let dropped = false;
    subscriber.on("close", () => {
      dropped = true;
    });
    subscriber.on("ready", () => {
      if (!dropped || bus.closed) return;
      dropped = false;
      for (const listener of bus.reconnectListeners) listener();
    });
    try {
      await subscriber.subscribe(bus.channel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return bus;
  }

  publish(workshopId: string, events: readonly StoredEvent[]): void {
    if (events.length === 0 || this.closed) return;
    const message: Message = {
      workshopId,
      events: events.map(({ workshopId: _workshopId, ...envelope }) => envelope),
      sentAt: Date.now(),
    };
    this.publisher
      .publish(this.channel, JSON.stringify(message))
      .catch((error: unknown) => this.options.onError?.(error));
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when both connections are up and Redis answers within `timeoutMs`; for /readyz. */
  async ping(timeoutMs = 1000): Promise<void> {
    for (const connection of [this.publisher, this.subscriber]) {
      if (connection.status !== "ready") throw new Error(`Redis connection is ${connection.status}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.publisher.ping(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.reconnectListeners.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private receive(raw: string): void {
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    const { workshopId } = message;
    if (message.sentAt !== undefined) this.options.onArrival?.((Date.now() - message.sentAt) / 1000);
    const events = message.events.map((envelope): StoredEvent => ({ workshopId, ...envelope }));
    const first = events[0];
    if (!first) return;
    let cursor = this.cursors.get(workshopId);
    if (!cursor) {
      cursor = { seq: first.seq - 1, filling: undefined };
      this.cursors.set(workshopId, cursor);
    }
    const current = cursor;
    const run = () => this.advance(workshopId, current, events);
    const pending = current.filling ? current.filling.then(run) : run();
    if (!pending) return;
    const tracked: Promise<void> = pending
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        if (current.filling === tracked) current.filling = undefined;
      });
    current.filling = tracked;
  }

  /** Delivers what is new in `events`; returns a promise when a gap must first be read from the store. */
  private advance(workshopId: string, cursor: Cursor, events: StoredEvent[]): Promise<void> | undefined {
    const first = events[0];
    if (!first) return undefined;
    if (first.seq > cursor.seq + 1)
      return this.fill(workshopId, cursor, first.seq).then(() => this.emit(workshopId, cursor, events));
    this.emit(workshopId, cursor, events);
    return undefined;
  }

  private async fill(workshopId: string, cursor: Cursor, before: number): Promise<void> {
    try {
      const missing = await this.options.readEvents(workshopId, cursor.seq, before - 1 - cursor.seq);
      this.emit(workshopId, cursor, missing);
    } catch (error) {
      // Without the store the gap stays: say so, and go on with what came (listeners that keep a
      // seq of their own, like the service's rooms, catch up from the store themselves).
      this.options.onError?.(error);
    }
  }

  /** Sends listeners the events above the cursor, in order, and moves the cursor past them. */
  private emit(workshopId: string, cursor: Cursor, events: readonly StoredEvent[]): void {
    const fresh = events.filter((stored) => stored.seq > cursor.seq);
    const last = fresh.at(-1);
    if (!last || this.closed) return;
    cursor.seq = last.seq;
    for (const listener of this.listeners) {
      try {
        listener(workshopId, fresh);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }
}
