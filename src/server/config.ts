import { readFileSync } from "node:fs";
import { createSecureContext } from "node:tls";
import { z } from "zod";
import type { SuggestionsApiSettings } from "../themes/model/suggestionsApi.js";
import { suggestionsEnv, suggestionsEnvRule, suggestionsSettingsOf } from "../themes/model/suggestionsSettings.js";

/** A PEM file named by an environment variable, read at start: a path that cannot be read is named. */
const pemFile = (what: string, header: RegExp) =>
  z
    .string()
    .min(1)
    .transform((path, context) => {
      let pem: string;
      try {
        pem = readFileSync(path, "utf8");
      } catch (error) {
        context.addIssue({ code: "custom", message: `cannot read ${path} (${(error as Error).message})` });
        return z.NEVER;
      }
      if (!header.test(pem)) {
        context.addIssue({ code: "custom", message: `${path} holds no PEM ${what}` });
        return z.NEVER;
      }
      return pem;
    });

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4321),
    // All interfaces by default: phones in the room join over the local network.
    HOST: z.string().min(1).default("0.0.0.0"),
    CONCORD_DATA_DIR: z.string().min(1).default("./data"),
    /** The address people type: in join links and QR codes, publish links and printed URLs. */
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Behind a reverse proxy: which proxies to believe about the client's address (Fastify's
     * trustProxy: "true" for any, or addresses and CIDRs separated by commas), so that rate
     * limits count people, not the proxy.
     */
    TRUST_PROXY: z
      .string()
      .min(1)
      .optional()
      .transform((value) => (value === undefined || value === "false" ? false : value === "true" ? true : value)),
    /**
     * Other sites whose pages may open the WebSocket and send state-changing requests with a
     * facilitator's cookie (PUBLIC_URL's origin and the request's own are always allowed):
     * origins such as `https://intranet.example.org`, separated by commas.
     */
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .url({ protocol: /^https?$/ })
            .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
              message: "must be an origin: scheme, host and port only, such as https://intranet.example.org",
            }),
        ),
      ),
    /** Several processes: the shared PostgreSQL store and the Redis bus between them, both or neither. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    REDIS_CHANNEL: z.string().min(1).default("concord:events"),
    /** HTTPS and WSS served directly: the certificate (its chain after it) and its private key, PEM files. */
    TLS_CERT: pemFile("certificate", /-----BEGIN CERTIFICATE-----/).optional(),
    TLS_KEY: pemFile("private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/).optional(),
    /** When set, /metrics answers a request bearing it (`Authorization: Bearer …`) from anywhere. */
    METRICS_TOKEN: z.string().min(16).optional(),
    ...suggestionsEnv,
    /** Where ballot invitations are sent from (`smtp://user:pass@host:587`, `smtps://…`); unset, none are emailed. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The invitations' sender. */
    SMTP_FROM: z.string().min(3).default("Concord <concord@localhost>"),
  })
  .refine(suggestionsEnvRule.holds, { message: suggestionsEnvRule.message, path: suggestionsEnvRule.path })
  .refine((env) => (env.DATABASE_URL === undefined) === (env.REDIS_URL === undefined), {
    message: "DATABASE_URL and REDIS_URL go together (several processes need both)",
    path: ["REDIS_URL"],
  })
  .superRefine((env, context) => {
    if ((env.TLS_CERT === undefined) !== (env.TLS_KEY === undefined)) {
      const missing = env.TLS_CERT === undefined ? "TLS_CERT" : "TLS_KEY";
      context.addIssue({
        code: "custom",
        message: "TLS_CERT and TLS_KEY go together (HTTPS needs the certificate and its key)",
        path: [missing],
      });
    } else if (env.TLS_CERT !== undefined && env.TLS_KEY !== undefined) {
      // Said now, in words, rather than as an OpenSSL error when the server starts listening.
      try {
        createSecureContext({ cert: env.TLS_CERT, key: env.TLS_KEY });
      } catch (error) {
        context.addIssue({
          code: "custom",
          message: `the key does not go with the certificate (${(error as Error).message})`,
          path: ["TLS_KEY"],
        });
      }
    }
  });

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PUBLIC_URL, or this machine's localhost address when it is not set. */
  publicUrl: string;
  /** True when PUBLIC_URL set `publicUrl`: phones then join there too. */
  publicUrlGiven: boolean;
  logLevel: string;
  trustProxy: boolean | string;
  /** Set when TLS_CERT and TLS_KEY are: the server speaks HTTPS and WSS with this certificate. */
  tls?: { cert: string; key: string };
  /** ALLOWED_ORIGINS: other sites' pages allowed to act here (see edge/origins.ts). */
  allowedOrigins: string[];
  /** Set when DATABASE_URL and REDIS_URL are: PostgreSQL and Redis instead of SQLite under dataDir. */
  shared?: { databaseUrl: string; redisUrl: string; redisChannel: string };
  /** Without it, /metrics answers only direct (unproxied) requests from this machine. */
  metricsToken?: string;
  /** Set when SUGGESTIONS_URL is: theme suggestions ask that API first. */
  suggestionsApi?: SuggestionsApiSettings;
  /** Set when SMTP_URL is: ballot invitations are emailed. */
  smtp?: { url: string; from: string };
}

/** Reads the server's settings from the environment, validated like every other input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const {
    PORT,
    HOST,
    CONCORD_DATA_DIR,
    PUBLIC_URL,
    LOG_LEVEL,
    TRUST_PROXY,
    ALLOWED_ORIGINS,
    DATABASE_URL,
    REDIS_URL,
    REDIS_CHANNEL,
    METRICS_TOKEN,
  } = parsed.data;
  const suggestionsApi = suggestionsSettingsOf(parsed.data);
  const tls =
    parsed.data.TLS_CERT && parsed.data.TLS_KEY ? { cert: parsed.data.TLS_CERT, key: parsed.data.TLS_KEY } : undefined;
  return {
    port: PORT,
    host: HOST,
    dataDir: CONCORD_DATA_DIR,
    publicUrl: (PUBLIC_URL ?? `${tls ? "https" : "http"}://localhost:${PORT}`).replace(/\/$/, ""),
    publicUrlGiven: PUBLIC_URL !== undefined,
    logLevel: LOG_LEVEL,
    trustProxy: TRUST_PROXY,
    ...(tls ? { tls } : {}),
    allowedOrigins: ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    ...(DATABASE_URL && REDIS_URL
      ? { shared: { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, redisChannel: REDIS_CHANNEL } }
      : {}),
    ...(METRICS_TOKEN ? { metricsToken: METRICS_TOKEN } : {}),
    ...(parsed.data.SMTP_URL ? { smtp: { url: parsed.data.SMTP_URL, from: parsed.data.SMTP_FROM } } : {}),
    ...(suggestionsApi ? { suggestionsApi } : {}),
  };
}
