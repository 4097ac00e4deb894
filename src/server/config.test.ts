import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeDir } from "../../test/support/server.js";
import { selfSignedCertificate } from "../../test/support/tls.js";
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

  describe("TLS_CERT and TLS_KEY", () => {
    const dir = makeTempDir();
    const one = selfSignedCertificate(dir, "one");
    const other = selfSignedCertificate(dir, "other");
    const notPem = join(dir, "not.pem");
    writeFileSync(notPem, "not a certificate\n");
    afterAll(() => removeDir(dir));

    /** The message loadConfig throws for this environment. */
    const problem = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("loadConfig accepted it");
    };

    it("read both PEM files: the server speaks HTTPS, and its own address is https", () => {
      const config = loadConfig({ TLS_CERT: one.certPath, TLS_KEY: one.keyPath, PORT: "8443" });
      expect(config.tls).toEqual({ cert: one.cert, key: one.key });
      expect(config.publicUrl).toBe("https://localhost:8443");
      expect(loadConfig({}).tls).toBeUndefined();
    });

    it("refuses one without the other, naming the missing one", () => {
      expect(problem({ TLS_CERT: one.certPath })).toMatch(
        /^Invalid environment:\nTLS_KEY: TLS_CERT and TLS_KEY go together/,
      );
      expect(problem({ TLS_KEY: one.keyPath })).toMatch(
        /^Invalid environment:\nTLS_CERT: TLS_CERT and TLS_KEY go together/,
      );
    });

    it("names a file it cannot read, or that holds no PEM certificate or key", () => {
      const missing = join(dir, "missing.pem");
      expect(problem({ TLS_CERT: missing, TLS_KEY: one.keyPath })).toContain(
        `TLS_CERT: cannot read ${missing} (ENOENT`,
      );
      expect(problem({ TLS_CERT: notPem, TLS_KEY: one.keyPath })).toContain(
        `TLS_CERT: ${notPem} holds no PEM certificate`,
      );
      expect(problem({ TLS_CERT: one.certPath, TLS_KEY: one.certPath })).toContain(
        `TLS_KEY: ${one.certPath} holds no PEM private key`,
      );
    });

    it("refuses a key that does not go with the certificate", () => {
      expect(problem({ TLS_CERT: one.certPath, TLS_KEY: other.keyPath })).toContain(
        "TLS_KEY: the key does not go with the certificate",
      );
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
