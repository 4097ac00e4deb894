/**
 * The floor Concord is compared with: a bare `ws` broadcast server. It speaks just enough of the
 * protocol for the same load clients — hello is answered with welcome and an empty snapshot, a
 * command is numbered, broadcast to everyone as an `events` message and acknowledged — with no
 * validation, no state, no storage and no presence. Commands that arrive in the same turn of the
 * event loop go out as one message, as Concord's group commit sends them: without that, a join
 * storm of N phones costs N² messages and the floor would measure its own backlog.
 * Run: `node --import tsx relayServer.ts PORT`.
 */
import { createServer } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

const port = Number(process.argv[2]);
const members = new Set<WebSocket>();
let seq = 0;

const http = createServer((request, response) => {
  response.writeHead(request.url === "/healthz" ? 200 : 404, { "content-type": "application/json" });
  response.end('{"status":"ok"}');
});
const wss = new WebSocketServer({ server: http, path: "/ws", maxPayload: 1024 * 1024, perMessageDeflate: false });

interface Incoming {
  type?: string;
  id?: string;
  command?: unknown;
  participantId?: string;
  role?: string;
}

interface Envelope {
  seq: number;
  at: string;
  actor: { role: string; id: string };
  commandId: string;
  event: unknown;
}

/** The commands of this turn of the event loop, numbered, waiting to go out together. */
let turn: { envelope: Envelope; sender: WebSocket }[] = [];
/** The last seq broadcast: what a newcomer's snapshot holds (the waiting turn reaches it anyway). */
let broadcastSeq = 0;

function broadcast(): void {
  const batch = turn;
  turn = [];
  broadcastSeq = seq;
  // Encoded once, sent to every member as a text frame: the cheapest fan-out ws allows.
  const frame = Buffer.from(JSON.stringify({ type: "events", events: batch.map(({ envelope }) => envelope) }));
  for (const member of members) member.send(frame, { binary: false });
  for (const { envelope, sender } of batch) {
    sender.send(JSON.stringify({ type: "ack", id: envelope.commandId, seq: envelope.seq, duplicate: false }));
  }
}

wss.on("connection", (socket) => {
  let actor = { role: "participant", id: "" };
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString()) as Incoming;
    if (message.type === "hello") {
      actor = { role: message.role ?? "participant", id: message.participantId ?? String(members.size) };
      const at = new Date().toISOString();
      const held = broadcastSeq;
      socket.send(
        JSON.stringify({ type: "welcome", protocol: 1, workshopId: "relay", actor, seq: held, serverTime: at }),
      );
      socket.send(JSON.stringify({ type: "snapshot", seq: held, state: {} }));
      members.add(socket);
    } else if (message.type === "command") {
      seq += 1;
      const envelope = {
        seq,
        at: new Date().toISOString(),
        actor,
        commandId: message.id ?? "",
        event: message.command,
      };
      turn.push({ envelope, sender: socket });
      if (turn.length === 1) setImmediate(broadcast);
    } else if (message.type === "ping") {
      socket.send('{"type":"pong"}');
    }
  });
  socket.on("close", () => members.delete(socket));
});

// A large listen backlog, as Concord's, so that a join storm is not dropped by the kernel.
http.listen({ port, host: "127.0.0.1", backlog: 4096 });

process.once("SIGTERM", () => {
  for (const socket of members) socket.close(1012, "Server restarting");
  wss.close();
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
