/**
 * A worker thread that renders reports (`render.ts`), so that a PDF of thousands of cards — seconds
 * of CPU — never holds the server's event loop. `reportPool.ts` starts it with
 * `startTypeScriptWorker` and sends it one job at a time.
 *
 * Messages in: `{ id, source, format }`. Out: `{ id, report }` (its bytes transferred, not copied)
 * or `{ id, error }`.
 */
import { parentPort } from "node:worker_threads";
import type { ReportSource } from "../buildReport.js";
import { type ReportFormat, renderReport } from "../render.js";

const port = parentPort;
if (port) {
  port.on("message", async ({ id, source, format }: { id: number; source: ReportSource; format: ReportFormat }) => {
    try {
      const rendered = await renderReport(source, format);
      // A fresh buffer of its own: a small Buffer may share Node's pool, which must not be transferred.
      const report = { ...rendered, body: new Uint8Array(rendered.body) };
      port.postMessage({ id, report }, [report.body.buffer]);
    } catch (error) {
      port.postMessage({ id, error: String((error as { message?: unknown } | undefined)?.message ?? error) });
    }
  });
}
