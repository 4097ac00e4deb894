import type { NetworkInterfaceInfo } from "node:os";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { joinAddressRoutes, networkOrigins } from "./joinAddress.js";

const v4 = (address: string, internal = false) =>
  ({ address, family: "IPv4", internal, netmask: "255.255.255.0", mac: "", cidr: null }) as NetworkInterfaceInfo;
const v6 = (address: string) =>
  ({ address, family: "IPv6", internal: false, netmask: "", mac: "", cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [v4("127.0.0.1", true)],
  eth0: [v4("192.168.1.20"), v6("fe80::1")],
  wlan0: [v4("10.0.0.5")],
  docker0: [v4("172.17.0.1")],
  vboxnet0: [v4("192.168.56.1")],
  eth1: [v4("169.254.10.20")],
};

describe("networkOrigins", () => {
  it("lists every IPv4 interface address a phone could reach when listening on all interfaces: not loopback, containers, VMs or link-local", () => {
    expect(networkOrigins("0.0.0.0", 4321, "http", interfaces)).toEqual([
      "http://192.168.1.20:4321",
      "http://10.0.0.5:4321",
    ]);
    // A server that speaks TLS itself (TLS_CERT, TLS_KEY) is reached over https.
    expect(networkOrigins("0.0.0.0", 4321, "https", interfaces)).toEqual([
      "https://192.168.1.20:4321",
      "https://10.0.0.5:4321",
    ]);
    for (const wildcard of ["::", "::0", "[::]"]) {
      expect(networkOrigins(wildcard, 80, "http", interfaces)).toEqual([
        "http://192.168.1.20:80",
        "http://10.0.0.5:80",
      ]);
    }
  });

  it("gives the one address a server bound to it answers on, and none on loopback", () => {
    expect(networkOrigins("192.168.1.20", 4321, "http", interfaces)).toEqual(["http://192.168.1.20:4321"]);
    expect(networkOrigins("fd00::7", 4321, "http", interfaces)).toEqual(["http://[fd00::7]:4321"]);
    expect(networkOrigins("127.0.0.1", 4321, "http", interfaces)).toEqual([]);
    expect(networkOrigins("localhost", 4321, "http", interfaces)).toEqual([]);
  });
});

describe("GET /api/join-address", () => {
  async function ask(options: Parameters<typeof joinAddressRoutes>[1]) {
    const app = Fastify();
    await app.register(joinAddressRoutes, options);
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const port = (app.server.address() as { port: number }).port;
      const response = await fetch(`http://127.0.0.1:${port}/api/join-address`);
      return { port, body: await response.json() };
    } finally {
      await app.close();
    }
  }

  it("answers PUBLIC_URL alone when it is set", async () => {
    const { body } = await ask({ host: "0.0.0.0", publicUrl: "https://concord.example.org" });
    expect(body).toEqual({ publicUrl: "https://concord.example.org", networkOrigins: [] });
  });

  it("answers the network origins on the port the request came in on", async () => {
    const { port, body } = await ask({ host: "0.0.0.0" });
    expect(body.publicUrl).toBeNull();
    expect(body.networkOrigins).toEqual(networkOrigins("0.0.0.0", port, "http"));
  });

  it("tells this machine's addresses only to a page opened on this machine", async () => {
    const app = Fastify();
    await app.register(joinAddressRoutes, { host: "0.0.0.0" });
    try {
      const fromElsewhere = await app.inject({ url: "/api/join-address", remoteAddress: "192.168.1.44" });
      expect(fromElsewhere.json()).toEqual({ publicUrl: null, networkOrigins: [] });
    } finally {
      await app.close();
    }
  });

  it("answers no origin for a server only on loopback", async () => {
    const { body } = await ask({ host: "127.0.0.1" });
    expect(body).toEqual({ publicUrl: null, networkOrigins: [] });
  });
});
