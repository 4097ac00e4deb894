import {
  type ChangeEvent,
  type CSSProperties,
  type ReactNode,
  type SyntheticEvent,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { Actor, FocusField, PeerFocusMessage } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";
import type { LiveClient } from "../live/liveClient.js";
import { refusalText } from "../live/refusals.js";
import { shiftCaret } from "./coText.js";
import { useCoText } from "./useCoText.js";

/** Colours for co-writers' carets, picked by actor id so a person keeps theirs everywhere. */
const PEER_COLORS = ["#d93025", "#1e8e3e", "#8430ce", "#e8710a", "#00897b", "#d01884", "#1a73e8"];

export function peerColor(actorId: string): string {
  let hash = 0;
  for (const char of actorId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PEER_COLORS[hash % PEER_COLORS.length] ?? "#d93025";
}

/** How a co-writer is called beside their caret. */
export function usePeerName(): (peer: Pick<PeerFocusMessage, "name" | "role">) => string {
  const { t } = useTranslation();
  return (peer) => peer.name || (peer.role === "facilitator" ? t("resolve.cofacilitator") : t("resolve.someone"));
}

/**
 * A theme's headline or narrative as several people write it at once: the others' carets show in
 * the text, edits go out with the text they started from, and an overlap shows both texts side by
 * side for the writer to choose from.
 */
export function CoTextField(props: {
  client: LiveClient;
  actor: Actor;
  themeId: string;
  field: FocusField;
  label: string;
  value: string;
  peers: readonly PeerFocusMessage[];
  rows: number;
}) {
  const { client, themeId, field } = props;
  const { t } = useTranslation();
  const id = useId();
  const peerName = usePeerName();
  const box = useRef<HTMLTextAreaElement>(null);
  const { co, status, error, change, flush, choose } = useCoText({
    server: props.value,
    save: (text, base) =>
      client.sendAndWait(
        field === "headline"
          ? { type: "setHeadline", themeId, headline: text, base }
          : { type: "setNarrative", themeId, narrative: text, base },
      ),
    readServer: () => client.current.replica?.state.themes.find((theme) => theme.id === themeId)?.[field] ?? "",
  });

  // When others' words come into the draft, the caret moves with the text around it, not to the end.
  // It is shifted from the text it was read in: a keystroke and others' words can reach the draft
  // in one render, and the writer's own new letter must not count as a change before the caret.
  const typed = useRef(co.draft);
  const caret = useRef<[number, number]>([0, 0]);
  const caretIn = useRef(co.draft);
  // What the box shows: the draft of the last render, which a keystroke may beat to the screen.
  const shown = useRef(co.draft);
  useLayoutEffect(() => {
    const element = box.current;
    const before = caretIn.current;
    caretIn.current = co.draft;
    shown.current = co.draft;
    if (element) {
      // Grow with the text, so the carets drawn over it stay where the text is.
      element.style.height = "auto";
      element.style.height = `${element.scrollHeight}px`;
    }
    if (!element || co.draft === typed.current || document.activeElement !== element) return;
    const [start, end] = caret.current;
    caret.current = [shiftCaret(before, co.draft, start), shiftCaret(before, co.draft, end)];
    element.setSelectionRange(...caret.current);
  }, [co.draft]);

  const tellFocus = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd, value } = event.currentTarget;
    caret.current = [selectionStart, selectionEnd];
    caretIn.current = value;
    client.focus({ themeId, field, cursor: selectionStart });
  };
  const handleChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    typed.current = event.target.value;
    change(shown.current, event.target.value);
    tellFocus(event);
  };
  const handleBlur = () => {
    client.focus({ themeId, field: null, cursor: 0 });
    flush();
  };

  const here = props.peers.filter((peer) => peer.themeId === themeId && peer.field === field);
  const [manual, setManual] = useState<string>();

  return (
    <div className={`co-text co-text-${field}`}>
      <div className="co-text-label-row">
        <label htmlFor={id} className="co-text-label">
          {props.label}
        </label>
        <ul className="co-text-peers" aria-live="polite">
          {here.map((peer) => (
            <li key={peer.actorId} style={{ borderColor: peerColor(peer.actorId) }} data-testid="peer-chip">
              <UserMessage id="resolve.writingHere" values={{ name: peerName(peer) }} />
            </li>
          ))}
        </ul>
        <span className={`co-text-status co-text-status-${status}`} data-testid={`status-${field}-${themeId}`}>
          {status === "saving" ? t("resolve.saving") : status === "saved" ? t("resolve.saved") : ""}
        </span>
      </div>
      {co.conflict ? (
        <div className="co-text-conflict" role="alert" data-testid={`conflict-${field}-${themeId}`}>
          <p className="co-text-conflict-title">{t("resolve.conflict")}</p>
          <div className="co-text-versions">
            <figure>
              <figcaption>{t("resolve.theirs")}</figcaption>
              <p className="co-text-version" data-testid="conflict-theirs">
                {co.conflict.theirs}
              </p>
              <button type="button" className="naming-secondary" onClick={() => choose(co.conflict?.theirs ?? "")}>
                {t("resolve.keepTheirs")}
              </button>
            </figure>
            <figure>
              <figcaption>{t("resolve.mine")}</figcaption>
              <p className="co-text-version" data-testid="conflict-mine">
                {co.conflict.mine}
              </p>
              <button type="button" onClick={() => choose(co.conflict?.mine ?? "")} data-testid="keep-mine">
                {t("resolve.keepMine")}
              </button>
            </figure>
          </div>
          <label className="co-text-manual">
            {t("resolve.mergeByHand")}
            <textarea
              rows={props.rows}
              value={manual ?? co.conflict.mine}
              onChange={(event) => setManual(event.target.value)}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              choose(manual ?? co.conflict?.mine ?? "");
              setManual(undefined);
            }}
          >
            {t("resolve.useMerged")}
          </button>
        </div>
      ) : (
        <div className="co-text-area">
          <textarea
            ref={box}
            id={id}
            className="co-text-box"
            rows={props.rows}
            value={co.draft}
            maxLength={50_000}
            spellCheck
            data-testid={`${field}-${themeId}`}
            onChange={handleChange}
            onSelect={tellFocus}
            onFocus={tellFocus}
            onBlur={handleBlur}
          />
          <PeerCarets text={co.draft} peers={here} name={peerName} />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {t("resolve.failed", { reason: refusalText(t, error) })}
        </p>
      )}
    </div>
  );
}

/**
 * The co-writers' carets, drawn over the text box: a copy of the text laid out exactly as the box
 * lays it out (same font, padding and wrapping), invisible except for a bar and a name at each
 * caret.
 */
function PeerCarets(props: {
  text: string;
  peers: readonly PeerFocusMessage[];
  name: (peer: PeerFocusMessage) => string;
}) {
  if (props.peers.length === 0) return null;
  const sorted = [...props.peers].sort((a, b) => a.cursor - b.cursor);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const peer of sorted) {
    const cursor = Math.min(peer.cursor, props.text.length);
    parts.push(props.text.slice(at, cursor));
    parts.push(
      <span
        key={peer.actorId}
        className="co-caret"
        style={{ "--caret": peerColor(peer.actorId) } as CSSProperties}
        data-testid="peer-caret"
      >
        <bdi className="co-caret-name">{props.name(peer)}</bdi>
      </span>,
    );
    at = cursor;
  }
  parts.push(props.text.slice(at), "\u200b");
  return (
    <div className="co-text-box co-text-mirror" aria-hidden="true">
      {parts}
    </div>
  );
}
