import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * How long the server waits for a client before it lets go of the socket. A socket costs memory
 * and a file descriptor whether or not anyone is behind it: without these, raw TCP connections,
 * half-sent headers and WebSockets that never say hello stay open forever.
 */
export interface ServerTimeouts {
  /** A WebSocket must say `hello` within this. */
  helloMs: number;
  /** A WebSocket that sends nothing (no message, no answer to the server's ping) for this long is closed. */
  idleMs: number;
  /** An HTTP socket with no traffic at all for this long is destroyed (Fastify's connectionTimeout). */
  connectionMs: number;
  /** An idle keep-alive connection is closed after this (above common load balancers' 60 s). */
  keepAliveMs: number;
  /** The headers of a request must have arrived within this… */
  headersMs: number;
  /** …and the whole request (a 16 MB import on venue Wi-Fi included) within this. */
  requestMs: number;
  /** How often Node checks the two above: a slow-loris trickle is cut within one period after them. */
  checkIntervalMs: number;
}

/**
 * The defaults. A connection's inactivity limit is two minutes, not less: a report can take a while
 * to render before its first byte, and that wait is silence on the socket.
 */
export const SERVER_TIMEOUTS: ServerTimeouts = {
  helloMs: 10_000,
  idleMs: 60_000,
  connectionMs: 120_000,
  keepAliveMs: 72_000,
  headersMs: 10_000,
  requestMs: 120_000,
  checkIntervalMs: 2_000,
};

/**
 * Destroys a connection that has not sent its first byte within `headersMs`. Node's headers
 * deadline starts only with a request's first byte, and its periodic check keeps an idle
 * socket's inactivity timer from firing, so a connection that never speaks would otherwise
 * stay open.
 */
export function closeSilentConnections(server: Server, timeouts: ServerTimeouts): void {
  server.on("connection", (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), timeouts.headersMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    socket.once("data", clear);
    socket.once("close", clear);
  });
}

/** Fastify's and Node's HTTP server options for `timeouts`. */
export function httpServerTimeouts(timeouts: ServerTimeouts) {
  return {
    connectionTimeout: timeouts.connectionMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
  };
}
