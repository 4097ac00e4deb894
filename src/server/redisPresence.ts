import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import { FOCUS_FIELDS, type PeerFocusMessage } from "../core/index.js";
import { type PresenceExchange, type RemotePresenceListener, RemoteRosters, sameRoster } from "./presenceExchange.js";
import { connectRedisPair } from "./redisPair.js";

export interface RedisPresenceOptions {
  /** `redis://host:port` */
  url: string;
  /**
   * Prefix of the channels, one per workshop (`<prefix>:<workshopId>`; default
   * `concord:presence`); tests give each run its own.
   */
  channel?: string;
  /** How often this process repeats its non-empty rosters (default 10 s). */
  heartbeatMs?: number;
  /** A roster not repeated for this long is forgotten: its process is gone (default 30 s). */
  expireMs?: number;
  /** Asks that arrive together ("who's there?") are answered once, after this long (default 100 ms). */
  answerDelayMs?: number;
  onError?(error: unknown): void;
}

const processId = z.string().min(1).max(100);

const peerFocusSchema = z
  .object({
    type: z.literal("peerFocus"),
    actorId: z.string().min(1).max(200),
    name: z.string().max(1000),
    role: z.enum(["facilitator", "participant"]),
    themeId: z.string().min(1).max(200),
    field: z.enum(FOCUS_FIELDS).nullable(),
    cursor: z.number().int().min(0),
  })
  .strict() satisfies z.ZodType<PeerFocusMessage>;

/** What travels on a workshop's channel. Redis is a boundary: every message is checked. */
const messageSchema = z.discriminatedUnion("kind", [
  // The participants this process has in the workshop (empty: none left). Also the heartbeat.
  z.object({
    kind: z.literal("roster"),
    process: processId,
    participants: z.array(z.string().min(1).max(200)).max(100_000),
  }),
  // A process that just started listening to the workshop asks the others for their rosters.
  z.object({ kind: z.literal("ask"), process: processId }),
  z.object({ kind: z.literal("focus"), process: processId, focus: peerFocusSchema }),
]);

/**
 * The PresenceExchange of several server processes, over Redis pub/sub. Each workshop has its own
 * channel, which a process subscribes to while it has connections in that workshop: rosters and
 * carets thus reach only the processes that serve the workshop.
 *
 * - A process publishes its roster of a workshop (its participants' public ids, tagged with its
 *   process id) when presence computes a different one, so at most once a second per workshop,
 *   however many people join; a join storm of 2,000 is a few rosters of up to 2,000 ids.
 * - Every `heartbeatMs` it repeats its non-empty rosters; a roster not repeated within `expireMs`
 *   is forgotten, so a crashed process's participants stop being counted.
 * - A process that starts listening to a workshop asks "who's there?", and the others answer
 *   with their rosters: nothing is kept in Redis, and nothing is left there by a crash.
 * - A caret crosses once to each other process in the workshop; the sender drops its own.
 */
