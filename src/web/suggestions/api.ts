import { type SuggestionAnswer, type SuggestionKind, suggestionAnswerSchemas } from "../../core/index.js";
import { answerOf, apiErrorOf, facilitatorFetch } from "../api.js";

/** The facilitator's suggestion requests (`/api/workshops/:id/suggestions/*`). */
async function suggestions<K extends SuggestionKind>(
  workshopId: string,
  kind: K,
  signal?: AbortSignal,
): Promise<SuggestionAnswer<K>> {
  const response = await facilitatorFetch(workshopId, `/suggestions/${kind}`, signal ? { signal } : {});
  if (!response.ok) throw await apiErrorOf(response);
  return answerOf(suggestionAnswerSchemas[kind], response) as Promise<SuggestionAnswer<K>>;
}

export const fetchClusters = (workshopId: string, signal?: AbortSignal) => suggestions(workshopId, "clusters", signal);
export const fetchPlacements = (workshopId: string, signal?: AbortSignal) =>
  suggestions(workshopId, "placements", signal);
export const fetchDuplicates = (workshopId: string, signal?: AbortSignal) =>
  suggestions(workshopId, "duplicates", signal);
export const fetchNames = (workshopId: string, signal?: AbortSignal) => suggestions(workshopId, "names", signal);
