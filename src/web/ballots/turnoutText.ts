import type { TFunction } from "i18next";
import type { TurnoutCounts } from "../../core/index.js";

/**
 * "5 voted of 6 invited · 1 through the shareable link": the invitees' turnout, then the
 * shareable link's votes apart, so that a stranger's vote never reads as an invitee's.
 */
export function turnoutText(t: TFunction, counts: TurnoutCounts): string {
  const invitees = t("ballots.panel.turnout", { voted: counts.invitedVoted, invited: counts.invited });
  return counts.shared > 0 ? `${invitees} · ${t("ballots.panel.shared", { count: counts.shared })}` : invitees;
}
