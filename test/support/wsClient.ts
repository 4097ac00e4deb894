import WebSocket from "ws";
import {
  applyEnvelopes,
  type Command,
  type HelloMessage,
  PROTOCOL_VERSION,
  type Replica,
  revivedState,
  type ServerMessage,
  stateForParticipant,
  stateWithoutOthersAuthors,
  type WorkshopState,
} from "../../src/core/index.js";

export type AckMessage = Extract<ServerMessage, { type: "ack" }>;
export type ErrorMessage = Extract<ServerMessage, { type: "error" }>;
export type WelcomeMessage = Extract<ServerMessage, { type: "welcome" }>;

/** How a socket ended: the close code and reason the client saw. */
export interface CloseInfo {
  code: number;
  reason: string;
}

export interface ClientOptions {
  /** `ws://host:port/ws` */
  wsUrl: string;
  workshopId: string;
  role: "facilitator" | "participant";
  participantId?: string;
  facilitatorKey?: string;
  /** Resume from a replica this client held before: hello carries `since: replica.seq`. */
  resumeFrom?: Replica;
  /** Overrides hello's protocol version, to test a mismatch. */
  protocol?: number;
  /** When false, connect without saying hello. */
  hello?: boolean;
  /** Over wss: the one certificate authority to trust (a test's self-signed certificate). */
  ca?: string;
  /** Headers of the upgrade request, such as a session `cookie`, as a browser sends them. */
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * A protocol client for tests over a real WebSocket. It keeps a `Replica` built only from what
 * the server sent (a `snapshot` replaces it, `events` are applied with `applyEnvelopes`), logs
 * every message, and records what a correct server must never do: gaps and repeated events.
 */
export class TestClient {
  /** Every server message, in arrival order. */
  readonly messages: ServerMessage[] = [];
  /** Every server frame as the bytes on the wire said it (UTF-8), in arrival order. */
  readonly frames: string[] = [];
  /** The seq of every event envelope received, in arrival order (repeats included). */
  readonly receivedSeqs: number[] = [];
  /** Envelopes that arrived at or below the replica's seq: a repeat the client had to skip. */
  readonly repeatedSeqs: number[] = [];
  /** Descriptions of batches that did not continue the replica's sequence. */
  readonly gaps: string[] = [];
  replica: Replica | undefined;
  welcome: WelcomeMessage | undefined;
  closeInfo: CloseInfo | undefined;
  /** Resolves when the socket closes, with the close code the client saw. */
  readonly closed: Promise<CloseInfo>;
  /** Resolves once the socket is open (rejects if it never opens). */
  readonly opened: Promise<void>;

  private readonly socket: WebSocket;
  private readonly pending = new Map<string, Array<(message: AckMessage | ErrorMessage) => void>>();
  private readonly watchers = new Set<() => void>();

