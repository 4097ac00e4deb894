import { z } from "zod";
import type { SuggestionsApiSettings } from "./suggestionsApi.js";

/**
 * The environment that points theme suggestions at an OpenAI-compatible API, read the same way by
 * the server (`server/config.ts`) and by `concord themes`: card texts go where the server would
 * send them, or nowhere.
 */
export const suggestionsEnv = {
  /**
   * An OpenAI-compatible API for theme suggestions (`…/v1`): card texts are sent there to be
   * embedded (and columns named, with a chat model). Unset, everything stays on this machine.
   */
  SUGGESTIONS_URL: z.url({ protocol: /^https?$/ }).optional(),
  SUGGESTIONS_API_KEY: z.string().min(1).optional(),
  SUGGESTIONS_EMBEDDING_MODEL: z.string().min(1).optional(),
  SUGGESTIONS_CHAT_MODEL: z.string().min(1).optional(),
  /** How long one request to that API may take before the offline model answers instead. */
  SUGGESTIONS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
};

type SuggestionsEnv = z.infer<z.ZodObject<typeof suggestionsEnv>>;

/** The rule the variables obey together, with its message and the variable to blame. */
export const suggestionsEnvRule = {
  holds: (env: SuggestionsEnv) => env.SUGGESTIONS_URL === undefined || env.SUGGESTIONS_EMBEDDING_MODEL !== undefined,
  message: "SUGGESTIONS_URL needs SUGGESTIONS_EMBEDDING_MODEL (the model that embeds card texts there)",
  path: ["SUGGESTIONS_EMBEDDING_MODEL"],
};

/** The API's settings from validated variables; undefined when `SUGGESTIONS_URL` is not set. */
export function suggestionsSettingsOf(env: SuggestionsEnv): SuggestionsApiSettings | undefined {
  if (!env.SUGGESTIONS_URL || !env.SUGGESTIONS_EMBEDDING_MODEL) return undefined;
  return {
    url: env.SUGGESTIONS_URL,
    apiKey: env.SUGGESTIONS_API_KEY,
    embeddingModel: env.SUGGESTIONS_EMBEDDING_MODEL,
    chatModel: env.SUGGESTIONS_CHAT_MODEL,
    timeoutMs: env.SUGGESTIONS_TIMEOUT_MS,
  };
}

const schema = z.object(suggestionsEnv).refine(suggestionsEnvRule.holds, {
  message: suggestionsEnvRule.message,
  path: suggestionsEnvRule.path,
});

/** Reads the API's settings from the environment; throws with each problem named. */
export function suggestionsSettingsFromEnv(env: NodeJS.ProcessEnv): SuggestionsApiSettings | undefined {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return suggestionsSettingsOf(parsed.data);
}
