import type { TallyMethod } from "../../core/index.js";

/** Each method's name, as i18n keys. */
export const METHOD_LABELS: Record<TallyMethod, string> = {
  borda: "ballots.method.borda",
  irv: "ballots.method.irv",
  dots: "ballots.method.dots",
  rating: "ballots.method.rating",
};
