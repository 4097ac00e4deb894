import { networkInterfaces } from "node:os";
import type { FastifyInstance } from "fastify";
import { isLoopbackHost, type JoinAddress, joinAddressSchema } from "../../core/index.js";
import { responds } from "./schemas.js";

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
    {
      schema: {
        tags: ["join"],
        summary: "Where phones reach this server: PUBLIC_URL, or its network addresses",
        response: responds(joinAddressSchema),
      },
    },
    async (request): Promise<JoinAddress> => ({
      publicUrl: options.publicUrl ?? null,
      // Only a page opened on this very computer needs them, and only it is told this machine's addresses.
      networkOrigins:
        options.publicUrl || !isLoopbackHost(request.ip)
          ? []
          : networkOrigins(options.host, request.socket.localPort ?? 0, request.protocol),
    }),
  );
}

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "::0", "[::]", "0:0:0:0:0:0:0:0", ""]);

/** Interfaces no phone in the room reaches: containers', virtual machines', VPN bridges. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|vEthernet|utun|tun|tap|zt|tailscale|wg)/i;

/**
 * This machine's origins that other devices can open, for a server listening on `host` with
 * `scheme` (https when it serves TLS itself): every IPv4 address of a network interface when it
 * listens on all of them, none when only on loopback.
 */
export function networkOrigins(
  host: string,
  port: number,
  scheme: "http" | "https",
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  if (!WILDCARD_HOSTS.has(host)) return isLoopbackHost(host) ? [] : [`${scheme}://${bracketed(host)}:${port}`];
  return Object.entries(interfaces).flatMap(([name, addresses]) =>
    VIRTUAL_INTERFACE.test(name)
      ? []
      : (addresses ?? [])
          // 169.254.x.x is what an interface gives itself when no network answered it.
          .filter(
            (address) => address.family === "IPv4" && !address.internal && !address.address.startsWith("169.254."),
          )
          .map((address) => `${scheme}://${address.address}:${port}`),
  );
}

function bracketed(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
