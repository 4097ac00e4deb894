import { networkInterfaces } from "node:os";
import type { FastifyInstance } from "fastify";

export interface JoinAddressOptions {
  /** PUBLIC_URL, when it is set: the address phones open, whatever address the console is on. */
  publicUrl?: string;
  /** The interface the server listens on (HOST). */
  host: string;
}

/**
 * `GET /api/join-address`: where phones in the room reach this server. A facilitator who opens
 * the console at localhost would otherwise hand out a join link and a QR code no phone can open.
 */
export async function joinAddressRoutes(app: FastifyInstance, options: JoinAddressOptions) {
  app.get(
    "/api/join-address",
    { schema: { tags: ["join"], summary: "Where phones reach this server: PUBLIC_URL, or its network addresses" } },
    async (request) => ({
      publicUrl: options.publicUrl ?? null,
      networkOrigins: options.publicUrl ? [] : networkOrigins(options.host, request.socket.localPort ?? 0),
    }),
  );
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", ""]);

/**
 * This machine's origins that other devices can open, for a server listening on `host`: every
 * IPv4 address of a network interface when it listens on all of them, none when only on loopback.
 */
export function networkOrigins(
  host: string,
  port: number,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  if (!WILDCARD_HOSTS.has(host)) return isLoopbackHost(host) ? [] : [`http://${bracketed(host)}:${port}`];
  return Object.values(interfaces).flatMap((addresses) =>
    (addresses ?? [])
      .filter((address) => address.family === "IPv4" && !address.internal)
      .map((address) => `http://${address.address}:${port}`),
  );
}

/** True for names and addresses only this machine can open (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function bracketed(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
