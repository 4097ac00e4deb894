import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES, PROTOCOL_VERSION } from "../../src/core/index.js";
import { createWorkshop, startTestServer, type TestServer } from "../support/server.js";

// Short deadlines, so that each is seen to pass within a test; the defaults are checked with fake
// timers in src/server/ws/socketDeadlines.test.ts.
const timeouts = {
  helloMs: 200,
  idleMs: 400,
  connectionMs: 1_000,
  headersMs: 300,
  requestMs: 1_000,
  checkIntervalMs: 100,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ timeouts });
});
afterAll(async () => {
  await server.stop();
});

const sockets: WebSocket[] = [];
function openSocket(options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(server.wsUrl, options);
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}
afterAll(() => {
  for (const socket of sockets) socket.terminate();
});

const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));

/** Counts the messages of one type the socket receives. */
function counter(socket: WebSocket, type: string) {
  const count = { value: 0 };
  socket.on("message", (data) => {
    if ((JSON.parse(data.toString()) as { type: string }).type === type) count.value += 1;
  });
  return count;
}

async function hello(socket: WebSocket, workshopId: string) {
  const welcomed = new Promise<void>((resolve) =>
    socket.on("message", (data) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === "welcome") resolve();
    }),
  );
  socket.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, workshopId, role: "participant" }));
  await welcomed;
}

describe("WebSockets that do not take part are closed", () => {
  it("a socket that never says hello is closed, and told why", async () => {
    const socket = await openSocket();
    expect(await closed(socket)).toBe(CLOSE_CODES.helloTimeout);
  });

  it("a socket that says hello and then nothing, not even an answer to the server's ping, is closed", async () => {
    const workshop = await createWorkshop(server.baseUrl, server.session);
    const socket = await openSocket({ autoPong: false });
    const gone = closed(socket);
    await hello(socket, workshop.id);
    expect(await gone).toBe(1006);
  });

  it("a client that pings, as the web app does, stays connected well past the idle limit", async () => {
    const workshop = await createWorkshop(server.baseUrl, server.session);
    const socket = await openSocket({ autoPong: false });
    await hello(socket, workshop.id);
    const pongs = counter(socket, "pong");
    const pinger = setInterval(() => socket.send(JSON.stringify({ type: "ping" })), timeouts.idleMs / 8);
    try {
      // Twenty answers at an eighth of the limit apart: two and a half idle limits connected.
      await expect.poll(() => pongs.value, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(20);
      expect(socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      clearInterval(pinger);
    }
  });

  it("a client that only answers the server's WebSocket pings (a hidden browser tab) stays connected", async () => {
    const workshop = await createWorkshop(server.baseUrl, server.session);
    const socket = await openSocket();
    await hello(socket, workshop.id);
    const pings = { value: 0 };
    socket.on("ping", () => {
      pings.value += 1;
    });
    await expect.poll(() => pings.value, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe("HTTP connections that do not finish a request are closed", () => {
  const rawSocket = () =>
    new Promise<Socket>((resolve, reject) => {
      const { port } = new URL(server.baseUrl);
      const socket = connect(Number(port), "127.0.0.1", () => resolve(socket));
      socket.once("error", reject);
    });
  const ended = (socket: Socket) => new Promise<void>((resolve) => socket.once("close", () => resolve()));

  it("a raw TCP connection that sends nothing is closed", async () => {
    const socket = await rawSocket();
    await ended(socket);
    expect(socket.destroyed).toBe(true);
  });

  it("a connection that sends half its headers, then trickles a byte at a time, is closed", async () => {
    const socket = await rawSocket();
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    // Faster than the inactivity limit, so only the headers' deadline can end it.
    const trickle = setInterval(() => socket.write("X"), 50);
    try {
      await ended(socket);
    } finally {
      clearInterval(trickle);
    }
    expect(socket.destroyed).toBe(true);
  });
});
