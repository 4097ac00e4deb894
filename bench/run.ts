/**
 * `npm run bench -- SCENARIO [--json]`: runs one measurement scenario. Each scenario prints a
 * readable table, or one JSON document with --json.
 */
import { reportBench } from "./report.js";
import { themesBench } from "./themes.js";

const SCENARIOS: Record<string, (args: string[]) => Promise<void>> = {
  themes: themesBench,
  report: reportBench,
};

const [name, ...args] = process.argv.slice(2);
const scenario = name ? SCENARIOS[name] : undefined;
if (!scenario) {
  process.stderr.write(`Usage: npm run bench -- <${Object.keys(SCENARIOS).join("|")}> [--json]\n`);
  process.exitCode = 2;
} else {
  await scenario(args);
}
