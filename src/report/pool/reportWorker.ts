/**
 * A worker thread that renders reports (`render.ts`), so that a PDF of thousands of cards — seconds
 * of CPU — never holds the server's event loop. `reportPool.ts` starts it with
 * `startWorker` and sends it one job at a time.
 *
 * Messages in: `{ id, source, format, options }`, the source as JSON. Out: `{ id, report }` (its bytes transferred, not copied)
 * or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import { revivedState, type SerializedState, type WorkshopDocument } from "../../core/index.js";
import type { ReportOptions } from "../options.js";
import { type ReportFormat, renderReport } from "../render.js";

const port = parentPort;
if (port) {
  port.on("message", async (message: { id: number; source: string; format: ReportFormat; options: ReportOptions }) => {
    const { id, source, format, options } = message;
    try {
      const parsed = JSON.parse(source) as WorkshopDocument | SerializedState;
      const rendered = await renderReport("format" in parsed ? parsed : revivedState(parsed), format, options);
      // A fresh buffer of its own: a small Buffer may share Node's pool, which must not be transferred.
      const report = { ...rendered, body: new Uint8Array(rendered.body) };
      port.postMessage({ id, report }, [report.body.buffer]);
    } catch (error) {
      port.postMessage({ id, error: String((error as { message?: unknown } | undefined)?.message ?? error) });
    }
  });
}
