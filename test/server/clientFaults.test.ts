import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "../support/server.js";

const lines: { level: number; msg: string; err?: unknown; stack?: unknown }[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    logLevel: "info",
    logStream: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
});
afterAll(async () => {
  await server.stop();
});

describe("a client's protocol fault is its own, not the server's", () => {
  it("a frame over the size limit is logged as a warning without a stack, and the socket is closed", async () => {
    const socket = new WebSocket(server.wsUrl);
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.on("error", () => undefined);
    socket.send("x".repeat(2 * 1024 * 1024));
    await closed;
    await expect.poll(() => lines.find((line) => line.msg === "WebSocket client fault")).toBeDefined();
    const fault = lines.find((line) => line.msg === "WebSocket client fault");
    expect(fault?.level).toBe(40);
    expect(JSON.stringify(fault)).not.toMatch(/"stack"|\n\s+at /);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
