import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Actor, WorkshopState } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import "./voting.css";
import { type Refusal, refusalText } from "../live/refusals.js";

/**
 * Dot voting on a phone: tap + or − on a theme; the dots left show at the top. A tap shows at once
 * and goes to the server as the new count for that theme, so repeated taps never double-count.
 */
export function DotVote({ state, actor, client }: { state: WorkshopState; actor: Actor; client: LiveClient }) {
  const { t } = useTranslation();
  const { label } = useColumnLabel(state);
  /** Counts tapped but not yet confirmed by the server, per theme. */
  const [pending, setPending] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<Refusal>();
  const { voteBudget, votesPerThemeCap } = state.settings;
  const confirmed = (themeId: string) =>
    state.votes.find((vote) => vote.voterId === actor.id && vote.themeId === themeId)?.count ?? 0;
  const mine = (themeId: string) => pending[themeId] ?? confirmed(themeId);
  const spent = state.themes.reduce((sum, theme) => sum + mine(theme.id), 0);
  const left = Math.max(0, voteBudget - spent);
  const open = state.voting.status === "open";

  const handleTap = (themeId: string, delta: 1 | -1) => {
    const count = mine(themeId) + delta;
    if (count < 0 || count > votesPerThemeCap || (delta > 0 && left === 0)) return;
    setPending((current) => ({ ...current, [themeId]: count }));
    setProblem(undefined);
    client.sendAndWait({ type: "castVote", themeId, count }).then((outcome) => {
      if (!outcome.ok) setProblem(outcome);
      // The newest tap for this theme settles it; an older answer leaves the newer count showing.
      setPending((current) => {
        if (current[themeId] !== count) return current;
        const { [themeId]: _settled, ...rest } = current;
        return rest;
      });
    });
  };

  return (
    <div className="dot-vote-wrap">
      <section className="participant-section dot-vote" aria-labelledby="dot-vote-heading" data-testid="dot-vote">
        <h2 id="dot-vote-heading" className="participant-section-title">
          {t("voting.phoneHeading")}
        </h2>
        {open ? (
          <p className="dot-vote-left" aria-live="polite" data-testid="dots-left">
            {t("voting.left", { count: left, budget: voteBudget })}
          </p>
        ) : (
          <p className="participant-section-hint" data-testid="voting-closed">
            {state.votes.some((vote) => vote.voterId === actor.id)
              ? t("voting.phoneClosedAfter")
              : t("voting.phoneClosed")}
          </p>
        )}
        <p className="participant-section-hint">{t("voting.capHint", { count: votesPerThemeCap })}</p>
        <ul className="dot-vote-themes">
          {state.themes.map((theme) => {
            const count = mine(theme.id);
            return (
              <li key={theme.id} className="dot-vote-theme" data-testid={`vote-${theme.id}`} data-count={count}>
                <div className="grow">
                  <p className="dot-vote-name" dir="auto">
                    {label(theme)}
                  </p>
                  {theme.headline && (
                    <p className="dot-vote-headline" dir="auto">
                      {theme.headline}
                    </p>
                  )}
                  <p className="dot-vote-dots" role="img" aria-label={t("voting.yourDots", { count })}>
                    {Array.from({ length: votesPerThemeCap }, (_, index) => (
                      // Dots are interchangeable places, never reordered: the position is the identity.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <span key={index} className={index < count ? "dot is-on" : "dot"} />
                    ))}
                  </p>
                </div>
                <div className="dot-vote-buttons">
                  <button
                    type="button"
                    className="dot-vote-button"
                    disabled={!open || count === 0}
                    aria-label={t("voting.remove", { theme: label(theme) })}
                    onClick={() => handleTap(theme.id, -1)}
                  >
                    −
                  </button>
                  <button
                    type="button"
                    className="dot-vote-button"
                    disabled={!open || count >= votesPerThemeCap || left === 0}
                    aria-label={t("voting.add", { theme: label(theme) })}
                    onClick={() => handleTap(theme.id, 1)}
                  >
                    +
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
        {problem && (
          <p role="alert" className="participant-notice is-error">
            {refusalText(t, problem)}
          </p>
        )}
      </section>
    </div>
  );
}
