import { describe, expect, it } from "vitest";
import { withLiveServer } from "../support/liveServer.js";
import { createWorkshop, requestJson } from "../support/server.js";
import { openClient } from "../support/wsClient.js";

const live = withLiveServer();

/** The origin a page served by the test server has: its own scheme and host. */
const ownOrigin = () => new URL(live.server.baseUrl).origin;

/** Pages that are not this server, though some share its host name or address. */
const foreignOrigins = () => {
  const { hostname, port } = new URL(live.server.baseUrl);
  return [
    "http://evil.example",
    // A sibling subdomain of the public address, and the same address on another port.
    "http://evil.concord.test",
    `http://${hostname}:${Number(port) + 1}`,
    `https://${hostname}:${port}`,
    "null",
  ];
};

async function facilitatorHello(origin: string, credentials: "cookie" | "key") {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session);
  const headers: Record<string, string> = { origin };
  if (credentials === "cookie") headers.cookie = live.server.session;
  return live.track(
    await openClient({
      wsUrl: live.server.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      ...(credentials === "key" ? { facilitatorKey: workshop.facilitatorKey } : {}),
      headers,
    }),
  );
}

describe("a page from another origin cannot act with the facilitator's cookie or key", () => {
  for (const credentials of ["cookie", "key"] as const) {
    it(`a WebSocket from a foreign origin, with the ${credentials}, is refused before any welcome`, async () => {
      for (const origin of foreignOrigins()) {
        await expect(facilitatorHello(origin, credentials), origin).rejects.toThrow(/403/);
      }
    });

    it(`a WebSocket from the page's own origin or PUBLIC_URL's, with the ${credentials}, is welcomed`, async () => {
      for (const origin of [ownOrigin(), live.server.publicUrl]) {
        const client = await facilitatorHello(origin, credentials);
        await client.ready();
        expect(client.welcome?.actor.role, origin).toBe("facilitator");
      }
    });
  }

  it("a WebSocket without Origin (the CLI, the benches) is welcomed as before", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session);
    const client = await live.connect({
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    expect(client.welcome?.actor.role).toBe("facilitator");
  });

  it("a form posted from a foreign origin with the cookie is 403 and changes nothing", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session);
    const path = `/api/workshops/${workshop.id}/publish`;
    for (const origin of foreignOrigins()) {
      const response = await fetch(`${live.server.baseUrl}${path}`, {
        method: "POST",
        headers: { origin, cookie: live.server.session, "content-type": "application/x-www-form-urlencoded" },
        body: "a=1",
      });
      expect(response.status, origin).toBe(403);
    }
    const state = await requestJson<{ published: boolean }>(
      live.server.baseUrl,
      "GET",
      path,
      undefined,
      live.server.session,
    );
    expect(state.body.published).toBe(false);
  });

  it("a forwarded host is not believed without TRUST_PROXY", async () => {
    const response = await fetch(`${live.server.baseUrl}/api/workshops`, {
      method: "POST",
      headers: {
        origin: "http://evil.example",
        "x-forwarded-host": "evil.example",
        cookie: live.server.session,
        "content-type": "application/json",
      },
      body: JSON.stringify({ title: "Forged" }),
    });
    expect(response.status).toBe(403);
  });

  it("the same request from the page's own origin, or with no Origin at all, goes through", async () => {
    for (const headers of [{ origin: ownOrigin() }, {}] as Record<string, string>[]) {
      const response = await fetch(`${live.server.baseUrl}/api/workshops`, {
        method: "POST",
        headers: { ...headers, cookie: live.server.session, "content-type": "application/json" },
        body: JSON.stringify({ title: "Mine" }),
      });
      expect(response.status).toBe(201);
    }
  });

  it("CSP lets pages connect to this server only, not to any ws: or wss: host", async () => {
    const response = await fetch(`${live.server.baseUrl}/healthz`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const connectSrc = csp.split(";").find((directive) => directive.trim().startsWith("connect-src")) ?? "";
    const { host } = new URL(live.server.baseUrl);
    expect(connectSrc.trim().split(/\s+/).sort()).toEqual(
      ["connect-src", "'self'", "http://concord.test", "ws://concord.test", `ws://${host}`, `wss://${host}`].sort(),
    );
  });
});
