/**
 * A load process: holds its share of the simulated phones and drives them on the coordinator's
 * orders (see workerMessages.ts). Forked with `--import tsx`; talks over the IPC channel only.
 */
import { nowMs, sleep } from "./measure.js";
import { type ClientHooks, type Envelope, SimClient } from "./simClient.js";
import type { CollectReport, FromWorker, JoinReport, ToWorker } from "./workerMessages.js";

let index = 0;
let clients: SimClient[] = [];
/** The fan-out side table: when each tracked command was sent, keyed by its id. */
const sends = new Map<string, number>();
const receipts = new Map<string, { count: number; last: number }>();
const ackMs: number[] = [];
const errors: Record<string, number> = {};
/** Cards the facilitator has seen, for its moves. */
const knownCards: string[] = [];
/** Closed loop: the window in which acknowledgements are timed, and the end of sending. */
let saturation:
  | { windowStart: number; end: number; windowAcks: number; next: number; mix: "add" | "add-remove" }
  | undefined;
/** Per-client `events` frames and presence messages received up to the end of the join phase. */
let joinPhase: { frames: number[]; presence: number[] } | undefined;

const tracked = (commandId: string) => commandId.startsWith("card-") || commandId.startsWith("move-");
const post = (message: FromWorker) => process.send?.(message);

const hooks: ClientHooks = {
  onEnvelope(envelope: Envelope, at: number, client: SimClient) {
    if (tracked(envelope.commandId)) {
      const receipt = receipts.get(envelope.commandId);
      if (receipt) {
        receipt.count += 1;
        receipt.last = Math.max(receipt.last, at);
      } else receipts.set(envelope.commandId, { count: 1, last: at });
    }
    if (client.spec.role === "facilitator") {
      // Concord says cardAdded; the relay echoes the addCard command itself.
      const { type, card, cardId } = envelope.event;
      const added = type === "cardAdded" ? card?.id : type === "addCard" ? cardId : undefined;
      if (added) knownCards.push(added);
    }
  },
  onAnswer(id: string, at: number, client: SimClient, errorCode?: string) {
    if (errorCode) errors[errorCode] = (errors[errorCode] ?? 0) + 1;
    const sentAt = client.sentAt.get(id);
    if (sentAt === undefined) return;
    if (tracked(id) && !errorCode) ackMs.push(at - sentAt);
    if (saturation && id.startsWith("dur-")) {
      if (errorCode) {
        if (at < saturation.end) sendNext(client, undefined);
        return;
      }
      if (sentAt >= saturation.windowStart && at <= saturation.end) {
        saturation.windowAcks += 1;
        ackMs.push(at - sentAt);
      }
      if (at < saturation.end) sendNext(client, id);
    }
  },
};

/** Closed loop: the next command after `previous` was acknowledged; with add-remove, cards come and go. */
function sendNext(client: SimClient, previous: string | undefined): void {
  if (!saturation) return;
  const id = `dur-${client.spec.participantId}-${saturation.next++}`;
  if (saturation.mix === "add-remove" && previous && !previous.endsWith("-removed")) {
    client.send(`${previous}-removed`, { type: "removeCard", cardId: previous });
  } else sendCard(client, id);
}

function sendCard(client: SimClient, id: string): void {
  const text = `Idea ${id}: more daylight in the meeting rooms, and a quiet corner`;
  client.send(id, { type: "addCard", cardId: id, text });
}

async function join(timeoutMs: number): Promise<JoinReport> {
  const startAt = nowMs();
  for (const client of clients) client.connect();
  const deadline = startAt + timeoutMs;
  while (nowMs() < deadline && clients.some((client) => !client.ready && !client.failure)) await sleep(20);
  const failures: Record<string, number> = {};
  let lastReadyAt = startAt;
  for (const client of clients) {
    if (!client.ready) client.failure ??= "timeout";
    if (client.failure) failures[client.failure] = (failures[client.failure] ?? 0) + 1;
    else lastReadyAt = Math.max(lastReadyAt, client.snapshotAt, client.joinAckAt);
  }
  const joined = clients.filter((client) => !client.failure);
  const failed = clients.length - joined.length;
  return {
    type: "joined",
    startAt,
    ready: joined.length,
    failed,
    failures,
    lastReadyAt,
    welcomedAt: joined.map((client) => client.welcomedAt),
    readyAt: joined.map((client) => Math.max(client.snapshotAt, client.joinAckAt)),
  };
}

