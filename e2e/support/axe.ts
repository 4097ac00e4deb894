import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** The impacts that fail the accessibility test; minor and moderate findings are left to review. */
const FAILING = new Set(["serious", "critical"]);

/**
 * Runs axe-core on what the page shows now (every rule axe runs by default — WCAG 2.0–2.2 A and
 * AA and its best practices — and target size), leaving out the elements `exclude` selects, and describes each serious or critical violation in one line per
 * element, prefixed with `label`, so that one failed run lists everything to fix.
 */
export async function seriousViolations(page: Page, label: string, exclude?: string): Promise<string[]> {
  // Target size (WCAG 2.2, 2.5.8, AA) is the one AA rule axe leaves off unless asked.
  const builder = new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } });
  // A frame sandboxed without scripts cannot run axe (injecting into it never returns): such a
  // frame's document is checked on its own instead.
  if (exclude) builder.exclude(exclude);
  // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
  // the frames' results, which is most of the time a run takes.
  else builder.setLegacyMode(true);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => FAILING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const detail = (node.failureSummary ?? "").split("\n").slice(1, 2).join("").trim();
        return `${label}: ${violation.id} (${violation.impact}) ${node.target.join(" ")} — ${detail}`;
      }),
    );
}
