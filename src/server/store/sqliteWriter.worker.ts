/**
 * The writer thread's side (see sqliteWriterThread.ts): its own connection to the store's file,
 * running each write it is sent, one at a time, in order, and answering with its outcome.
 */
import { parentPort, workerData } from "node:worker_threads";
import { SequenceConflictError } from "./eventStore.js";
import { openSqliteConnection } from "./sqliteConnection.js";
import type { WriteAnswer, WriteRequest } from "./sqliteWriterMessages.js";
import { sqliteWrites } from "./sqliteWrites.js";

const port = parentPort;
if (!port) throw new Error("sqliteWriter.worker.ts runs as a worker thread");

const db = openSqliteConnection((workerData as { filename: string }).filename);
const writes = sqliteWrites(db);

function run(request: WriteRequest): void {
  if (request.op === "appendMany") writes.appendMany(request.batches);
  else if (request.op === "saveSnapshot") writes.saveSnapshot(request.snapshot);
  else writes.writeLink(request.write);
}

function failure(error: unknown): WriteAnswer["error"] {
  if (error instanceof SequenceConflictError) {
    return { kind: "conflict", message: error.message, workshopId: error.workshopId, expectedSeq: error.expectedSeq };
  }
  const { message, code } = error as { message?: string; code?: unknown };
  return { kind: "other", message: String(message ?? error), ...(typeof code === "string" ? { code } : {}) };
}

port.on("message", (request: WriteRequest | { op: "close" }) => {
  if (request.op === "close") {
    // Closing checkpoints the WAL, so a cleanly stopped server leaves a single self-contained file.
    db.close();
    port.close();
    return;
  }
  let answer: WriteAnswer;
  try {
    run(request);
    answer = { id: request.id };
  } catch (error) {
    answer = { id: request.id, error: failure(error) };
  }
  port.postMessage(answer);
});
