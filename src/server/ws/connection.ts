import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import {
  type Actor,
  CLOSE_CODES,
  type ClientMessage,
  clientMessageSchema,
  entry,
  type FocusMessage,
  formatPath,
  type HelloMessage,
  type PeerFocusMessage,
  PROTOCOL_VERSION,
  revealedBy,
  type ServerMessage,
  type WorkshopState,
} from "../../core/index.js";
import { AppError } from "../errors.js";
import { type Metrics, secondsSince } from "../metrics.js";
import { type StoredEvent, toEnvelope } from "../store/eventStore.js";
import type { WorkshopService } from "../workshopService.js";
import { FocusRelay } from "./focusRelay.js";
import type { Hub, Subscriber } from "./hub.js";
import { type ParticipantFrame, ParticipantFrames, participantSnapshotFrame } from "./participantFrames.js";
import { publicParticipantId } from "./participantIdentity.js";
import { snapshotFrame } from "./snapshotFrame.js";
import { corkForThisTurn } from "./turnBatcher.js";

/** A client further behind than this gets a snapshot instead of a replay of the log. */
const MAX_CATCH_UP_EVENTS = 2000;
/**
 * A phone that stopped reading (out of range, asleep) would make the server queue every event for
 * it until TCP gives up, many minutes later. Past this much unsent data it is dropped instead: it
 * reconnects with `since` and catches up from the log. Far above the largest snapshot.
 */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

interface Joined {
  workshopId: string;
  actor: Actor;
  /** The highest sequence number this client has been sent; events go out gap-free above it. */
  sentSeq: number;
  /** Live events that arrive while the catch-up is being read are held here, then flushed. */
  pending: StoredEvent[] | undefined;
  /**
   * For a participant, whether the vote's results are revealed at `sentSeq`: until they are, the
   * others' dots are sealed (src/core/hiddenVotes.ts). Undefined for a facilitator, who sees all.
   */
  revealed: boolean | undefined;
}

export interface ConnectionDeps {
  service: WorkshopService;
  hub: Hub;
  isFacilitator: (workshopId: string, key: string) => Promise<boolean>;
  /** The signed-in facilitator's name, shown to co-writers beside their caret. */
  facilitatorName?: () => Promise<string | undefined>;
  /** The upgrade request's logger (with its request id); the workshop's id is added at hello. */
  log: ConnectionLog;
  metrics?: Metrics;
  /** Unsent bytes past which a connection is dropped (default MAX_BUFFERED_BYTES). */
  maxBufferedBytes?: number;
  /** The TCP stream under the WebSocket: when given, a turn's frames leave in one system call. */
  stream?: Duplex;
}

/** The part of a pino logger a connection uses. */
export interface ConnectionLog {
  warn(object: unknown, message: string): void;
  child(bindings: Record<string, unknown>): ConnectionLog;
}

/**
 * One client's session on /ws: hello, then commands. Messages of a connection are handled one
 * at a time, so a client's commands apply in the order it sent them.
 */
