import type { Actor, DomainEvent, EventEnvelope, WorkshopState } from "../../core/index.js";
import type { LinkRead, LinkWrite } from "./workshopLinks.js";

/**
 * One event as the log keeps it: numbered per workshop (1-based, gap-free: the server's clock
 * for that workshop), with who, when and which client command caused it.
 */
export interface StoredEvent extends EventEnvelope {
  workshopId: string;
}

/** The wire form of a stored event: the workshop id is implied by the connection or URL. */
export function toEnvelope({ workshopId: _workshopId, ...envelope }: StoredEvent): EventEnvelope {
  return envelope;
}

/** What a caller hands to `append`: the store adds the sequence numbers. */
export interface NewEvents {
  workshopId: string;
  /** The sequence number the caller's state is at; the append fails if the log moved on. */
  expectedSeq: number;
  at: string;
  actor: Actor;
  commandId: string;
  events: DomainEvent[];
  /** Title to show in listings after these events, so listing needs no replay. */
  title: string;
}

/**
 * The stored form of a batch that was appended: its events numbered from `expectedSeq + 1`. A
 * successful append assigns exactly these numbers, so whichever thread wrote the rows, the
 * caller can build them without reading them back.
 */
export function storedEvents({ workshopId, expectedSeq, at, actor, commandId, events }: NewEvents): StoredEvent[] {
  return events.map((event, index) => ({
    workshopId,
    seq: expectedSeq + index + 1,
    at,
    actor: { role: actor.role, id: actor.id },
    commandId,
    event,
  }));
}

export interface Snapshot {
  workshopId: string;
  seq: number;
  state: WorkshopState;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  seq: number;
  createdAt: string;
  updatedAt: string;
}

/** The outcome of an earlier command with the same id from the same actor. */
export interface CommandRecord {
  /** Sequence number of the workshop after that command committed. */
  seq: number;
}

/** A command as the log knows it: its workshop, who sent it, and its id. */
export interface CommandRef {
  workshopId: string;
  actorId: string;
  commandId: string;
}

/** The key of `findCommands`'s answer. */
export function commandKey({ workshopId, actorId, commandId }: CommandRef): string {
  return `${workshopId}\u0000${actorId}\u0000${commandId}`;
}

/** One command's earlier outcome, if this actor already sent this command id. */
export async function findCommand(
  store: Pick<EventStore, "findCommands">,
  workshopId: string,
  actorId: string,
  commandId: string,
): Promise<CommandRecord | undefined> {
  const ref = { workshopId, actorId, commandId };
  return (await store.findCommands([ref])).get(commandKey(ref));
}

/** Thrown by `append` when `expectedSeq` is behind the log: reload and decide again. */
export class SequenceConflictError extends Error {
  constructor(
    readonly workshopId: string,
    readonly expectedSeq: number,
  ) {
    super(`Workshop ${workshopId} has moved past sequence ${expectedSeq}`);
    this.name = "SequenceConflictError";
  }
}

/**
 * The durable, append-only event log with snapshots. Async so that a networked store
 * (PostgreSQL) implements the same interface; every implementation must pass
 * `eventStore.contract.ts`.
 */
export interface EventStore {
  /**
   * Atomically appends the events, records the command id for idempotency and updates the
   * listing. A command with no events still records its id. Throws SequenceConflictError.
   */
  append(batch: NewEvents): Promise<StoredEvent[]>;
  /**
   * Group commit: appends several batches in one transaction, so one durable commit covers them
   * all. Batches of one workshop follow each other (each `expectedSeq` is the seq the one before
   * leaves). All or nothing: on SequenceConflictError, a repeated command id or any other failure,
   * no batch is written. Resolves with each batch's stored events, in order.
   */
  appendMany(batches: readonly NewEvents[]): Promise<StoredEvent[][]>;
  /** Events with seq > afterSeq in order, at most `limit` of them. */
  readEvents(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /**
   * The earlier outcomes of those of these commands already applied (a client's retry), keyed by
   * `commandKey`: one lookup for a whole group, across workshops.
   */
  findCommands(commands: readonly CommandRef[]): Promise<Map<string, CommandRecord>>;
  /** The `commandKey` of every command the workshop's log holds, in no particular order. */
  listCommandKeys(workshopId: string): Promise<string[]>;
  /** The newest snapshot, if any. */
  loadSnapshot(workshopId: string): Promise<Snapshot | undefined>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  listWorkshops(): Promise<WorkshopSummary[]>;
  getWorkshop(workshopId: string): Promise<WorkshopSummary | undefined>;
  /** The seq of each of these workshops' logs (unknown ones left out), in one query. */
  workshopHeads(workshopIds: readonly string[]): Promise<Map<string, number>>;
  /** One value of the tables beside the log (join codes, keys, links, the demo), if there is one. */
  readLink(read: LinkRead): Promise<string | undefined>;
  writeLink(write: LinkWrite): Promise<void>;
  close(): Promise<void>;
}
