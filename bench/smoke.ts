/**
 * `npm run bench -- smoke`: every load scenario once, small (100 participants, about 10 seconds
 * of load each), to prove in CI that the harness works. It asserts no time — CI machines vary —
 * only what must hold at any speed: every client joined, no event lost or repeated, everyone
 * resynced after the restart, commands acknowledged. Exits 1 otherwise. `npm test` runs the
 * same checks (test/bench/loadSmoke.test.ts), so CI proves the harness on every change.
 */
import { durableBench } from "./durable.js";
import { reconnectBench } from "./reconnect.js";
import { roomBench } from "./room.js";

/** A property that must hold at any speed, and whether it did. */
export type Check = [string, boolean];

/** Runs the three load scenarios small and says what held; `npm test` runs it too (test/bench). */
export async function smokeChecks(): Promise<Check[]> {
  const room = await roomBench(["--participants", "100", "--rate", "10", "--seconds", "10", "--json"]);
  const durable = await durableBench(["--seconds", "5", "--clients", "20", "--workshops", "4", "--json"]);
  const reconnect = await reconnectBench(["--participants", "100", "--json"]);
  const relay = room.relay as { lost: number; duplicates: number; joinFailures: number } | null;
  const checks: Check[] = [
    ["room: every participant joined", room.joinFailures === 0],
    ["room: no event lost or repeated", room.lost === 0 && room.duplicates === 0],
    ["relay: no event lost or repeated", relay !== null && relay.lost === 0 && relay.duplicates === 0],
    ["durable: commands were acknowledged", Number(durable.commandsPerSecond) > 0],
    ["reconnect: everyone resynced", reconnect.unresynced === 0],
    ["reconnect: no event lost or repeated", reconnect.lost === 0 && reconnect.duplicates === 0],
  ];
  return checks;
}

export async function smokeBench(): Promise<Record<string, unknown>> {
  const checks = await smokeChecks();
  const failed = checks.filter(([, ok]) => !ok);
  for (const [name, ok] of checks) process.stderr.write(`${ok ? "ok  " : "FAIL"} ${name}\n`);
  if (failed.length > 0) process.exitCode = 1;
  return { scenario: "smoke", passed: failed.length === 0 };
}
