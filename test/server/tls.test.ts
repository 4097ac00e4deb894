import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, makeTempDir, removeDir, type ServerProcess, startServerProcess } from "../support/server.js";
import { httpsRequest, type SelfSigned, selfSignedCertificate } from "../support/tls.js";
import { connectClient } from "../support/wsClient.js";

/**
 * `concord serve` with TLS_CERT and TLS_KEY speaks HTTPS and WSS itself: a self-signed
 * certificate made for the test, trusted as the only CA, so the TLS handshake and the host name
 * are really checked.
 */
describe("serve over HTTPS and WSS (TLS_CERT, TLS_KEY)", () => {
  let dir: string;
  let certificate: SelfSigned;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = makeTempDir();
    certificate = selfSignedCertificate(dir);
    server = await startServerProcess(dir, await freePort(), 60_000, {
      TLS_CERT: certificate.certPath,
      TLS_KEY: certificate.keyPath,
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) removeDir(dir);
  });

  it("answers over HTTPS, with Cross-Origin-Opener-Policy and a Secure session cookie", async () => {
    expect(server.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsRequest(`${server.baseUrl}/healthz`, certificate.cert, {
      // A phone at the laptop's network address: over HTTPS a secure context, so the header counts.
      headers: { host: "192.168.1.20" },
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    expect(health.headers["cross-origin-opener-policy"]).toBe("same-origin");

    const registered = await httpsRequest(`${server.baseUrl}/api/auth/register`, certificate.cert, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Tess", email: "tess@example.test", password: "correct horse battery staple" }),
    });
    expect(registered.status).toBe(201);
    expect(registered.headers["set-cookie"]?.[0]).toMatch(/; Secure/);
  });

  it("refuses plain HTTP on its port", async () => {
    await expect(fetch(server.baseUrl.replace("https:", "http:"))).rejects.toThrow();
  });

  it("carries the live protocol over WSS", async () => {
    expect(server.wsUrl).toMatch(/^wss:\/\//);
    const created = await httpsRequest(`${server.baseUrl}/api/auth/register`, certificate.cert, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Uma", email: "uma@example.test", password: "correct horse battery staple" }),
    });
    const session = created.headers["set-cookie"]?.[0]?.split(";")[0] ?? "";
    const workshop = await httpsRequest(`${server.baseUrl}/api/workshops`, certificate.cert, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session },
      body: JSON.stringify({ title: "Over TLS" }),
    });
    expect(workshop.status).toBe(201);
    const { id, facilitatorKey } = JSON.parse(workshop.body) as { id: string; facilitatorKey: string };
    const client = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: id,
      role: "facilitator",
      facilitatorKey,
      ca: certificate.cert,
    });
    try {
      expect(client.state.context.title).toBe("Over TLS");
      const answer = await client.send("over-tls-1", { type: "setPhase", phase: "brainstorm" });
      expect(answer.type).toBe("ack");
    } finally {
      await client.close();
    }
  });
});
