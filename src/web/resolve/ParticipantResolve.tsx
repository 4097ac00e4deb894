import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Actor, entry, type PeerFocusMessage, type WorkshopState } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import { ThemeStatements } from "./ThemeStatements.js";
import { ThemeWriter } from "./ThemeWriter.js";
import "./resolve.css";

/**
 * On a phone in the resolve phase: an invited writer picks a theme and writes with the others;
 * everyone else follows the statements as they take shape.
 */
export function ParticipantResolve(props: {
  state: WorkshopState;
  actor: Actor;
  client: LiveClient;
  peers: readonly PeerFocusMessage[];
}) {
  const { state } = props;
  const { t } = useTranslation();
  const { label } = useColumnLabel(state);
  const [chosen, setChosen] = useState<string>();
  const invited = entry(state.participants, props.actor.id)?.writer === true;
  if (!invited) return <ThemeStatements state={state} variant="phone" />;
  const theme =
    state.themes.find((candidate) => candidate.id === chosen) ??
    state.themes.find((candidate) => candidate.id === state.spotlightThemeId) ??
    state.themes[0];
  return (
    <section className="participant-section resolve-phone" aria-labelledby="resolve-phone-heading">
      <h2 id="resolve-phone-heading" className="participant-section-title">
        {t("resolve.invited")}
      </h2>
      <label className="participant-composer-label">
        {t("resolve.pickTheme")}
        <select
          className="join-select"
          value={theme?.id ?? ""}
          data-testid="pick-theme"
          onChange={(event) => setChosen(event.target.value)}
        >
          {state.themes.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {label(candidate)}
            </option>
          ))}
        </select>
      </label>
      {theme && (
        <ThemeWriter
          key={theme.id}
          client={props.client}
          actor={props.actor}
          theme={theme}
          label={label(theme)}
          peers={props.peers}
        />
      )}
    </section>
  );
}
