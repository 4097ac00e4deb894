import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Card, type Command, LIMITS, type WorkshopState } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";
import { type Containers, cardDragId, containerOf, footnotesOf, nextFreeMark, withoutMark } from "./boardModel.js";
import { Modal } from "./Modal.js";

/** A card's text shortened for a list of choices. */
export function snippet(text: string, length = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * The facilitator's tools for one card: edit its text, move it to a column (the same command as
 * a drag), merge it into another card (both texts are kept), add or remove a footnote mark,
 * remove it (the board offers an undo).
 */
export function CardDialog(props: {
  state: WorkshopState;
  card: Card;
  containers: Containers;
  placeName: (containerId: string) => string;
  send: (command: Command) => void;
  onRemove: (card: Card) => void;
  /** Puts the card at the end of a lane (the pile or a column), as a drag there does. */
  onMove: (card: Card, containerId: string) => void;
  /** The card was merged into the card `targetCardId`. */
  onMerged: (targetCardId: string) => void;
  onClose: () => void;
}) {
  const { state, card, send, onClose } = props;
  const { t } = useTranslation();
  const ids = { text: useId(), merge: useId(), mark: useId(), note: useId() };
  const here = containerOf(props.containers, cardDragId(card.id));
  const [text, setText] = useState(card.text);
  const [mergeTarget, setMergeTarget] = useState("");
  const [mark, setMark] = useState(() => nextFreeMark(state.footnotes));
  const [note, setNote] = useState("");
  const marks = footnotesOf(card.text, state.footnotes);

  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed && trimmed !== card.text) send({ type: "editCard", cardId: card.id, text: trimmed });
    onClose();
  };
  const handleMerge = (event: FormEvent) => {
    event.preventDefault();
    if (!mergeTarget) return;
    send({ type: "mergeCards", sourceCardId: card.id, targetCardId: mergeTarget });
    props.onMerged(mergeTarget);
    onClose();
  };
  const handleFootnote = (event: FormEvent) => {
    event.preventDefault();
    const cleanMark = mark.trim();
    const cleanNote = note.trim();
    if (!cleanMark || !cleanNote) return;
    if (!card.text.includes(cleanMark)) send({ type: "editCard", cardId: card.id, text: `${card.text}${cleanMark}` });
    send({ type: "setFootnote", mark: cleanMark, text: cleanNote });
    onClose();
  };
  const handleRemoveMark = (removed: string) => {
    send({ type: "editCard", cardId: card.id, text: withoutMark(card.text, removed) });
    // The note goes too once no other card carries its mark.
    const elsewhere = [...state.cards.values()].some((other) => other.id !== card.id && other.text.includes(removed));
    if (!elsewhere) send({ type: "removeFootnote", mark: removed });
    onClose();
  };

  return (
    <Modal title={t("board.cardDialog.title")} onClose={onClose}>
      <form className="board-form" onSubmit={handleSave}>
        <label htmlFor={ids.text}>{t("board.cardDialog.text")}</label>
        <textarea
          id={ids.text}
          data-autofocus
          value={text}
          rows={4}
          maxLength={LIMITS.cardText}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) handleSave(event);
          }}
          required
        />
        <div className="board-form-actions">
          <button type="submit">{t("board.cardDialog.save")}</button>
        </div>
      </form>

      {/* The way to move a card without dragging: for the keyboard, screen readers and tired hands. */}
      <fieldset className="board-form board-move">
        <legend className="board-form-title">{t("board.cardDialog.moveTo")}</legend>
        <ul className="board-move-list">
          {Object.keys(props.containers).map((containerId) => (
            <li key={containerId}>
              <button
                type="button"
                className="board-secondary"
                disabled={containerId === here}
                aria-current={containerId === here ? "location" : undefined}
                onClick={() => {
                  props.onMove(card, containerId);
                  onClose();
                }}
              >
                {containerId === here ? (
                  <UserMessage id="board.cardDialog.currentPlace" values={{ place: props.placeName(containerId) }} />
                ) : (
                  props.placeName(containerId)
                )}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>

      <form className="board-form" onSubmit={handleMerge}>
        <label htmlFor={ids.merge}>{t("board.cardDialog.mergeInto")}</label>
        <p className="board-hint">{t("board.cardDialog.mergeHint")}</p>
        <div className="board-form-row">
          <select id={ids.merge} value={mergeTarget} onChange={(event) => setMergeTarget(event.target.value)}>
            <option value="">{t("board.cardDialog.chooseCard")}</option>
            {Object.entries(props.containers).map(([containerId, cardIds]) => {
              const others = cardIds.filter((id) => id !== card.id);
              if (others.length === 0) return null;
              return (
                <optgroup key={containerId} label={props.placeName(containerId)}>
                  {others.map((id) => (
                    <option key={id} value={id}>
                      {snippet(state.cards.get(id)?.text ?? "")}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
          <button type="submit" disabled={!mergeTarget}>
            {t("board.cardDialog.merge")}
          </button>
        </div>
      </form>

      <section className="board-form" aria-label={t("board.cardDialog.footnotes")}>
        <h3 className="board-form-title">{t("board.cardDialog.footnotes")}</h3>
        {marks.length > 0 && (
          <ul className="board-mark-list">
            {marks.map((footnote) => (
              <li key={footnote.mark}>
                <span>
                  <strong>
                    <bdi>{footnote.mark}</bdi>
                  </strong>{" "}
                  <bdi>{footnote.text}</bdi>
                </span>
                <button type="button" className="board-secondary" onClick={() => handleRemoveMark(footnote.mark)}>
                  <UserMessage id="board.cardDialog.removeMark" values={{ mark: footnote.mark }} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="board-form-row" onSubmit={handleFootnote}>
          <span className="board-field board-field-mark">
            <label htmlFor={ids.mark}>{t("board.cardDialog.mark")}</label>
            <input
              id={ids.mark}
              value={mark}
              maxLength={10}
              onChange={(event) => setMark(event.target.value)}
              required
            />
          </span>
          <span className="board-field board-field-grow">
            <label htmlFor={ids.note}>{t("board.cardDialog.note")}</label>
            <input
              id={ids.note}
              value={note}
              maxLength={LIMITS.shortText}
              onChange={(event) => setNote(event.target.value)}
              required
            />
          </span>
          <button type="submit">{t("board.cardDialog.addFootnote")}</button>
        </form>
      </section>

      <div className="board-form board-danger-zone">
        <button
          type="button"
          className="board-danger"
          onClick={() => {
            props.onRemove(card);
            onClose();
          }}
        >
          {t("board.cardDialog.remove")}
        </button>
      </div>
    </Modal>
  );
}
