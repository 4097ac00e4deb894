/** The IPC messages between a scenario (the coordinator) and its load processes. */

/** One simulated person. */
export interface ClientSpec {
  participantId: string;
  role: "participant" | "facilitator";
  facilitatorKey?: string;
  /** Name to join with (`joinWorkshop` right after hello); absent: no join command. */
  name?: string;
  /** Which workshop this client opens (durable spreads clients over several). */
  workshopId: string;
}

export type ToWorker =
  /**
   * `checkEvents`: parse every events frame and check its seqs arrive once and in order; without,
   * a client only counts the frames (the durable scenario times acks, and parsing each frame ten
   * times over was a third of the load processes' CPU).
   */
  | { type: "init"; index: number; wsUrl: string; clients: ClientSpec[]; reconnect: boolean; checkEvents: boolean }
  /** Open every socket at once: the join storm. */
  | { type: "join"; timeoutMs: number }
  | { type: "progress" }
  /** Open-loop load: cards at `rate` per second from this process's participants, moves from its facilitator. */
  | { type: "load"; rate: number; moveRate: number; seconds: number; themeIds: string[]; offsetMs: number }
  /** Closed-loop load: every client sends its next card as soon as the previous one is acknowledged. */
  | { type: "saturate"; seconds: number; warmupSeconds: number; mix: "add" | "add-remove" }
  /** Forget connection times, so that the next welcome of each client is timed (reconnect). */
  | { type: "markRestart" }
  | { type: "collect"; finalSeq: number }
  | { type: "exit" };

export interface JoinReport {
  type: "joined";
  startAt: number;
  ready: number;
  failed: number;
  failures: Record<string, number>;
  /** When the slowest client held the board: snapshot received and its join acknowledged. */
  lastReadyAt: number;
  /** Per client: when it was welcomed, and when it held the board (its join acknowledged), on the shared clock. */
  welcomedAt: number[];
  readyAt: number[];
}

export interface ProgressReport {
  type: "progress";
  minSeq: number;
  maxSeq: number;
  /** Clients whose socket is open and welcomed. */
  live: number;
  /** Commands sent and not yet answered. */
  outstanding: number;
  /** The newest event or welcome any client of this process received. */
  lastActivityAt: number;
}

/** What a load process measured, merged by the coordinator. */
export interface CollectReport {
  type: "collected";
  clients: number;
  lost: number;
  duplicates: number;
  errors: Record<string, number>;
  /** Fan-out side table: [commandId, sentAt] for commands this process sent. */
  sends: [string, number][];
  /** [commandId, receivers in this process, latest receive time]. */
  receipts: [string, number, number][];
  ackMs: number[];
  /** Presence messages per client until the load began: O(seconds), not O(joiners). */
  presencePerClient: { max: number; mean: number };
  /** Presence messages per client over the whole run (at most one a second is allowed). */
  presencePerClientTotal: { max: number; mean: number };
  /** `events` frames per client until the load began (the join storm: batching shows here). */
  joinFramesPerClient: { max: number; mean: number };
  /** Reconnect: when each client was welcomed again and held the final seq. */
  lastResyncedAt: number;
  unresynced: number;
}

export interface LoadedReport {
  type: "loaded";
  sent: number;
  acked: number;
  /** Closed loop only: acknowledgements inside the measured window and their latencies. */
  windowAcks?: number;
  windowSeconds?: number;
}

export type FromWorker = { type: "ready" } | JoinReport | ProgressReport | CollectReport | LoadedReport;
