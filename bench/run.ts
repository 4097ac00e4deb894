/**
 * `npm run bench -- SCENARIO [--json]`: runs one measurement scenario. Each scenario prints a
 * readable table, or one JSON document with --json.
 */
import { boardBench } from "./board.js";
import { durableBench } from "./durable.js";
import { reconnectBench } from "./reconnect.js";
import { reducerBench } from "./reducer.js";
import { reportBench } from "./report.js";
import { relayBench, roomBench } from "./room.js";
import { smokeBench } from "./smoke.js";
import { themesBench } from "./themes.js";

const SCENARIOS: Record<string, (args: string[]) => Promise<unknown>> = {
  themes: themesBench,
  report: reportBench,
  room: roomBench,
  relay: relayBench,
  durable: durableBench,
  reconnect: reconnectBench,
  reducer: reducerBench,
  smoke: smokeBench,
  board: boardBench,
};

const [name, ...args] = process.argv.slice(2);
const scenario = name ? SCENARIOS[name] : undefined;
if (!scenario) {
  process.stderr.write(`Usage: npm run bench -- <${Object.keys(SCENARIOS).join("|")}> [--json]\n`);
  process.exitCode = 2;
} else {
  await scenario(args);
}
