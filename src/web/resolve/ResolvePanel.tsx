import { useTranslation } from "react-i18next";
import type { Actor, Command, PeerFocusMessage, WorkshopState } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import { ThemeWriter } from "./ThemeWriter.js";
import "./resolve.css";

/** The resolve phase in the console: every theme's headline and narrative, written together. */
export function ResolvePanel(props: {
  state: WorkshopState;
  actor: Actor;
  client: LiveClient;
  peers: readonly PeerFocusMessage[];
  send: (command: Command) => void;
}) {
  const { t } = useTranslation();
  const { label } = useColumnLabel(props.state);
  return (
    <section className="panel resolve" aria-labelledby="resolve-heading" data-testid="resolve-panel">
      <h2 id="resolve-heading">{t("resolve.heading")}</h2>
      <p className="muted">{t("resolve.hint")}</p>
      <div className="resolve-themes">
        {props.state.themes.map((theme) => (
          <ThemeWriter
            key={theme.id}
            client={props.client}
            actor={props.actor}
            theme={theme}
            label={label(theme)}
            peers={props.peers}
            spotlit={theme.id === props.state.spotlightThemeId}
            onSpotlight={() => props.send({ type: "spotlightTheme", themeId: theme.id })}
          />
        ))}
      </div>
    </section>
  );
}
