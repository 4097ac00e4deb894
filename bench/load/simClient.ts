/**
 * One simulated phone: a real WebSocket speaking the real protocol. It keeps no replica (2,000 of
 * them would measure the load generator, not the server) but checks what matters: every `seq`
 * arrives exactly once and in order after the snapshot, and when it arrived.
 */
import WebSocket from "ws";
import { nowMs } from "./measure.js";
import type { ClientSpec } from "./workerMessages.js";

/** An event as the load clients read it. */
export interface Envelope {
  seq: number;
  commandId: string;
  event: { type: string; cardId?: string; card?: { id: string } };
}

/** What a load process wants to hear about; one set of hooks serves all its clients. */
export interface ClientHooks {
  onEnvelope(envelope: Envelope, at: number, client: SimClient): void;
  onAnswer(id: string, at: number, client: SimClient, errorCode?: string): void;
}

const TYPE = /^\{"type":"(\w+)"/;
const SNAPSHOT_SEQ = /^\{"type":"snapshot","seq":(\d+)/;
const HEAD_BYTES = 48;
/** The web client's back-off: 0.5 s, doubling up to 10 s, reset by a welcome. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

export class SimClient {
  /** The highest seq held; -1 until the first snapshot. */
  lastSeq = -1;
  duplicates = 0;
  gaps = 0;
  welcomedAt = 0;
  snapshotAt = 0;
  joinAckAt = 0;
  lastEventAt = 0;
  presenceMessages = 0;
  eventFrames = 0;
  failure: string | undefined;
  /** Commands sent and not yet answered, with their send time. */
  readonly sentAt = new Map<string, number>();
  private socket: WebSocket | undefined;
  private welcomed = false;
  private retryDelay = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    readonly spec: ClientSpec,
    private readonly url: string,
    private readonly hooks: ClientHooks,
    private readonly options: { reconnect: boolean; checkEvents: boolean },
  ) {}

  /** Welcomed on an open socket. */
  get live(): boolean {
    return this.welcomed && this.socket?.readyState === WebSocket.OPEN;
  }

  /** Holds the board: a snapshot arrived and, if it joins, its join was acknowledged. */
  get ready(): boolean {
    return this.lastSeq >= 0 && (this.spec.name === undefined || this.joinAckAt > 0);
  }

  connect(): void {
    // As the web app does: the workshop in the URL, for nginx's routing of a workshop to one process.
    const url = `${this.url}?workshop=${encodeURIComponent(this.spec.workshopId)}`;
    const socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket = socket;
    this.welcomed = false;
    socket.on("open", () => this.handleOpen(socket));
    socket.on("message", (data: Buffer) => this.handleMessage(data));
    socket.on("error", (error: Error & { code?: string }) => {
      if (!this.options.reconnect && !this.ready) this.failure ??= `error ${error.code ?? error.message}`;
    });
    socket.on("close", (code) => {
      if (this.socket !== socket || this.stopped) return;
      if (!this.options.reconnect) {
        if (!this.ready) this.failure ??= `closed ${code}`;
        return;
      }
      setTimeout(() => this.connect(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
    });
  }

  send(id: string, command: unknown): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.sentAt.set(id, nowMs());
    this.socket.send(JSON.stringify({ type: "command", id, command }));
  }

  close(): void {
    this.stopped = true;
    this.socket?.close(1000);
  }

  /** Forget the last welcome, so that the next one (after a restart) is timed. */
  markRestart(): void {
    this.welcomedAt = 0;
  }

  private handleOpen(socket: WebSocket): void {
    const { workshopId, role, participantId, facilitatorKey, name } = this.spec;
    const since = this.lastSeq >= 0 ? { since: this.lastSeq } : {};
    const key = facilitatorKey ? { facilitatorKey } : {};
    socket.send(JSON.stringify({ type: "hello", protocol: 1, workshopId, role, participantId, ...key, ...since }));
    // A phone joins with its name as soon as it is in; the server handles the two in order.
    if (name !== undefined && this.joinAckAt === 0) this.send(`join-${participantId}`, { type: "joinWorkshop", name });
  }

  private handleMessage(data: Buffer): void {
    const at = nowMs();
    // The frame's type (and a snapshot's seq) from its first bytes: the whole frame is decoded only when read.
    const head = data.toString("latin1", 0, HEAD_BYTES);
    const text = () => data.toString();
    const type = TYPE.exec(head)?.[1];
    if (type === "events") {
      if (this.options.checkEvents) this.handleEvents(JSON.parse(text()).events as Envelope[], at);
      else {
        this.eventFrames += 1;
        this.lastEventAt = at;
      }
      return;
    }
    if (type === "snapshot") {
      const seq = SNAPSHOT_SEQ.exec(head)?.[1];
      this.lastSeq = seq === undefined ? (JSON.parse(text()) as { seq: number }).seq : Number(seq);
      this.snapshotAt = at;
      return;
    }
    if (type === "presence") {
      this.presenceMessages += 1;
      return;
    }
    if (type === "welcome") {
      this.welcomed = true;
      this.welcomedAt = at;
      this.retryDelay = FIRST_RETRY_MS;
      return;
    }
    if (type === "ack" || type === "error") {
      const answer = JSON.parse(text()) as { id?: string; code?: string };
      if (!answer.id) return;
      if (answer.id.startsWith("join-") && type === "ack") this.joinAckAt = at;
      this.hooks.onAnswer(answer.id, at, this, type === "error" ? (answer.code ?? "error") : undefined);
      this.sentAt.delete(answer.id);
    }
  }

  private handleEvents(envelopes: Envelope[], at: number): void {
    this.eventFrames += 1;
    this.lastEventAt = at;
    for (const envelope of envelopes) {
      if (this.lastSeq < 0 || envelope.seq <= this.lastSeq) {
        this.duplicates += 1;
        continue;
      }
      if (envelope.seq > this.lastSeq + 1) this.gaps += envelope.seq - this.lastSeq - 1;
      this.lastSeq = envelope.seq;
      this.hooks.onEnvelope(envelope, at, this);
    }
  }
}