  constructor(readonly options: ClientOptions) {
    this.replica = options.resumeFrom;
    this.socket = new WebSocket(options.wsUrl, {
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      ...(options.headers ? { headers: options.headers } : {}),
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
    this.closed = new Promise((resolve) => {
      this.socket.on("close", (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.notify();
      });
    });
    // An error before open rejects `opened`; later ones end in a close, which tests observe.
    this.socket.on("error", () => undefined);
    this.socket.on("message", (data) => {
      const frame = data.toString();
      this.frames.push(frame);
      this.handleMessage(JSON.parse(frame) as ServerMessage);
    });
  }

  /** The replica's state; throws before the first snapshot or catch-up. */
  get state(): WorkshopState {
    if (!this.replica) throw new Error("no replica yet");
    return this.replica.state;
  }

  /** The replica's seq (0 before any). */
  get seq(): number {
    return this.replica?.seq ?? 0;
  }

  /** The actor id the server assigned in welcome. */
  get actorId(): string {
    if (!this.welcome) throw new Error("not welcomed yet");
    return this.welcome.actor.id;
  }

  /**
   * The server's `state` as this client is meant to hold it: a participant's with others' dots
   * hidden until the reveal and others' authorship of cards and proposals taken out; no client holds
   * the card pace the server decides the cards-a-minute quota with.
   */
  viewOf({ cardPace: _serverOnly, ...state }: WorkshopState): WorkshopState {
    if (this.options.role !== "participant") return state;
    return stateWithoutOthersAuthors(stateForParticipant(state, this.actorId), this.actorId);
  }

  /** Sends hello as configured. */
  sayHello(): void {
    const { options } = this;
    const hello: HelloMessage = {
      type: "hello",
      protocol: options.protocol ?? PROTOCOL_VERSION,
      workshopId: options.workshopId,
      role: options.role,
      ...(options.participantId ? { participantId: options.participantId } : {}),
      ...(options.facilitatorKey !== undefined ? { facilitatorKey: options.facilitatorKey } : {}),
      ...(options.resumeFrom ? { since: options.resumeFrom.seq } : {}),
    };
    this.sendRaw(hello);
  }

  /** Sends a command; resolves with the ack or error the server answers for that id (in order, per id). */
  send(commandId: string, command: Command): Promise<AckMessage | ErrorMessage> {
    return this.sendMessage(commandId, { type: "command", id: commandId, command });
  }

  /** Sends anything with an id and resolves with the ack or error for that id. */
  sendMessage(id: string, message: unknown): Promise<AckMessage | ErrorMessage> {
    const answer = new Promise<AckMessage | ErrorMessage>((resolve, reject) => {
      const waiting = this.pending.get(id) ?? [];
      waiting.push(resolve);
      this.pending.set(id, waiting);
      this.closed.then((info) => reject(new Error(`socket closed (${info.code}) before an answer to ${id}`)));
    });
    this.sendRaw(message);
    return answer;
  }

  /** Sends a command and fails unless it is acknowledged. */
  async expectAck(commandId: string, command: Command): Promise<AckMessage> {
    const answer = await this.send(commandId, command);
    if (answer.type !== "ack") throw new Error(`${commandId} refused: ${answer.code}: ${answer.message}`);
    return answer;
  }

  /** Sends a raw value (JSON-encoded unless it is already a string). */
  sendRaw(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Resolves with the state once `predicate` holds (checked now and after every message). */
  waitFor(predicate: (state: WorkshopState) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<WorkshopState> {
    return this.until(
      () => (this.replica && predicate(this.replica.state) ? this.replica.state : undefined),
      "state predicate",
      timeoutMs,
    );
  }

  /** Resolves once the replica reaches `seq`. */
  waitForSeq(seq: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Replica> {
    return this.until(
      () => (this.replica && this.replica.seq >= seq ? this.replica : undefined),
      `seq ${seq}`,
      timeoutMs,
    );
  }

  /** Resolves with the first logged message (past or future) that matches. */
  waitForMessage<T extends ServerMessage>(
    predicate: (message: ServerMessage) => message is T,
    timeoutMs?: number,
  ): Promise<T>;
  waitForMessage(predicate: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  waitForMessage(predicate: (message: ServerMessage) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS) {
    return this.until(() => this.messages.find(predicate), "message", timeoutMs);
  }

  /**
   * Resolves once welcomed and holding the head the server announced: after the snapshot, or
   * after the catch-up events of a resume.
   */
  async ready(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<this> {
    await this.until(
      () => (this.welcome && this.replica && this.replica.seq >= this.welcome.seq ? true : undefined),
      "welcome and initial state",
      timeoutMs,
    );
    return this;
  }

  /** Resolves with how the socket closed; rejects if it is still open after `timeoutMs`. */
  closedWithin(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CloseInfo> {
    return this.until(() => this.closeInfo, "the socket to close", timeoutMs, false);
  }

  /** Closes the socket and waits until it is closed. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }

  /** Waits until `check` returns a value; rejects on timeout or when the socket closes first. */
  private until<T>(check: () => T | undefined, what: string, timeoutMs: number, failOnClose = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value !== undefined) {
          finish();
          resolve(value);
        } else if (failOnClose && this.closeInfo) {
          finish();
          reject(
            new Error(`socket closed (${this.closeInfo.code} ${this.closeInfo.reason}) while waiting for ${what}`),
          );
        }
      };
      const timer = setTimeout(() => {
        finish();
        const last = this.messages.slice(-5).map((message) => JSON.stringify(message).slice(0, 300));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last messages:\n${last.join("\n")}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.watchers.delete(attempt);
      };
      this.watchers.add(attempt);
      attempt();
    });
  }

  private handleMessage(message: ServerMessage): void {
    this.messages.push(message);
    switch (message.type) {
      case "welcome":
        this.welcome = message;
        break;
      case "snapshot":
        this.replica = { seq: message.seq, state: revivedState(message.state) };
        break;
      case "events":
        this.applyEvents(message.events);
        break;
      case "ack":
      case "error":
        if (message.id !== undefined) this.pending.get(message.id)?.shift()?.(message);
        break;
      case "pong":
        break;
    }
    this.notify();
  }

  private applyEvents(envelopes: Extract<ServerMessage, { type: "events" }>["events"]): void {
    for (const envelope of envelopes) {
      this.receivedSeqs.push(envelope.seq);
      if (this.replica && envelope.seq <= this.replica.seq) this.repeatedSeqs.push(envelope.seq);
    }
    if (!this.replica) {
      this.gaps.push(`events ${envelopes.map((e) => e.seq).join(",")} before any snapshot`);
      return;
    }
    const next = applyEnvelopes(this.replica, envelopes);
    if (next) this.replica = next;
    else this.gaps.push(`at seq ${this.replica.seq} got ${envelopes.map((e) => e.seq).join(",")}`);
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

/** Opens a socket and says hello (unless `hello: false`), without waiting for the welcome. */
export async function openClient(options: ClientOptions): Promise<TestClient> {
  const client = new TestClient(options);
  await client.opened;
  if (options.hello !== false) client.sayHello();
  return client;
}

/** Opens, says hello, and waits until the client holds the workshop's current state. */
export async function connectClient(options: ClientOptions): Promise<TestClient> {
  const client = await openClient(options);
  return client.ready();
}
