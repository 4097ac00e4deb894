/**
 * The optional stronger model: an OpenAI-compatible API (a local Ollama or llama.cpp server, or a
 * hosted one) that embeds card texts and, when a chat model is named, names columns. Off unless
 * `SUGGESTIONS_URL` is set; the caller falls back to the offline model on any rejection here, so
 * every failure (HTTP error, timeout, a reply of the wrong shape) is a rejection with a reason a
 * person can read, never a partial answer.
 */
import { z } from "zod";

/** Where the API is and which models to ask for. */
export interface SuggestionsApiSettings {
  /** The API's base, such as `http://localhost:11434/v1`: `/embeddings` and `/chat/completions` are appended. */
  url: string;
  apiKey?: string | undefined;
  embeddingModel: string;
  /** Without it, columns keep the offline names. */
  chatModel?: string | undefined;
  /** How long one request may take before the offline model answers instead. */
  timeoutMs: number;
}

/** A column to name: the texts of its cards. */
export interface ColumnToName {
  texts: readonly string[];
}

/** The API's answers, each rejecting with a readable reason. */
export interface SuggestionsApi {
  /** The host that card texts are sent to, for the notice that says so. */
  readonly host: string;
  readonly namesColumns: boolean;
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** One name per column, in order. */
  names(columns: readonly ColumnToName[]): Promise<string[]>;
}

const embeddingsReply = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()).min(1), index: z.number().int().min(0) })),
});

const chatReply = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

// What the chat model is asked to write back, read as JSON from its message.
const namesReply = z.object({ names: z.array(z.string().trim().min(1).max(120)) });

/** What a reply's issues come to, in one line. */
const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "reply"}: ${issue.message}`).join("; ");

/** Opens a client on the API; `fetchImpl` is for tests that stand in for the network. */
export function suggestionsApi(settings: SuggestionsApiSettings, fetchImpl: typeof fetch = fetch): SuggestionsApi {
  const base = settings.url.replace(/\/+$/, "");

  async function post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: unknown } | undefined)?.name;
      throw new Error(
        name === "TimeoutError" || name === "AbortError"
          ? `no answer from ${path} within ${settings.timeoutMs} ms`
          : `${path} could not be reached (${(error as Error).message})`,
      );
    }
    if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new Error(`${path} answered something that is not JSON`);
    }
  }

  return {
    host: new URL(base).host,
    namesColumns: settings.chatModel !== undefined,

    async embed(texts) {
      if (texts.length === 0) return [];
      const reply = embeddingsReply.safeParse(
        await post("/embeddings", { model: settings.embeddingModel, input: [...texts] }),
      );
      if (!reply.success) throw new Error(`/embeddings answered an unexpected shape (${issuesOf(reply.error)})`);
      const { data } = reply.data;
      const vectors = new Array<Float32Array | undefined>(texts.length);
      for (const { embedding, index } of data) {
        if (index >= texts.length || vectors[index])
          throw new Error(`/embeddings answered index ${index} twice or out of range`);
        vectors[index] = Float32Array.from(embedding);
      }
      const dimensions = vectors[0]?.length;
      if (vectors.some((vector) => vector === undefined || vector.length !== dimensions)) {
        throw new Error(`/embeddings answered ${data.length} vectors of mixed lengths for ${texts.length} texts`);
      }
      return vectors as Float32Array[];
    },

    async names(columns) {
      if (!settings.chatModel) throw new Error("no chat model is named (SUGGESTIONS_CHAT_MODEL)");
      if (columns.length === 0) return [];
      const groups = columns.map(
        (column, i) => `Group ${i + 1}:\n${column.texts.map((text) => `- ${text}`).join("\n")}`,
      );
      const reply = chatReply.safeParse(
        await post("/chat/completions", {
          model: settings.chatModel,
          temperature: 0,
          messages: [
            {
              role: "system",
              content:
                "You name the columns of a workshop's sticky-note wall. For each group of cards, write a short " +
                "action phrase of 3 to 7 words, in the cards' language, saying what its cards share; never copy " +
                'one card. Answer with JSON only: {"names": ["…", …]}, one name per group, in order.',
            },
            { role: "user", content: groups.join("\n\n") },
          ],
        }),
      );
      if (!reply.success) throw new Error(`/chat/completions answered an unexpected shape (${issuesOf(reply.error)})`);
      const content = (reply.data.choices[0] as { message: { content: string } }).message.content;
      // Models often fence JSON in Markdown: the object is read from the first brace to the last.
      const json = content.slice(content.indexOf("{"), content.lastIndexOf("}") + 1);
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        throw new Error("/chat/completions answered names that are not JSON");
      }
      const names = namesReply.safeParse(parsed);
      if (!names.success) throw new Error(`/chat/completions answered an unexpected shape (${issuesOf(names.error)})`);
      if (names.data.names.length !== columns.length) {
        throw new Error(`/chat/completions answered ${names.data.names.length} names for ${columns.length} columns`);
      }
      return names.data.names;
    },
  };
}
