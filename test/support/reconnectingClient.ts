import type { Command, Replica } from "../../src/core/index.js";
import { type ClientOptions, connectClient, type TestClient } from "./wsClient.js";

/**
 * A client that behaves like the web app's LiveClient where it matters to a fault test: when its
 * socket drops it reconnects (through whatever the URL reaches) with `since`, and resends every
 * unacknowledged command under its original id. Gaps and repeats of every connection it had are
 * kept, and every acknowledged command with its seq.
 */
export class ReconnectingClient {
  /** Acknowledged command ids and the seq each answered. */
  readonly acked = new Map<string, number>();
  /** Refused command ids and the error code. */
  readonly refused = new Map<string, string>();
  /** Gaps and repeated events, across all connections. */
  readonly problems: string[] = [];
  /** How many times it was welcomed (1 + reconnects). */
  connections = 0;
  private client: TestClient | undefined;
  private replica: Replica | undefined;
  private readonly outbox = new Map<string, Command>();
  private stopped = false;

  constructor(private readonly options: ClientOptions) {}

  async start(): Promise<this> {
    await this.connect();
    return this;
  }

  /** The replica it holds now (across connections). */
  get current(): Replica | undefined {
    return this.client?.replica ?? this.replica;
  }

  get unacknowledged(): number {
    return this.outbox.size;
  }

  /** Sends now if connected, and again after every reconnect until answered. */
  send(commandId: string, command: Command): void {
    this.outbox.set(commandId, command);
    if (this.client) this.transmit(this.client, commandId, command);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    if (client) {
      await client.close();
      this.collect(client);
    }
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      try {
        const client = await connectClient({ ...this.options, ...(this.replica ? { resumeFrom: this.replica } : {}) });
        if (this.stopped) {
          await client.close();
          return;
        }
        this.client = client;
        this.connections += 1;
        void client.closed.then(() => this.lost(client));
        for (const [id, command] of this.outbox) this.transmit(client, id, command);
        return;
      } catch {
        // The process it reached died, or nginx had none to give yet: the web app waits and retries too.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private lost(client: TestClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.collect(client);
    void this.connect();
  }

  private collect(client: TestClient): void {
    if (client.replica) this.replica = client.replica;
    this.problems.push(...client.gaps, ...client.repeatedSeqs.map((seq) => `repeated ${seq}`));
  }

  private transmit(client: TestClient, id: string, command: Command): void {
    client.send(id, command).then(
      (answer) => {
        this.outbox.delete(id);
        if (answer.type === "ack") this.acked.set(id, answer.seq);
        else this.refused.set(id, answer.code);
      },
      // The socket closed first: resent after the reconnect.
      () => undefined,
    );
  }
}
