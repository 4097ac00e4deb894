import {
  type Actor,
  applyEnvelopes,
  CLOSE_CODES,
  type Command,
  type FocusField,
  type PeerFocusMessage,
  PROTOCOL_VERSION,
  type PresenceMessage,
  type Replica,
  revivedState,
  type ServerMessage,
} from "../../core/index.js";
import { newId } from "../newId.js";
import { type Refusal, refusalOf } from "./refusals.js";

function loadOutbox(key: string): [string, Command][] {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(saved) ? (saved as [string, Command][]) : [];
  } catch {
    return [];
  }
}

export type ConnectionStatus = "connecting" | "live" | "offline" | "closed";

export interface LiveSnapshot {
  status: ConnectionStatus;
  replica: Replica | undefined;
  actor: Actor | undefined;
  /** Commands sent but not yet acknowledged; they are resent with the same id after a reconnect. */
  pending: number;
  /** The last refusal, for the page to show in its reader's language (`useRefusalText`). */
  lastError: Refusal | undefined;
  /** Why the server ended the session for good (wrong key, unknown workshop), for the page to say. */
  fatal: FatalReason | undefined;
  /** Who is connected; not part of the workshop state. */
  presence: PresenceMessage | undefined;
  /** Server clock minus this device's clock, in ms, so timers agree across devices. */
  clockOffsetMs: number;
  /** Where other people are writing now (co-writers' carets), by actor id; never stored. */
  peers: Record<string, PeerFocusMessage>;
}

/** What became of one command: committed at `seq`, or refused with a code and a reason. */
export type CommandOutcome = { ok: true; seq: number } | ({ ok: false } & Refusal);

/** Where this person is writing: a theme's headline or narrative and the caret in it. */
export interface Focus {
  themeId: string;
  field: FocusField | null;
  cursor: number;
}

export interface LiveClientOptions {
  url: string;
  workshopId: string;
  role: "facilitator" | "participant";
  participantId: string;
  facilitatorKey?: string;
}

const PING_EVERY_MS = 15_000;
const SILENCE_LIMIT_MS = 40_000;

/** Why the server ends a session for good: the names of those close codes. */
export const FATAL_REASONS = ["protocolMismatch", "unauthorized", "badMessage", "unknownWorkshop"] as const;
export type FatalReason = (typeof FATAL_REASONS)[number];

const FATAL_CLOSES = new Map<number, FatalReason>([
  [CLOSE_CODES.protocolMismatch, "protocolMismatch"],
  [CLOSE_CODES.unauthorized, "unauthorized"],
  [CLOSE_CODES.badMessage, "badMessage"],
  [CLOSE_CODES.unknownWorkshop, "unknownWorkshop"],
]);

/**
 * The browser's end of the protocol: keeps a replica built only from server events, reconnects
 * with `since`, and resends unacknowledged commands under their original ids, which the server
 * applies once however often they arrive.
 */
export class LiveClient {
  private socket: WebSocket | undefined;
  private snapshot: LiveSnapshot = {
    status: "connecting",
    replica: undefined,
    actor: undefined,
    pending: 0,
    lastError: undefined,
    fatal: undefined,
    presence: undefined,
    clockOffsetMs: 0,
    peers: {},
  };
  /** Unacknowledged commands, kept in localStorage so that a reload while offline loses nothing. */
  private readonly outbox: Map<string, Command>;
  private readonly listeners = new Set<(snapshot: LiveSnapshot) => void>();
  /** Who waits for the outcome of which command id (`sendAndWait`). */
  private readonly waiting = new Map<string, (outcome: CommandOutcome) => void>();
  private focusShown: Focus | undefined;
  private retryDelay = 500;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;

  constructor(private readonly options: LiveClientOptions) {
    this.outbox = new Map(loadOutbox(this.outboxKey()));
    this.snapshot = { ...this.snapshot, pending: this.outbox.size };
    window.addEventListener("online", this.handleOnline);
    this.connect();
  }

  get current(): LiveSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: LiveSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a command; it is sent now if connected, or as soon as the connection is back. */
  send(command: Command): string {
    const id = newId();
    this.outbox.set(id, command);
    this.saveOutbox();
    if (this.snapshot.status === "live") this.transmit(id, command);
    return id;
  }

  /**
   * Queues a command like `send` and resolves with its outcome: the ack, or the refusal (a
   * co-writer's `conflict`, for example). After a reconnect the command is resent and the promise
   * resolves with the answer to that.
   */
  sendAndWait(command: Command): Promise<CommandOutcome> {
    return new Promise((resolve) => {
      const id = this.send(command);
      this.waiting.set(id, resolve);
    });
  }

