import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("reads TRUST_PROXY as Fastify's trustProxy: off by default, true, or the proxies' addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1,10.0.0.0/8" }).trustProxy).toBe("127.0.0.1,10.0.0.0/8");
  });

  it("tells whether PUBLIC_URL was given, since phones then join there", () => {
    expect(loadConfig({}).publicUrlGiven).toBe(false);
    expect(loadConfig({ PUBLIC_URL: "https://concord.example.org/" })).toMatchObject({
      publicUrl: "https://concord.example.org",
      publicUrlGiven: true,
    });
  });
});
