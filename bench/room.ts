/**
 * `npm run bench -- room --participants N --rate R --seconds S [--json] [--workers W] [--moves M]
 * [--no-relay] [--processes P] [--root DIR] [--node-flags "..."]`: N phones join one workshop at once, then send
 * R cards/s in total for S seconds while the facilitator moves M cards/s (default R/10). The same
 * clients and load then run against the bare relay (bench/load/relayServer.ts) and the ratio of
 * the fan-out p99s is printed. `relay` runs the relay alone. `--processes P` runs Concord as P
 * processes on PostgreSQL and Redis behind nginx (deploy/nginx.conf), the phones reaching them
 * through it. See docs/performance.md.
 */
import { z } from "zod";
import { loadAverage } from "./load/measure.js";
import { commonOptions, count, ms, parseOptions, print } from "./load/options.js";
import { type RoomOptions, type RoomRun, runRoom } from "./load/roomRun.js";

const USAGE =
  "Usage: npm run bench -- room|relay --participants N --rate R --seconds S [--json] [--workers W] [--moves M] [--no-relay] [--processes P]";

const schema = z.object({
  ...commonOptions,
  participants: count(100),
  rate: z.coerce.number().min(0.1).max(10_000).default(20),
  moves: z.coerce.number().min(0).max(10_000).optional(),
  noRelay: z.boolean().default(false),
  joinTimeout: z.coerce.number().min(1).max(600).default(60),
  processes: z.coerce.number().int().min(1).max(16).optional(),
});

function roomOptions(args: string[]): { json: boolean; noRelay: boolean; options: RoomOptions } {
  const parsed = parseOptions(args, schema, USAGE);
  return {
    json: parsed.json,
    noRelay: parsed.noRelay,
    options: {
      participants: parsed.participants,
      rate: parsed.rate,
      moveRate: parsed.moves ?? parsed.rate / 10,
      seconds: parsed.seconds,
      workers: parsed.workers,
      joinTimeoutSeconds: parsed.joinTimeout,
      root: parsed.root,
      nodeFlags: parsed.nodeFlags,
      processes: parsed.processes,
    },
  };
}

const triple = ({ p50, p95, p99 }: { p50: number; p95: number; p99: number }) => ({ p50, p95, p99 });

/** Concord, then the relay under the same load; the headline fields are the issue's JSON shape. */
export async function roomBench(args: string[]): Promise<Record<string, unknown>> {
  const { json, noRelay, options } = roomOptions(args);
  const before = loadAverage();
  const concord = await runRoom("concord", options);
  const relay = noRelay ? undefined : await runRoom("relay", options);
  const ratio = relay && relay.fanoutMs.p99 > 0 ? concord.fanoutMs.p99 / relay.fanoutMs.p99 : undefined;
  const result = {
    scenario: "room",
    participants: options.participants,
    rate: options.rate,
    seconds: options.seconds,
    fanoutMs: triple(concord.fanoutMs),
    relayFanoutMs: relay ? triple(relay.fanoutMs) : null,
    ackMs: { p50: concord.ackMs.p50, p99: concord.ackMs.p99 },
    lost: concord.lost,
    duplicates: concord.duplicates,
    joinSeconds: concord.joinSeconds,
    joinFailures: concord.joinFailures,
    serverRssKbPerParticipant: concord.serverRssKbPerParticipant,
    serverCpuPercent: concord.serverCpuPercent,
    fanoutP99Ratio: ratio === undefined ? null : Math.round(ratio * 100) / 100,
    moveRate: options.moveRate,
    workers: options.workers,
    processes: options.processes ?? 1,
    through: options.processes === undefined ? "direct, embedded store" : "nginx, PostgreSQL, Redis",
    loadAverage: { before, after: loadAverage() },
    date: new Date().toISOString(),
    concord,
    relay: relay ?? null,
  };
  print(json, result, () => [
    `room: ${options.participants} participants, ${options.rate} cards/s + ${options.moveRate} moves/s for ${options.seconds} s, ${options.workers} load processes${options.processes === undefined ? "" : `, ${options.processes} Concord processes on PostgreSQL + Redis behind nginx`}`,
    `load average before ${before.join(" ")}, after ${result.loadAverage.after.join(" ")}`,
    ...describe(concord),
    ...(relay ? describe(relay) : []),
    ...(ratio === undefined ? [] : [`fan-out p99 ratio concord/relay: ${ratio.toFixed(2)}`]),
  ]);
  return result;
}

/** `relay`: the same load against the bare relay only. */
export async function relayBench(args: string[]): Promise<Record<string, unknown>> {
  const { json, options } = roomOptions(args);
  const before = loadAverage();
  const relay = await runRoom("relay", options);
  const result = {
    scenario: "relay",
    participants: options.participants,
    rate: options.rate,
    seconds: options.seconds,
    fanoutMs: triple(relay.fanoutMs),
    loadAverage: { before, after: loadAverage() },
    date: new Date().toISOString(),
    relay,
  };
  print(json, result, () => [`relay: load average before ${before.join(" ")}`, ...describe(relay)]);
  return result;
}

function describe(run: RoomRun): string[] {
  return [
    `${run.target}:`,
    `  join: ${run.joinSeconds} s, ${run.joinFailures} failed ${JSON.stringify(run.joinFailureReasons)}; per client ${run.presencePerClientDuringJoin.max} presence and ${run.eventFramesPerClientDuringJoin.max} event frames at most`,
    `  welcomed by p50 ${run.joinTimeline.welcomedSeconds.p50} / p99 ${run.joinTimeline.welcomedSeconds.p99} s, holding the board by p50 ${run.joinTimeline.readySeconds.p50} / p99 ${run.joinTimeline.readySeconds.p99} s`,
    `  fan-out ${ms(run.fanoutMs)} (${run.commands.fannedOutToAll}/${run.commands.sent} commands reached everyone)`,
    `  ack ${ms(run.ackMs)}; lost ${run.lost}, duplicated ${run.duplicates}, refused ${JSON.stringify(run.commands.errors)}`,
    `  server CPU ${run.serverCpuPercent} % under load, ${run.serverCpuPercentDuringJoin} % while joining; load processes ${run.loadCpuPercent} % and ${run.loadCpuPercentDuringJoin} %`,
    `  presence: at most ${run.presencePerClientTotal.max} messages per client in ${run.runSeconds} s`,
    `  server RSS idle ${run.serverRssKb.idle} kB, joined ${run.serverRssKb.joined} kB, peak ${run.serverRssKb.peak} kB: ${run.serverRssKbPerParticipant} kB per participant${run.settled ? "" : " (NOT SETTLED)"}`,
  ];
}
