import { useMemo } from "react";
import type { WorkshopState } from "../../core/index.js";
import { fetchNames } from "./api.js";
import { boardSignature } from "./suggestions.js";
import { refreshDelay, useRefreshedSuggestion } from "./useSuggestion.js";
import "./suggestions.css";

/**
 * The suggested name and key points of each column (by theme id), for the facilitator naming the
 * columns; refreshed when the columns' cards change. Empty until the server has answered.
 */
export function useNameSuggestions(state: WorkshopState): Map<string, { label: string; keyPoints: string[] }> {
  const key = useMemo(() => boardSignature(state), [state]);
  const answer = useRefreshedSuggestion(
    state.id,
    key,
    fetchNames,
    state.themes.length > 0,
    refreshDelay(state.cards.size),
  );
  return useMemo(
    () =>
      new Map(
        (answer?.names ?? [])
          .filter((name) => name.label.trim() !== "")
          .map((name) => [name.themeId, { label: name.label, keyPoints: name.keyPoints }]),
      ),
    [answer],
  );
}
