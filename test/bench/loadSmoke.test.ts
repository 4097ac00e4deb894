import { describe, expect, it } from "vitest";
import { smokeChecks } from "../../bench/smoke.js";

/**
 * The load benchmarks' harness, small (100 phones, about 10 seconds a scenario): real server
 * processes, real WebSocket clients in load processes. Nothing about time is asserted — machines
 * vary — only what must hold at any speed: everyone joined, no event lost or repeated, everyone
 * resynced after a restart, commands acknowledged.
 */
describe("the load harness (npm run bench -- smoke)", () => {
  it("runs room, relay, durable and reconnect without a failed join, a lost or a repeated event", async () => {
    const checks = await smokeChecks();
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter(([, held]) => !held).map(([name]) => name)).toEqual([]);
  }, 300_000);
});
