/**
 * `npm run bench -- reconnect --participants N [--cards K] [--json]`: N phones hold the board;
 * the server is restarted (SIGTERM, which closes every socket with 1012, then a new process on
 * the same port and data directory); a facilitator adds K cards as soon as it is back. The
 * clients reconnect with the web client's back-off (0.5 s doubling, no jitter) and `hello` with
 * `since`. Measures the time from the restart until every client is welcomed again and holds the
 * newest seq, with no event lost or repeated.
 */
import { z } from "zod";
import { freePort, makeTempDir, removeDir } from "../test/support/server.js";
import { connectClient } from "../test/support/wsClient.js";
import { Fleet } from "./load/fleet.js";
import { loadAverage, nowMs, sleep } from "./load/measure.js";
import { commonOptions, count, parseOptions, print } from "./load/options.js";
import { prepareWorkshops, roomClients } from "./load/setup.js";
import { startConcord, type Target } from "./load/targets.js";

const USAGE = "Usage: npm run bench -- reconnect --participants N [--cards K] [--json] [--workers W]";

const schema = z.object({
  ...commonOptions,
  participants: count(100),
  cards: z.coerce.number().int().min(0).max(1000).default(5),
});

const round2 = (seconds: number) => Math.round(seconds * 100) / 100;

export async function reconnectBench(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args, schema, USAGE);
  const before = loadAverage();
  const dataDir = makeTempDir();
  const port = await freePort();
  const start = (root = options.root) => startConcord({ dataDir, port, root, nodeFlags: options.nodeFlags });
  let target: Target = await start();
  let fleet: Fleet | undefined;
  try {
    const [workshop] = await prepareWorkshops(target, 1, 4);
    if (!workshop) throw new Error("no workshop");
    const { workshopId, facilitatorKey } = workshop;
    const specs = roomClients(workshop, options.participants);
    fleet = await Fleet.start(target.wsUrl, specs, options.workers, { reconnect: true });
    const joins = await fleet.join(120_000);
    const failed = joins.reduce((sum, join) => sum + join.failed, 0);
    if (failed > 0) throw new Error(`${failed} clients could not join`);
    const joined = await fleet.waitQuiet(60_000, true);
    await sleep(1500);

    fleet.markRestart();
    const restartAt = nowMs();
    await target.stop();
    const stoppedAt = nowMs();
    target = await start();
    const upAt = nowMs();
    const writer = await connectClient({ wsUrl: target.wsUrl, workshopId, role: "facilitator", facilitatorKey });
    for (let card = 0; card < options.cards; card++) {
      await writer.expectAck(`after-restart-${card}`, {
        type: "addCard",
        cardId: `after-restart-${card}`,
        text: `Card ${card}`,
      });
    }
    await writer.close();
    const quiet = await fleet.waitQuiet(120_000, true);
    const reports = await fleet.collect(quiet.seq);
    const lastResyncedAt = Math.max(...reports.map((report) => report.lastResyncedAt));
    const result = {
      scenario: "reconnect",
      participants: options.participants,
      secondsToAllResynced: round2((lastResyncedAt - restartAt) / 1000),
      unresynced: reports.reduce((sum, report) => sum + report.unresynced, 0),
      lost: reports.reduce((sum, report) => sum + report.lost, 0),
      duplicates: reports.reduce((sum, report) => sum + report.duplicates, 0),
      seqBefore: joined.seq,
      seqAfter: quiet.seq,
      stopSeconds: round2((stoppedAt - restartAt) / 1000),
      startSeconds: round2((upAt - stoppedAt) / 1000),
      loadAverage: { before, after: loadAverage() },
      date: new Date().toISOString(),
    };
    print(options.json, result, () => [
      `reconnect: ${options.participants} participants, ${options.cards} cards added right after the restart`,
      `load average before ${before.join(" ")}, after ${result.loadAverage.after.join(" ")}`,
      `  old server stopped in ${result.stopSeconds} s, new one answered ${result.startSeconds} s later`,
      `  every client resynced ${result.secondsToAllResynced} s after the restart began (${result.unresynced} not resynced)`,
      `  seq ${result.seqBefore} → ${result.seqAfter}; lost ${result.lost}, duplicated ${result.duplicates}`,
    ]);
    return result;
  } finally {
    await fleet?.exit();
    await target.stop();
    removeDir(dataDir);
  }
}
