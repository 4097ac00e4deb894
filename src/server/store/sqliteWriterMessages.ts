import type { NewEvents } from "./eventStore.js";
import type { SnapshotJson } from "./sqliteWrites.js";
import type { LinkWrite } from "./workshopLinks.js";

/** A write the server's thread hands to the writer thread. */
export type WriteRequest =
  | { id: number; op: "appendMany"; batches: readonly NewEvents[] }
  | { id: number; op: "saveSnapshot"; snapshot: SnapshotJson }
  | { id: number; op: "writeLink"; write: LinkWrite };

/** The writer thread's answer to one request. Errors cross the thread as plain data. */
export interface WriteAnswer {
  id: number;
  error?:
    | { kind: "conflict"; message: string; workshopId: string; expectedSeq: number }
    | { kind: "other"; message: string; code?: string };
}
