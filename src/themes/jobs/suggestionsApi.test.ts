import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../server/config.js";
import { loadedEmbedder } from "../model/embedder.js";
import { type SuggestionsApiSettings, suggestionsApi } from "../model/suggestionsApi.js";
import { boardFromLines } from "../suggest/board.js";
import { inThisThread } from "./suggestionJobs.js";
import { boardSuggestions } from "./suggestions.js";

/** What the test's API server does with the next requests. */
type Behaviour = "answer" | "fail" | "hang" | "nonsense" | "nonsense names";

interface Received {
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string[]; messages?: { content: string }[] };
}

const CARDS = ["Bike lanes downtown", "Safer cycling paths for kids", "Cheaper bus tickets", "Night trams on weekends"];
const board = boardFromLines(CARDS.join("\n"));

let behaviour: Behaviour = "answer";
const received: Received[] = [];
const hanging: ServerResponse[] = [];
let server: Server;
let url: string;

/** A vector per text that the offline model would never give: the text's topic, one-hot in 8 dimensions. */
const vectorOf = (text: string) => {
  const vector = new Array<number>(8).fill(0);
  vector[/bike|cycl/i.test(text) ? 0 : 1] = 1;
  return vector;
};

/** The reply the server sends now: [status, JSON], or undefined to never answer. */
function replyTo(request: IncomingMessage, body: Received["body"]): [number, unknown] | undefined {
  if (behaviour === "fail") return [500, { error: "model not loaded" }];
  if (behaviour === "hang") return undefined;
  if (behaviour === "nonsense") return [200, { data: [{ embedding: "not numbers" }] }];
  if (behaviour === "nonsense names" && request.url === "/v1/chat/completions") return [200, { choices: [] }];
  if (request.url === "/v1/embeddings") {
    // Out of order on purpose: the index says which text a vector is for.
    const data = (body.input ?? []).map((text, index) => ({ embedding: vectorOf(text), index })).reverse();
    return [200, { object: "list", data, model: body.model }];
  }
  const groups = (body.messages?.[1]?.content ?? "").split("\n\n");
  const names = groups.map((group) => (/bike|cycl/i.test(group) ? "Make cycling safe" : "Make transit affordable"));
  return [200, { choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify({ names }) } }] }];
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const body = JSON.parse(raw) as Received["body"];
      received.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
      const reply = replyTo(request, body);
      if (!reply) {
        hanging.push(response);
        return;
      }
      response.writeHead(reply[0], { "content-type": "application/json" });
      response.end(JSON.stringify(reply[1]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  behaviour = "answer";
  received.length = 0;
});

const settings = (more: Partial<SuggestionsApiSettings> = {}): SuggestionsApiSettings => ({
  url,
  apiKey: "test-key",
  embeddingModel: "nomic-embed-text",
  timeoutMs: 5_000,
  ...more,
});

