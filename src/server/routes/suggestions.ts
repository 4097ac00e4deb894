import type { FastifyInstance } from "fastify";
import { clustersQuery, type SuggestionKind, suggestionAnswerSchemas, workshopParams } from "../../core/index.js";
import { boardSuggestions } from "../../themes/jobs/suggestions.js";
import { suggestionThread } from "../../themes/jobs/suggestionThread.js";
import { type SuggestionsApiSettings, suggestionsApi } from "../../themes/model/suggestionsApi.js";
import { type Board, boardFromState } from "../../themes/suggest/board.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import type { EventBus } from "../eventBus.js";
import type { WorkshopService } from "../workshopService.js";
import { jsonSchema, parse, responds } from "./schemas.js";
import { embedCardsOnArrival } from "./suggestionsAhead.js";

export interface SuggestionRoutesOptions {
  service: WorkshopService;
  auth: FacilitatorAuth;
  /** Committed events: each card's text is embedded as it arrives (see `embedCardsOnArrival`). */
  bus: EventBus;
  /** The optional OpenAI-compatible API (SUGGESTIONS_URL), asked before the offline model. */
  api?: SuggestionsApiSettings;
}

/**
 * Theme suggestions computed from a workshop's current state, in the JSON shapes of
 * `concord themes`. Facilitator only: suggestions are a preview for the person who decides, and
 * each request costs real CPU — in a worker thread (see `suggestionThread.ts`), so that the room's
 * WebSockets are served meanwhile.
 */
export async function suggestionRoutes(app: FastifyInstance, options: SuggestionRoutesOptions) {
  const { service, auth, bus } = options;
  const stopEmbedding = embedCardsOnArrival(bus, service);
  // Started on the first request; one job at a time, the others wait their turn.
  const thread = suggestionThread();
  const api = options.api ? suggestionsApi(options.api) : undefined;
  // Said once, as the server starts: whoever runs it learns that card texts leave this machine.
  if (api) {
    app.log.warn(
      `Theme suggestions: card texts are sent to ${api.host} (SUGGESTIONS_URL) to be embedded` +
        `${api.namesColumns ? " and columns named" : ""}; the offline model answers when it fails.`,
    );
  }
  const suggest = boardSuggestions(thread, { api, notify: (message) => app.log.warn(message) });
  app.addHook("onClose", async () => {
    stopEmbedding();
    await thread.stop();
  });
  const boardOf = async (id: string) => boardFromState((await service.get(id)).state);

  app.get(
    "/api/workshops/:id/suggestions/clusters",
    {
      schema: {
        tags: ["suggestions"],
        summary: "Suggested columns (names, key points), unfitting cards and near-duplicates, from all cards",
        params: jsonSchema(workshopParams),
        querystring: jsonSchema(clustersQuery),
        response: responds(suggestionAnswerSchemas.clusters),
      },
    },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      const { clusters } = parse(clustersQuery, request.query);
      await auth.assertFacilitator(request, id);
      return suggest.clusters(await boardOf(id), clusters);
    },
  );

  // The suggestions that read the board as it is, with no query of their own.
  const readingTheBoard: [Exclude<SuggestionKind, "clusters">, string, (board: Board) => Promise<unknown>][] = [
    ["placements", "For each unclustered card, every column ranked best fit first", suggest.placements],
    ["duplicates", "Pairs of cards that say the same thing, for the facilitator to merge", suggest.duplicates],
    ["names", "For each column, a suggested name and key points drawn from its own cards", suggest.names],
  ];
  for (const [kind, summary, suggestFor] of readingTheBoard) {
    app.get(
      `/api/workshops/:id/suggestions/${kind}`,
      {
        schema: {
          tags: ["suggestions"],
          summary,
          params: jsonSchema(workshopParams),
          response: responds(suggestionAnswerSchemas[kind]),
        },
      },
      async (request) => {
        const { id } = parse(workshopParams, request.params);
        await auth.assertFacilitator(request, id);
        return suggestFor(await boardOf(id));
      },
    );
  }
}
