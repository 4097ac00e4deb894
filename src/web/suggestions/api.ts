import { apiErrorOf, facilitatorFetch } from "../api.js";
import type { ClusterProposal, Duplicates, NameSuggestions, Placements } from "./suggestions.js";

/** The facilitator's suggestion requests (`/api/workshops/:id/suggestions/*`). */
async function suggestions<T>(workshopId: string, kind: string, signal?: AbortSignal): Promise<T> {
  const response = await facilitatorFetch(workshopId, `/suggestions/${kind}`, signal ? { signal } : {});
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