export class RedisPresence implements PresenceExchange {
  private readonly listeners = new Set<RemotePresenceListener>();
  private readonly prefix: string;
  private readonly processId = randomUUID();
  private readonly rosters = new RemoteRosters();
  /** Workshops with connections here, whose channels this process listens to. */
  private readonly watched = new Set<string>();
  /** What this process last told the others, per workshop, for heartbeats and answers (non-empty only). */
  private readonly sent = new Map<string, readonly string[]>();
  private readonly answers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly expireMs: number;
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisPresenceOptions,
  ) {
    this.prefix = `${options.channel ?? "concord:presence"}:`;
    this.expireMs = options.expireMs ?? 30_000;
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 10_000);
    this.heartbeat.unref();
  }

  /** Connects both connections (one of them to subscribe). */
  static async open(options: RedisPresenceOptions): Promise<RedisPresence> {
    const { publisher, subscriber } = await connectRedisPair(options.url, options.onError);
    const presence = new RedisPresence(publisher, subscriber, options);
    subscriber.on("message", (channel: string, raw: string) => presence.receive(channel, raw));
    return presence;
  }

  watch(workshopId: string): void {
    if (this.closed || this.watched.has(workshopId)) return;
    this.watched.add(workshopId);
    this.subscriber
      .subscribe(this.channelOf(workshopId))
      .then(() => {
        // Subscribed: whatever the others answer now reaches this process.
        if (this.watched.has(workshopId)) this.publish(workshopId, { kind: "ask", process: this.processId });
      })
      .catch(this.report);
  }

  unwatch(workshopId: string): void {
    if (!this.watched.delete(workshopId)) return;
    // Not heard any more, so no longer kept: asked again if the workshop comes back.
    this.rosters.drop(workshopId);
    clearTimeout(this.answers.get(workshopId));
    this.answers.delete(workshopId);
    if (!this.closed) this.subscriber.unsubscribe(this.channelOf(workshopId)).catch(this.report);
  }

  share(workshopId: string, participants: ReadonlySet<string>): void {
    const sent = this.sent.get(workshopId);
    if (sent ? sameRoster(sent, participants) : participants.size === 0) return;
    const roster = [...participants];
    if (roster.length === 0) this.sent.delete(workshopId);
    else this.sent.set(workshopId, roster);
    this.publishRoster(workshopId, roster);
  }

  remote(workshopId: string): Iterable<readonly string[]> {
    return this.rosters.of(workshopId);
  }

  relay(workshopId: string, message: string): void {
    // The caret is already serialised: spliced in, not parsed and serialised again.
    this.publishRaw(workshopId, `{"kind":"focus","process":${JSON.stringify(this.processId)},"focus":${message}}`);
  }

  listen(listener: RemotePresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the others this process's participants are gone, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.heartbeat);
    for (const timer of this.answers.values()) clearTimeout(timer);
    this.answers.clear();
    const goodbyes = [...this.sent.keys()].map((workshopId) =>
      this.publisher.publish(this.channelOf(workshopId), this.rosterMessage([])).catch(this.report),
    );
    this.closed = true;
    this.sent.clear();
    this.listeners.clear();
    await Promise.allSettled(goodbyes);
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }

  private readonly report = (error: unknown) => this.options.onError?.(error);

  private channelOf(workshopId: string): string {
    return this.prefix + workshopId;
  }

  /** Repeats this process's rosters and forgets the others' that were not repeated in time. */
  private beat(): void {
    for (const [workshopId, roster] of this.sent) this.publishRoster(workshopId, roster);
    for (const workshopId of this.rosters.expire(Date.now(), this.expireMs)) this.notifyRoster(workshopId);
  }

  private rosterMessage(participants: readonly string[]): string {
    return JSON.stringify({ kind: "roster", process: this.processId, participants });
  }

  private publishRoster(workshopId: string, participants: readonly string[]): void {
    this.publishRaw(workshopId, this.rosterMessage(participants));
  }

  private publish(workshopId: string, message: z.infer<typeof messageSchema>): void {
    this.publishRaw(workshopId, JSON.stringify(message));
  }

  private publishRaw(workshopId: string, raw: string): void {
    if (this.closed) return;
    this.publisher.publish(this.channelOf(workshopId), raw).catch(this.report);
  }

  private receive(channel: string, raw: string): void {
    if (this.closed || !channel.startsWith(this.prefix)) return;
    const workshopId = channel.slice(this.prefix.length);
    // A message still in flight when this process stopped listening.
    if (!this.watched.has(workshopId)) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      this.report(error);
      return;
    }
    // Its own messages come back too, and what it sends its own room already has: dropped unread.
    if (typeof json === "object" && json !== null && "process" in json && json.process === this.processId) return;
    const parsed = messageSchema.safeParse(json);
    if (!parsed.success) {
      this.report(new Error(`Unreadable presence message on ${channel}: ${parsed.error.issues[0]?.message ?? ""}`));
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case "roster":
        if (this.rosters.hear(workshopId, message.process, message.participants, Date.now()))
          this.notifyRoster(workshopId);
        return;
      case "ask":
        this.answer(workshopId);
        return;
      case "focus": {
        const serialized = JSON.stringify(message.focus);
        for (const listener of this.listeners) {
          try {
            listener.focus(workshopId, serialized);
          } catch (error) {
            this.report(error);
          }
        }
        return;
      }
    }
  }

  /** Answers "who's there?" with this process's roster, once for the asks that arrive together. */
  private answer(workshopId: string): void {
    if (!this.sent.has(workshopId) || this.answers.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.answers.delete(workshopId);
      const roster = this.sent.get(workshopId);
      if (roster) this.publishRoster(workshopId, roster);
    }, this.options.answerDelayMs ?? 100);
    timer.unref();
    this.answers.set(workshopId, timer);
  }

  private notifyRoster(workshopId: string): void {
    for (const listener of this.listeners) {
      try {
        listener.rosterChanged(workshopId);
      } catch (error) {
        this.report(error);
      }
    }
  }
}