  /**
   * Tells the co-writers where this person is writing. Ephemeral: not queued while offline, but
   * sent again after a reconnect while the writer is still in the text.
   */
  focus(focus: Focus): void {
    this.focusShown = focus.field === null ? undefined : focus;
    if (this.snapshot.status === "live") this.socket?.send(JSON.stringify({ type: "focus", ...focus }));
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    window.removeEventListener("online", this.handleOnline);
    this.socket?.close();
    this.update({ status: "closed" });
  }

  /** The browser says the network is back: reconnect now rather than at the next back-off. */
  private readonly handleOnline = () => {
    if (this.stopped || this.snapshot.status !== "offline") return;
    clearTimeout(this.retryTimer);
    this.retryDelay = 500;
    this.connect();
  };

  /**
   * A socket whose network vanished (a phone leaving Wi-Fi) can look open for minutes. Pings
   * keep a live one talking; silence past the deadline closes it, which starts a reconnect.
   */
  private watch(socket: WebSocket): void {
    clearInterval(this.heartbeat);
    this.lastHeard = Date.now();
    this.heartbeat = setInterval(() => {
      if (this.socket !== socket) return;
      if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) socket.close();
      else if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
    }, PING_EVERY_MS);
  }

  private connect(): void {
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    this.update({ status: "connecting" });
    socket.onopen = () => {
      this.watch(socket);
      const { workshopId, role, participantId, facilitatorKey } = this.options;
      const since = this.snapshot.replica?.seq;
      socket.send(
        JSON.stringify({
          type: "hello",
          protocol: PROTOCOL_VERSION,
          workshopId,
          role,
          participantId,
          ...(facilitatorKey ? { facilitatorKey } : {}),
          ...(since !== undefined ? { since } : {}),
        }),
      );
    };
    socket.onmessage = (message) => {
      this.lastHeard = Date.now();
      this.handleMessage(JSON.parse(String(message.data)) as ServerMessage);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return;
      const fatal = FATAL_CLOSES.get(event.code);
      if (fatal) {
        this.update({ status: "closed", fatal });
        return;
      }
      this.update({ status: "offline" });
      this.retryTimer = setTimeout(() => this.connect(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
    };
  }

  private handleMessage(message: ServerMessage): void {
    switch (message.type) {
      case "welcome": {
        this.retryDelay = 500;
        // Carets seen before a reconnect may belong to people who left meanwhile.
        this.update({ actor: message.actor, clockOffsetMs: Date.parse(message.serverTime) - Date.now(), peers: {} });
        // A reconnect that missed nothing gets no snapshot and no events: it is live now, and
        // must resend its outbox now, not when someone else next changes the workshop.
        const replica = this.snapshot.replica;
        if (replica && replica.seq === message.seq) this.goLive(replica);
        return;
      }
      case "presence":
        this.update({ presence: message });
        return;
      case "peerFocus": {
        const { [message.actorId]: _previous, ...others } = this.snapshot.peers;
        this.update({ peers: message.field === null ? others : { ...others, [message.actorId]: message } });
        return;
      }
      case "snapshot":
        this.goLive({ seq: message.seq, state: revivedState(message.state) });
        return;
      case "events": {
        const replica = this.snapshot.replica;
        if (!replica) return;
        const next = applyEnvelopes(replica, message.events);
        if (next) this.goLive(next);
        else this.socket?.send(JSON.stringify({ type: "sync", since: replica.seq }));
        return;
      }
      case "ack":
        this.outbox.delete(message.id);
        this.saveOutbox();
        this.settle(message.id, { ok: true, seq: message.seq });
        return;
      case "error":
        if (message.id) this.outbox.delete(message.id);
        this.saveOutbox();
        // A refusal someone waits for is theirs to explain (a co-writer's conflict, a stale undo).
        if (message.id && this.waiting.has(message.id)) {
          this.settle(message.id, { ok: false, ...refusalOf(message) });
          return;
        }
        this.update({ lastError: refusalOf(message) });
        return;
      case "pong":
        return;
    }
  }

  private goLive(replica: Replica): void {
    const wasLive = this.snapshot.status === "live";
    this.update({ replica, status: "live" });
    if (!wasLive) {
      for (const [id, command] of this.outbox) this.transmit(id, command);
      if (this.focusShown) this.socket?.send(JSON.stringify({ type: "focus", ...this.focusShown }));
    }
  }

  private settle(id: string, outcome: CommandOutcome): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(outcome);
  }

  private transmit(id: string, command: Command): void {
    this.socket?.send(JSON.stringify({ type: "command", id, command }));
  }

  private outboxKey(): string {
    // The role is part of the key: a console tab and a participant tab on one device must not
    // resend each other's commands.
    return `concord.outbox.${this.options.workshopId}.${this.options.role}.${this.options.participantId}`;
  }

  private saveOutbox(): void {
    try {
      localStorage.setItem(this.outboxKey(), JSON.stringify([...this.outbox]));
    } catch {
      // Storage full or disabled (private browsing): the outbox still lives in memory.
    }
    this.update({ pending: this.outbox.size });
  }

  private update(change: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}
