/**
 * `durable --transport service`: the same closed loop as over WebSockets, but the writers call
 * `WorkshopService.execute` in this process, on a real SQLite file (WAL, synchronous=FULL). It
 * measures the write path itself — decide, group commit, fsync, publish — without the sockets, so
 * the figure says what the store can take, apart from what two shared cores can also carry in
 * WebSocket traffic.
 */
import type { Actor, Command } from "../../src/core/index.js";
import { LocalEventBus } from "../../src/server/eventBus.js";
import { openSqliteStore } from "../../src/server/store/sqliteStore.js";
import { WorkshopService } from "../../src/server/workshopService.js";
import { makeTempDir, removeDir } from "../../test/support/server.js";
import { nowMs, type Percentiles, percentiles } from "./measure.js";
import { BENCH_QUOTAS } from "./setup.js";

export interface ServiceLevel {
  clients: number;
  commandsPerSecond: number;
  ackMs: Percentiles;
  serverCpuPercent: number;
  refused: number;
}

export interface ServiceLevelOptions {
  clients: number;
  workshops: number;
  seconds: number;
  warmup: number;
  mix: "add" | "add-remove";
}

/** Runs `clients` closed-loop writers over `workshops` fresh workshops for `seconds` after a warm-up. */
export async function runServiceLevel(options: ServiceLevelOptions): Promise<ServiceLevel> {
  const dir = makeTempDir();
  const store = openSqliteStore(dir, { writes: "thread" });
  try {
    const service = new WorkshopService({ store, bus: new LocalEventBus() });
    const facilitator: Actor = { role: "facilitator", id: "bench" };
    const workshopIds: string[] = [];
    for (let at = 0; at < options.workshops; at++) {
      const { id } = await service.create({ title: `Durable ${at}`, language: "en" });
      await service.execute(id, facilitator, "open", { type: "setPhase", phase: "brainstorm" });
      await service.execute(id, facilitator, "quotas", { type: "updateSettings", patch: BENCH_QUOTAS });
      workshopIds.push(id);
    }
    const start = nowMs();
    const windowStart = start + options.warmup * 1000;
    const end = windowStart + options.seconds * 1000;
    const latencies: number[] = [];
    let refused = 0;
    const cpuStart = process.cpuUsage();
    const writer = async (index: number) => {
      const actor: Actor = { role: "participant", id: `writer-${index}` };
      const workshopId = workshopIds[index % workshopIds.length] ?? "";
      for (let n = 0; nowMs() < end; n++) {
        const cardId = `card-${index}-${n}`;
        const commands: Command[] = [{ type: "addCard", cardId, text: `Idea ${cardId}: more daylight in the rooms` }];
        if (options.mix === "add-remove") commands.push({ type: "removeCard", cardId });
        for (const [step, command] of commands.entries()) {
          const sentAt = nowMs();
          await service.execute(workshopId, actor, `${cardId}-${step}`, command).catch(() => refused++);
          const at = nowMs();
          if (sentAt >= windowStart && at <= end) latencies.push(at - sentAt);
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, index) => writer(index)));
    const cpu = process.cpuUsage(cpuStart);
    const elapsed = (nowMs() - start) / 1000;
    return {
      clients: options.clients,
      commandsPerSecond: Math.round(latencies.length / options.seconds),
      ackMs: percentiles(latencies),
      serverCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / elapsed) * 1000) / 10,
      refused,
    };
  } finally {
    await store.close();
    removeDir(dir);
  }
}
