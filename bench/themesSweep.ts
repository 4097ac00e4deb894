/**
 * `npm run bench -- themes --sweep [--split dev]`: how the confident columns and the "Fits" hints
 * trade precision for coverage as their thresholds move, pooled over the chosen sets — the curves
 * the thresholds of `TUNING` are read from (on dev only; docs/suggestions.md). Each threshold
 * moves alone, the other at its tuned value.
 */
import type { Gram } from "../src/themes/suggest/index.js";
import { TUNING } from "../src/themes/suggest/tuning.js";
import { type EvaluationSet, evaluate, summary } from "./themes.js";

const COLUMN_THRESHOLDS = [3.4, 3.6, 3.8, 4.0, 4.1, 4.2, 4.4, 4.6, 4.8];
const PLACEMENT_MARGINS = [0.5, 0.6, 0.7, 0.78, 0.85, 0.9, 1.0, 1.1, 1.2];

async function pooled(sets: readonly EvaluationSet[], embeddings: Map<string, Float32Array> | undefined, gram?: Gram) {
  const results = [];
  for (const set of sets) results.push(await evaluate(set, embeddings, gram));
  return summary(results);
}

/** The two curves as lines of text, with `TUNING` as it was when it returns. */
export async function sweepBench(
  sets: readonly EvaluationSet[],
  embeddings: Map<string, Float32Array> | undefined,
  gram: Gram | undefined,
): Promise<string[]> {
  const f = (value: number) => (Number.isNaN(value) ? "  –  " : value.toFixed(2).padStart(5));
  const tuned = { column: TUNING.confidentColumn, placement: TUNING.confidentPlacement };
  const lines = [`${sets.length} sets: ${sets.map((set) => set.name).join(", ")}`];
  try {
    lines.push("confidentColumn  colP  colC");
    for (const threshold of COLUMN_THRESHOLDS) {
      TUNING.confidentColumn = threshold;
      const s = await pooled(sets, embeddings, gram);
      lines.push(`${String(threshold).padEnd(16)} ${f(s.columnPrecision)} ${f(s.columnCoverage)}`);
    }
    TUNING.confidentColumn = tuned.column;
    lines.push("confidentPlacement  fitP  fitC  (leave-one-out: P  C)");
    for (const margin of PLACEMENT_MARGINS) {
      TUNING.confidentPlacement = margin;
      const s = await pooled(sets, embeddings, gram);
      lines.push(
        `${String(margin).padEnd(19)} ${f(s.fits.precision)} ${f(s.fits.coverage)}  ${f(s.fitsLeaveOneOut.precision)} ${f(s.fitsLeaveOneOut.coverage)}`,
      );
    }
  } finally {
    TUNING.confidentColumn = tuned.column;
    TUNING.confidentPlacement = tuned.placement;
  }
  return lines;
}
