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

describe("ALLOWED_ORIGINS", () => {
  it("is a comma list of origins, none by default", () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(
      loadConfig({ ALLOWED_ORIGINS: "https://intranet.example.org, http://localhost:5173/" }).allowedOrigins,
    ).toEqual(["https://intranet.example.org", "http://localhost:5173"]);
  });

  it("refuses what is not an origin, naming the variable", () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: "intranet.example.org" })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: "https://example.org/app" })).toThrow(/must be an origin/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: "ftp://example.org" })).toThrow(/ALLOWED_ORIGINS/);
  });
});