export class Connection implements Subscriber {
  private joined: Joined | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly focus = new FocusRelay((focus) => {
    this.relayFocus(focus).catch((error) => this.log.warn({ err: error }, "focus relay failed"));
  });
  private log: ConnectionLog;
  private facilitatorName = "";
  /** The role under which this connection is in the connections gauge, once it joined a workshop. */
  private counted: Actor["role"] | undefined;
  /** Commands sent by this client and not yet answered. */
  private awaitingAck = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.log = deps.log;
    socket.on("message", (data) => {
      const received = performance.now();
      this.queue = this.queue
        .then(() => this.handleRaw(data.toString(), received))
        .catch((error) => this.handleCrash(error));
    });
    socket.on("close", () => {
      this.focus.close();
      this.uncount();
      if (this.joined) deps.hub.leave(this.joined.workshopId, this);
    });
  }

  get actor(): Actor | undefined {
    return this.joined?.actor;
  }

  /** Sends a message serialised once for many connections (a Buffer is encoded once, too). */
  sendRaw(message: string | Buffer): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > (this.deps.maxBufferedBytes ?? MAX_BUFFERED_BYTES)) {
      socket.terminate();
      return;
    }
    // A connection waiting for an ack gets it right after its command's events: both in one send.
    // Others are not held (in a room of 2,000, holding every socket to the end of the turn costs
    // latency and memory).
    if (this.deps.stream && this.awaitingAck > 0) corkForThisTurn(this.deps.stream);
    // A text frame either way: the protocol is JSON.
    socket.send(message, { binary: false });
  }

  deliver(events: readonly StoredEvent[], serialized: Buffer, forParticipants: ParticipantFrames): void {
    const joined = this.joined;
    if (!joined) return;
    if (joined.pending) {
      joined.pending.push(...events);
      return;
    }
    const first = events[0];
    if (!first || first.seq !== joined.sentSeq + 1) {
      this.sendEvents(events);
      return;
    }
    if (joined.revealed === undefined) {
      joined.sentSeq = events[events.length - 1]?.seq ?? joined.sentSeq;
      this.sendRaw(serialized);
      return;
    }
    this.sendToParticipant(joined, forParticipants.frameFor(joined.actor.id, joined.revealed), () => serialized);
  }

  /**
   * Sends a participant's frame of a batch (`whole`, the batch as facilitators see it, when it hides
   * nothing); at a reveal or a hide, the snapshot with the dots the participant may now see follows.
   */
  private sendToParticipant(joined: Joined, sent: ParticipantFrame, whole: () => Buffer | string): void {
    joined.sentSeq = sent.sentSeq;
    joined.revealed = sent.revealedAfter;
    if (sent.frame) this.sendRaw(sent.frame);
    else if (!sent.snapshotNext) this.sendRaw(whole());
    if (sent.snapshotNext) this.sendSnapshotAfterReveal(joined);
  }

  private async handleRaw(raw: string, received: number): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.send({ type: "error", code: "bad_message", message: "Messages are JSON" });
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const id = typeof json === "object" && json && "id" in json && typeof json.id === "string" ? json.id : undefined;
      const issue = parsed.error.issues[0];
      const message = issue ? `${formatPath(issue.path)}: ${issue.message}` : "Not a protocol message";
      return this.send({ type: "error", ...(id ? { id } : {}), code: "bad_message", message });
    }
    await this.handle(parsed.data, received);
  }

  private async handle(message: ClientMessage, received: number): Promise<void> {
    if (message.type === "ping") return this.send({ type: "pong" });
    if (message.type === "hello") return this.handleHello(message);
    const joined = this.joined;
    if (!joined) return this.close(CLOSE_CODES.badMessage, "Say hello first");
    if (message.type === "sync") return this.catchUp(joined, message.since);
    if (message.type === "focus") return this.focus.update(message);
    const { metrics } = this.deps;
    metrics?.command(message.command.type);
    this.awaitingAck += 1;
    try {
      const outcome = await this.deps.service.execute(joined.workshopId, joined.actor, message.id, message.command);
      this.send({ type: "ack", id: message.id, seq: outcome.seq, duplicate: outcome.duplicate });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      metrics?.refused(message.command.type, error.code);
      this.send({ type: "error", id: message.id, code: error.code, message: error.message, ...error.refusal });
    } finally {
      this.awaitingAck -= 1;
      metrics?.acked(secondsSince(received));
    }
  }

  private async handleHello(hello: HelloMessage): Promise<void> {
    if (this.joined) return this.send({ type: "error", code: "bad_message", message: "Already joined" });
    if (hello.protocol !== PROTOCOL_VERSION) {
      return this.close(CLOSE_CODES.protocolMismatch, `This server speaks protocol ${PROTOCOL_VERSION}`);
    }
    const { service, hub, isFacilitator } = this.deps;
    if (hello.role === "facilitator" && !(await isFacilitator(hello.workshopId, hello.facilitatorKey ?? ""))) {
      return this.close(CLOSE_CODES.unauthorized, "Not a facilitator of this workshop");
    }
    const deviceId = hello.participantId ?? randomUUID();
    const actor: Actor = {
      role: hello.role,
      // A participant's device id is its secret; the room knows it by a hash of it.
      id: hello.role === "participant" ? publicParticipantId(deviceId) : deviceId,
    };
    if (hello.role === "facilitator") this.facilitatorName = (await this.deps.facilitatorName?.()) ?? "";
    const joined: Joined = {
      workshopId: hello.workshopId,
      actor,
      sentSeq: 0,
      pending: [],
      revealed: actor.role === "participant" ? false : undefined,
    };
    // Join before reading, so that nothing committed meanwhile can fall between the read and
    // the live stream; `pending` holds it until the read is sent.
    this.joined = joined;
    this.log = this.deps.log.child({ workshopId: hello.workshopId });
    hub.join(hello.workshopId, this);
    this.counted = actor.role;
    this.deps.metrics?.connected(actor.role);
    try {
      const current = await service.get(hello.workshopId);
      this.send({
        type: "welcome",
        protocol: PROTOCOL_VERSION,
        workshopId: hello.workshopId,
        actor,
        seq: current.seq,
        serverTime: new Date().toISOString(),
      });
      const since = hello.since;
      if (since !== undefined && since <= current.seq && current.seq - since <= MAX_CATCH_UP_EVENTS) {
        await this.catchUp(joined, since);
      } else {
        this.sendSnapshot(joined, current.seq, current.state);
        this.flushPending(joined);
      }
    } catch (error) {
      hub.leave(hello.workshopId, this);
      this.uncount();
      this.joined = undefined;
      if (error instanceof AppError && error.code === "not_found") {
        return this.close(CLOSE_CODES.unknownWorkshop, "No such workshop");
      }
      throw error;
    }
  }

  /**
   * Sends everything after `since` from the log. Live events that arrive during the read are
   * held and sent after it, so the client sees one gap-free sequence.
   */
  private async catchUp(joined: Joined, since: number): Promise<void> {
    joined.pending ??= [];
    try {
      const current = await this.deps.service.get(joined.workshopId);
      if (since > current.seq || current.seq - since > MAX_CATCH_UP_EVENTS) {
        // A client ahead of the server (its log was reset) or far behind starts over from a snapshot.
        this.sendSnapshot(joined, current.seq, current.state);
        return;
      }
      const events = await this.deps.service.eventsSince(joined.workshopId, since);
      if (joined.revealed !== undefined && events.some(({ event }) => revealedBy(event) !== undefined)) {
        // Whether each dot could be shown depends on when the results were revealed: start over.
        this.sendSnapshot(joined, current.seq, current.state);
        return;
      }
      joined.sentSeq = since;
      // No reveal or hide in between: the results stand as they do now for every event sent.
      if (joined.revealed !== undefined) joined.revealed = current.state.voting.revealed;
      this.sendEvents(events);
    } finally {
      this.flushPending(joined);
    }
  }

  private flushPending(joined: Joined): void {
    const pending = joined.pending ?? [];
    joined.pending = undefined;
    this.sendEvents(pending);
  }

  /** Sends the board at `seq`, as this client may see it, and takes the client's position there. */
  private sendSnapshot(joined: Joined, seq: number, state: WorkshopState): void {
    joined.sentSeq = seq;
    if (joined.revealed === undefined) {
      this.sendRaw(snapshotFrame(seq, state));
      return;
    }
    joined.revealed = state.voting.revealed;
    this.sendRaw(participantSnapshotFrame(seq, state, joined.actor.id));
  }

  /** Sends the events above what the client holds, in order (a participant's with others' dots sealed). */
  private sendEvents(events: readonly StoredEvent[]): void {
    const joined = this.joined;
    if (!joined) return;
    const fresh = events.filter((stored) => stored.seq > joined.sentSeq);
    if (fresh.length === 0) return;
    const whole = () => JSON.stringify({ type: "events", events: fresh.map(toEnvelope) });
    if (joined.revealed === undefined) {
      joined.sentSeq = fresh[fresh.length - 1]?.seq ?? joined.sentSeq;
      this.sendRaw(whole());
      return;
    }
    this.sendToParticipant(joined, new ParticipantFrames(fresh).frameFor(joined.actor.id, joined.revealed), whole);
  }

  /**
   * The results were just revealed (or hidden again): the board arrives as a fresh snapshot with
   * the dots this participant may now see. Live events meanwhile wait in `pending`, as during a
   * catch-up.
   */
  private sendSnapshotAfterReveal(joined: Joined): void {
    joined.pending ??= [];
    this.deps.service
      .get(joined.workshopId)
      .then((current) => {
        if (current.seq >= joined.sentSeq) this.sendSnapshot(joined, current.seq, current.state);
      })
      .catch((error: unknown) => this.log.warn({ err: error }, "snapshot after the reveal failed"))
      .finally(() => this.flushPending(joined));
  }

  /** Tells the workshop's other connections where this person is writing (never stored). */
  private async relayFocus(focus: FocusMessage): Promise<void> {
    const joined = this.joined;
    if (!joined) return;
    const { actor } = joined;
    const name =
      actor.role === "facilitator"
        ? this.facilitatorName
        : (entry((await this.deps.service.get(joined.workshopId)).state.participants, actor.id)?.name ?? "");
    const message: PeerFocusMessage = {
      type: "peerFocus",
      actorId: actor.id,
      name,
      role: actor.role,
      themeId: focus.themeId,
      field: focus.field,
      cursor: focus.cursor,
    };
    this.deps.hub.relay(joined.workshopId, this, JSON.stringify(message));
  }

  private uncount(): void {
    if (this.counted) this.deps.metrics?.disconnected(this.counted);
    this.counted = undefined;
  }

  private send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  private close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private handleCrash(error: unknown): void {
    this.log.warn({ err: error }, "WebSocket message failed");
    this.send({
      type: "error",
      code: "invalid",
      message: "The server could not handle that message",
      reason: "serverFailed",
    });
  }
}
