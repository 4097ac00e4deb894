/**
 * `npm run bench -- report [--json] [--runs N]`: the time to render the session capture report
 * of the shared reference example (when present beside the repository) and of synthetic
 * workshops of 300, 1,000 and 10,000 cards, in every format. Each figure is the median of N runs
 * after one warm-up run (which pays for loading fonts and compiling).
 */
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseWorkshopDocument, type WorkshopDocument } from "../src/core/index.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../src/report/render.js";
import { syntheticDocument } from "../test/report/syntheticWorkshop.js";

const EXAMPLE = new URL("../../shared/examples/beyond-decent.workshop.json", import.meta.url);

interface Row {
  workshop: string;
  format: ReportFormat;
  medianMs: number;
  bytes: number;
}

function workshops(): [string, WorkshopDocument][] {
  const list: [string, WorkshopDocument][] = [];
  if (existsSync(EXAMPLE)) {
    const parsed = parseWorkshopDocument(readFileSync(EXAMPLE, "utf8"));
    if (parsed.ok) list.push(["reference example (30 cards)", parsed.value]);
  }
  list.push(["synthetic (12 themes, 300 cards)", syntheticDocument({ themes: 12, cards: 300, voters: 20 })]);
  list.push(["synthetic (25 themes, 1,000 cards)", syntheticDocument({ themes: 25, cards: 1000, voters: 50 })]);
  list.push(["synthetic (60 themes, 10,000 cards)", syntheticDocument({ themes: 60, cards: 10_000, voters: 200 })]);
  return list;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Renders each workshop in each format and prints the median time per render. */
export async function reportBench(args: string[]): Promise<void> {
  const json = args.includes("--json");
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 5) : 5;
  const rows: Row[] = [];
  for (const [name, doc] of workshops()) {
    for (const format of REPORT_FORMATS) {
      const { body } = await renderReport(doc, format);
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        await renderReport(doc, format);
        times.push(performance.now() - start);
      }
      rows.push({ workshop: name, format, medianMs: Math.round(median(times) * 10) / 10, bytes: body.length });
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ scenario: "report", runs, node: process.version, rows }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`Report rendering, median of ${runs} runs after a warm-up (${process.version})\n\n`);
  process.stdout.write(`${"workshop".padEnd(36)}${"format".padEnd(8)}${"ms".padStart(9)}${"bytes".padStart(11)}\n`);
  for (const row of rows)
    process.stdout.write(
      `${row.workshop.padEnd(36)}${row.format.padEnd(8)}${row.medianMs.toFixed(1).padStart(9)}${String(row.bytes).padStart(11)}\n`,
    );
}
