import { z } from "zod";

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
    /** Several processes: the shared PostgreSQL store and the Redis bus between them, both or neither. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    REDIS_CHANNEL: z.string().min(1).default("concord:events"),
    /** When set, /metrics answers a request bearing it (`Authorization: Bearer …`) from anywhere. */
    METRICS_TOKEN: z.string().min(16).optional(),
  })
  .refine((env) => (env.DATABASE_URL === undefined) === (env.REDIS_URL === undefined), {
    message: "DATABASE_URL and REDIS_URL go together (several processes need both)",
    path: ["REDIS_URL"],
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
  /** Set when DATABASE_URL and REDIS_URL are: PostgreSQL and Redis instead of SQLite under dataDir. */
  shared?: { databaseUrl: string; redisUrl: string; redisChannel: string };
  /** Without it, /metrics answers only direct (unproxied) requests from this machine. */
  metricsToken?: string;
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
    DATABASE_URL,
    REDIS_URL,
    REDIS_CHANNEL,
    METRICS_TOKEN,
  } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: CONCORD_DATA_DIR,
    publicUrl: (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/$/, ""),
    publicUrlGiven: PUBLIC_URL !== undefined,
    logLevel: LOG_LEVEL,
    trustProxy: TRUST_PROXY,
    ...(DATABASE_URL && REDIS_URL
      ? { shared: { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, redisChannel: REDIS_CHANNEL } }
      : {}),
    ...(METRICS_TOKEN ? { metricsToken: METRICS_TOKEN } : {}),
  };
}
