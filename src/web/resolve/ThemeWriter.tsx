import { useTranslation } from "react-i18next";
import type { Actor, PeerFocusMessage, Theme } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { CoTextField, peerColor, usePeerName } from "./CoTextField.js";
import "./resolve.css";

/** One theme's headline and narrative, written together; who else is in this theme shows on top. */
export function ThemeWriter(props: {
  client: LiveClient;
  actor: Actor;
  theme: Theme;
  label: string;
  peers: readonly PeerFocusMessage[];
  /** In the console: puts this theme on the projector. */
  onSpotlight?: (() => void) | undefined;
  spotlit?: boolean;
}) {
  const { theme } = props;
  const { t } = useTranslation();
  const peerName = usePeerName();
  const here = props.peers.filter((peer) => peer.themeId === theme.id && peer.field !== null);
  return (
    <article className="theme-writer" aria-labelledby={`writer-${theme.id}`} data-testid={`writer-${theme.id}`}>
      <header className="theme-writer-header">
        <h3 id={`writer-${theme.id}`} dir="auto">
          {props.label}
        </h3>
        {props.onSpotlight &&
          (props.spotlit ? (
            <span className="theme-writer-spotlit">{t("resolve.onScreen")}</span>
          ) : (
            <button type="button" className="naming-secondary theme-writer-spotlight" onClick={props.onSpotlight}>
              {t("resolve.putOnScreen")}
            </button>
          ))}
        {here.length > 0 && (
          <p className="theme-writer-peers">
            {here.map((peer) => (
              <span key={peer.actorId} className="theme-writer-peer" style={{ background: peerColor(peer.actorId) }}>
                <bdi>{peerName(peer)}</bdi>
              </span>
            ))}
          </p>
        )}
      </header>
      {theme.keyPoints.length > 0 && (
        <ul className="theme-writer-points" aria-label={t("naming.keyPoints")}>
          {theme.keyPoints.map((point) => (
            <li key={point} dir="auto">
              {point}
            </li>
          ))}
        </ul>
      )}
      <CoTextField
        client={props.client}
        actor={props.actor}
        themeId={theme.id}
        field="headline"
        label={t("resolve.headline")}
        value={theme.headline}
        peers={props.peers}
        rows={2}
      />
      <CoTextField
        client={props.client}
        actor={props.actor}
        themeId={theme.id}
        field="narrative"
        label={t("resolve.narrative")}
        value={theme.narrative}
        peers={props.peers}
        rows={5}
      />
    </article>
  );
}
