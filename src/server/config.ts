import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  // All interfaces by default: phones in the room join over the local network.
  HOST: z.string().min(1).default("0.0.0.0"),
  CONCORD_DATA_DIR: z.string().min(1).default("./data"),
  /** The address people type; used in join links and printed URLs. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  logLevel: string;
}

/** Reads the server's settings from the environment, validated like every other input. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const { PORT, HOST, CONCORD_DATA_DIR, PUBLIC_URL, LOG_LEVEL } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: CONCORD_DATA_DIR,
    publicUrl: (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/$/, ""),
    logLevel: LOG_LEVEL,
  };
}