describe("theme suggestions with SUGGESTIONS_URL", () => {
  // First in this file: nothing has loaded the offline model yet (each test file has its own modules).
  it("embed the cards through the API when it answers, and never load the offline model", async () => {
    const notify = vi.fn();
    const suggest = boardSuggestions(inThisThread, { api: suggestionsApi(settings()), notify });
    const answer = await suggest.clusters(board, 2);
    // The API's vectors, one per topic, make each topic's two cards one point: two columns by
    // topic, which the offline model's vectors alone do not make of these texts.
    expect(answer.themes.map((theme) => theme.cardIds).sort()).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      path: "/v1/embeddings",
      authorization: "Bearer test-key",
      body: { model: "nomic-embed-text" },
    });
    expect(received[0]?.body.input).toEqual(expect.arrayContaining(CARDS));
    expect(answer.model).toEqual({ sentTo: new URL(url).host });
    expect(notify).not.toHaveBeenCalled();
    expect(loadedEmbedder()).toBeUndefined();
  });

  it("name columns with the chat model when one is named", async () => {
    const notify = vi.fn();
    const api = suggestionsApi(settings({ chatModel: "llama3.2" }));
    const columns = [
      { id: "c1", cardIds: ["1", "2"] },
      { id: "c2", cardIds: ["3", "4"] },
      { id: "c3", cardIds: [] },
    ];
    const answer = await boardSuggestions(inThisThread, { api, notify }).names({ ...board, columns, unplaced: [] });
    expect(answer.names.map((name) => [name.themeId, name.label])).toEqual([
      ["c1", "Make cycling safe"],
      ["c2", "Make transit affordable"],
      ["c3", ""],
    ]);
    expect(received.map((request) => request.path)).toEqual(["/v1/embeddings", "/v1/chat/completions"]);
    expect(received[1]?.body.model).toBe("llama3.2");
    expect(notify).not.toHaveBeenCalled();
  });

  const failures: [string, Behaviour, string, Partial<SuggestionsApiSettings>][] = [
    ["answers HTTP 500", "fail", "/embeddings answered HTTP 500", {}],
    ["does not answer in time", "hang", "no answer from /embeddings within 300 ms", { timeoutMs: 300 }],
    ["answers nonsense", "nonsense", "/embeddings answered an unexpected shape", {}],
  ];
  for (const [when, what, reason, more] of failures) {
    it(`fall back to the offline model and say so when the API ${when}`, async () => {
      behaviour = what;
      const notify = vi.fn();
      const answer = await boardSuggestions(inThisThread, { api: suggestionsApi(settings(more)), notify }).duplicates(
        board,
      );
      const offline = await boardSuggestions(inThisThread).duplicates(board);
      expect(offline.model).toBeUndefined();
      expect(answer.duplicates).toEqual(offline.duplicates);
      expect(offline.duplicates).toEqual([]);
      // What the facilitator's console shows.
      expect(answer.model?.sentTo).toBe(new URL(url).host);
      expect(answer.model?.offlineBecause).toContain(reason);
      expect(received).toHaveLength(1);
      expect(notify).toHaveBeenCalledTimes(1);
      expect(notify.mock.calls[0]?.[0]).toContain(reason);
      expect(notify.mock.calls[0]?.[0]).toContain("the offline model answered");
      expect(loadedEmbedder()).toBeDefined();
    }, 60_000);
  }

  it("keep the offline names and say so when the chat model answers nonsense", async () => {
    const notify = vi.fn();
    const api = suggestionsApi(settings({ chatModel: "llama3.2" }));
    const columns = [{ id: "c1", cardIds: ["1", "2"] }];
    const withColumns = { ...board, columns, unplaced: ["3", "4"] };
    const offline = await boardSuggestions(inThisThread).names(withColumns);
    received.length = 0;
    behaviour = "nonsense names";
    const answer = await boardSuggestions(inThisThread, { api, notify }).names(withColumns);
    expect(received.map((request) => request.path)).toEqual(["/v1/embeddings", "/v1/chat/completions"]);
    expect(answer.names[0]?.label).toBe(offline.names[0]?.label);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify.mock.calls[0]?.[0]).toContain("failed (column names: /chat/completions answered an unexpected shape");
  }, 60_000);
});

describe("theme suggestions without SUGGESTIONS_URL", () => {
  it("send no card text anywhere", async () => {
    const config = loadConfig({ SUGGESTIONS_EMBEDDING_MODEL: "nomic-embed-text", SUGGESTIONS_API_KEY: "test-key" });
    expect(config.suggestionsApi).toBeUndefined();
    const fetching = vi.spyOn(globalThis, "fetch");
    try {
      const api = config.suggestionsApi && suggestionsApi(config.suggestionsApi);
      await boardSuggestions(inThisThread, { api }).clusters(board);
    } finally {
      fetching.mockRestore();
    }
    expect(fetching).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
  }, 60_000);

  it("is read from the environment, with the models it needs", () => {
    expect(
      loadConfig({ SUGGESTIONS_URL: url, SUGGESTIONS_EMBEDDING_MODEL: "nomic-embed-text" }).suggestionsApi,
    ).toMatchObject({ url, embeddingModel: "nomic-embed-text", timeoutMs: 10_000 });
    expect(() => loadConfig({ SUGGESTIONS_URL: url })).toThrow(/SUGGESTIONS_EMBEDDING_MODEL/);
  });
});
