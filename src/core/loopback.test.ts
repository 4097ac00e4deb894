import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "./loopback.js";

describe("isLoopbackHost", () => {
  it("tells hosts only this computer can open", () => {
    for (const host of [
      "localhost",
      "LOCALHOST",
      "app.localhost",
      "127.0.0.1",
      "127.8.9.10",
      "[::1]",
      "::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["192.168.1.20", "concord.example.org", "10.0.0.1", "[fe80::1]", "localhost.example.org"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