/** Open loop: cards at `rate`/s spread over this process's participants, moves by its facilitator. */
async function load(message: Extract<ToWorker, { type: "load" }>): Promise<void> {
  joinPhase = {
    frames: clients.map((client) => client.eventFrames),
    presence: clients.map((client) => client.presenceMessages),
  };
  const participants = clients.filter((client) => client.spec.role === "participant" && client.live);
  const facilitator = clients.find((client) => client.spec.role === "facilitator" && client.live);
  const start = nowMs() + message.offsetMs;
  const end = start + message.seconds * 1000;
  let cards = 0;
  let moves = 0;
  let turn = Math.floor(Math.random() * Math.max(1, participants.length));
  while (nowMs() < end) {
    const elapsed = (nowMs() - start) / 1000;
    while (participants.length > 0 && elapsed > 0 && cards < Math.floor(elapsed * message.rate)) {
      const sender = participants[turn++ % participants.length];
      const id = `card-${index}-${cards++}`;
      if (!sender) break;
      sends.set(id, nowMs());
      sendCard(sender, id);
    }
    while (facilitator && elapsed > 0 && moves < Math.floor(elapsed * message.moveRate) && knownCards.length > 0) {
      const cardId = knownCards[Math.floor(Math.random() * knownCards.length)];
      const toThemeId = message.themeIds[moves % message.themeIds.length] ?? null;
      const id = `move-${index}-${moves++}`;
      sends.set(id, nowMs());
      facilitator.send(id, { type: "moveCard", cardId, toThemeId, toIndex: 0 });
    }
    await sleep(2);
  }
  post({ type: "loaded", sent: cards + moves, acked: ackMs.length });
}

/** Closed loop: every client keeps one card in flight; acks are timed after the warm-up. */
async function saturate({ seconds, warmupSeconds, mix }: Extract<ToWorker, { type: "saturate" }>): Promise<void> {
  const start = nowMs();
  const windowStart = start + warmupSeconds * 1000;
  saturation = { windowStart, end: windowStart + seconds * 1000, windowAcks: 0, next: 0, mix };
  for (const client of clients) sendNext(client, undefined);
  await sleep(saturation.end - start);
  // Let the last answers arrive, so the next level starts from an idle server.
  const drainUntil = nowMs() + 10_000;
  while (nowMs() < drainUntil && clients.some((client) => client.sentAt.size > 0)) await sleep(20);
  post({
    type: "loaded",
    sent: saturation.next,
    acked: ackMs.length,
    windowAcks: saturation.windowAcks,
    windowSeconds: seconds,
  });
}

function collect(finalSeq: number): CollectReport {
  let lost = 0;
  let duplicates = 0;
  let lastResyncedAt = 0;
  let unresynced = 0;
  // A client whose join failed never held the board: the join report counts it, not this.
  for (const client of clients.filter(({ failure }) => !failure)) {
    lost += client.gaps + Math.max(0, finalSeq - client.lastSeq);
    duplicates += client.duplicates;
    if (client.lastSeq === finalSeq && client.welcomedAt > 0)
      lastResyncedAt = Math.max(lastResyncedAt, client.welcomedAt, client.lastEventAt);
    else unresynced += 1;
  }
  const stat = (values: number[]) => ({
    max: Math.max(0, ...values),
    mean: values.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : 0,
  });
  return {
    type: "collected",
    clients: clients.length,
    lost,
    duplicates,
    errors,
    sends: [...sends],
    receipts: [...receipts].map(([id, receipt]) => [id, receipt.count, receipt.last]),
    ackMs,
    presencePerClient: stat(joinPhase?.presence ?? clients.map((client) => client.presenceMessages)),
    joinFramesPerClient: stat(joinPhase?.frames ?? clients.map((client) => client.eventFrames)),
    presencePerClientTotal: stat(clients.map((client) => client.presenceMessages)),
    lastResyncedAt,
    unresynced,
  };
}

process.on("message", async (message: ToWorker) => {
  switch (message.type) {
    case "init": {
      const options = { reconnect: message.reconnect, checkEvents: message.checkEvents };
      index = message.index;
      clients = message.clients.map((spec) => new SimClient(spec, message.wsUrl, hooks, options));
      return post({ type: "ready" });
    }
    case "join":
      return post(await join(message.timeoutMs));
    case "progress": {
      // A client whose join failed is counted in the join report, not waited for.
      const active = clients.filter((client) => !client.failure);
      const seqs = active.map((client) => client.lastSeq);
      return post({
        type: "progress",
        minSeq: seqs.length > 0 ? Math.min(...seqs) : -1,
        maxSeq: Math.max(-1, ...seqs),
        live: active.filter((client) => client.live).length,
        outstanding: clients.reduce((sum, client) => sum + client.sentAt.size, 0),
        lastActivityAt: Math.max(0, ...clients.map((client) => Math.max(client.lastEventAt, client.welcomedAt))),
      });
    }
    case "load":
      return load(message);
    case "saturate":
      return saturate(message);
    case "markRestart":
      for (const client of clients) client.markRestart();
      return;
    case "collect":
      return post(collect(message.finalSeq));
    case "exit":
      for (const client of clients) client.close();
      setTimeout(() => process.exit(0), 200);
  }
});
