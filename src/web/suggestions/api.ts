import { apiErrorOf } from "../api.js";
import { facilitatorKey } from "../live/identity.js";
import type { ClusterProposal, Duplicates, NameSuggestions, Placements } from "./suggestions.js";

/**
 * The facilitator's suggestion requests (`/api/workshops/:id/suggestions/*`): the session cookie
 * goes along by default, a co-facilitator's workshop key as a header.
 */
async function suggestions<T>(workshopId: string, kind: string, signal?: AbortSignal): Promise<T> {
  const key = facilitatorKey(workshopId);
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/suggestions/${kind}`, {
    headers: key ? { "x-facilitator-key": key } : {},
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

export const fetchClusters = (workshopId: string, signal?: AbortSignal) =>
  suggestions<ClusterProposal>(workshopId, "clusters", signal);
export const fetchPlacements = (workshopId: string, signal?: AbortSignal) =>
  suggestions<Placements>(workshopId, "placements", signal);
export const fetchDuplicates = (workshopId: string, signal?: AbortSignal) =>
  suggestions<Duplicates>(workshopId, "duplicates", signal);
export const fetchNames = (workshopId: string, signal?: AbortSignal) =>
  suggestions<NameSuggestions>(workshopId, "names", signal);
