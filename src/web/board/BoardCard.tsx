import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { createContext, type KeyboardEvent, memo, type ReactNode, useCallback, useContext } from "react";
import type { Card, Footnote } from "../../core/index.js";
import { isolate } from "../isolate.js";
import { cardDragId, footnotesOf, splitMarks } from "./boardModel.js";

/**
 * A card's text with its footnote marks raised; newlines (merged cards) are kept by CSS. Memoised:
 * dnd-kit renders every draggable card when a drag starts or ends, and the text has not changed.
 */
export const CardText = memo(function CardText({ text, footnotes }: { text: string; footnotes: readonly Footnote[] }) {
  const marks = footnotesOf(text, footnotes);
  return (
    // The card is the writer's text alone: isolated, with its own direction.
    <p className="board-card-text" dir="auto">
      {splitMarks(
        text,
        marks.map((footnote) => footnote.mark),
      ).map((part, index) =>
        part.mark ? (
          <sup
            // Parts are positional and never reordered, so the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            className="board-footnote-mark"
            title={noteOf(marks, part.text)}
          >
            {part.text}
          </sup>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
});

/** A footnote mark's note, for its hover title. */
function noteOf(marks: readonly Footnote[], mark: string): string | undefined {
  const note = marks.find((footnote) => footnote.mark === mark)?.text;
  return note === undefined ? undefined : isolate(note);
}

/** Who wrote a card, under its text, when the facilitator shows authors' names. */
export function CardAuthor({ name }: { name: string }) {
  return (
    <p className="board-card-author" data-testid="card-author" dir="auto">
      {name}
    </p>
  );
}

/** The title a card shows on hover: the text of the footnotes it carries. */
function footnoteTitle(text: string, footnotes: readonly Footnote[]): string | undefined {
  const marks = footnotesOf(text, footnotes);
  return marks.length > 0
    ? marks.map((footnote) => `${isolate(footnote.mark)} ${isolate(footnote.text)}`).join("\n")
    : undefined;
}

export interface BoardCardProps {
  card: Card;
  containerId: string;
  footnotes: readonly Footnote[];
  draggable: boolean;
  onOpen: ((cardId: string) => void) | undefined;
  /** The author's name, shown under the text where the facilitator turned names on. */
  author?: string | undefined;
  /** What the console adds under the text (a suggestion's hint or flag); not part of the drag handle. */
  extra?: ReactNode;
  /**
   * Its place in a virtualised list (src/web/board/VirtualCardList.tsx): its position from 1 and
   * the list's length for screen readers, its offset from the list's top in pixels, and the
   * callback that tells the list its height. Primitives, not one object, so that an unchanged
   * card keeps equal props and skips the render.
   */
  position?: number | undefined;
  setSize?: number | undefined;
  top?: number | undefined;
  measure?: ((node: Element | null) => void) | undefined;
}

/** The attributes and style a card takes from its place in a virtualised list. */
function placeProps({ position, setSize }: Pick<BoardCardProps, "position" | "setSize">) {
  if (position === undefined) return {};
  return {
    "aria-posinset": position,
    "aria-setsize": setSize,
    "data-index": position - 1,
  };
}

/**
 * What every card of a board says beside its text: its role for screen readers and its menu
 * button's label. Translated once for the board and shared, because a translation hook in each of
 * thousands of cards costs more than the rest of the card's render.
 */
export interface CardWords {
  role: string;
  actions: string;
}

export const CardWordsContext = createContext<CardWords | undefined>(undefined);

function useCardWords(): CardWords {
  const words = useContext(CardWordsContext);
  if (!words) throw new Error("A BoardCard is rendered inside a Board, which provides its words");
  return words;
}

/**
 * One card on the wall: a list item that is also the drag handle (mouse, touch, keyboard). The
 * facilitator's "…" button and Enter open the card's actions. Memoised: cards are shared between
 * states, so a card that did not change skips the render of a board where another one moved.
 */
export const BoardCard = memo(function BoardCard(props: BoardCardProps) {
  const { card, footnotes, draggable, onOpen, extra, author, measure, top } = props;
  const words = useCardWords();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, active } =
    useSortable({
      id: cardDragId(card.id),
      data: { type: "card", cardId: card.id, containerId: props.containerId },
      disabled: !draggable,
      // A list item stays a list item for screen readers; the role description says it moves.
      attributes: { role: "listitem", roleDescription: words.role },
    });
  // One callback for the card's life: a new one at each render would detach and attach the node
  // again, and the list would measure the card's height (a layout) at every render.
  const attach = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      setActivatorNodeRef(node);
      measure?.(node);
    },
    [setNodeRef, setActivatorNodeRef, measure],
  );
  const interactive = draggable || onOpen !== undefined;
  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || active || event.target !== event.currentTarget) return;
    if (event.key === "Enter" && onOpen) {
      event.preventDefault();
      onOpen(card.id);
    }
  };
  return (
    <li
      ref={attach}
      className={`board-card${isDragging ? " board-card-placeholder" : ""}${draggable ? " board-card-draggable" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition, top }}
      data-testid={`card-${card.id}`}
      title={footnoteTitle(card.text, footnotes)}
      {...(interactive ? attributes : { role: "listitem" })}
      {...placeProps(props)}
      {...(draggable ? listeners : {})}
      onKeyDown={interactive ? handleKeyDown : undefined}
    >
      <CardText text={card.text} footnotes={footnotes} />
      {author && <CardAuthor name={author} />}
      {extra}
      {onOpen && (
        <button
          type="button"
          className="board-icon-button board-card-menu"
          aria-label={words.actions}
          aria-haspopup="dialog"
          // Grabbing the button should not start a drag.
          onMouseDown={(event) => event.stopPropagation()}
          onTouchStart={(event) => event.stopPropagation()}
          onClick={() => onOpen(card.id)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
    </li>
  );
});

/**
 * A card nobody here can drag or open (the projector, a phone that may not move cards): the same
 * list item without dnd-kit's hooks, so a board of thousands registers no drop target per card.
 */
export const StaticCard = memo(function StaticCard(props: BoardCardProps) {
  const { card, footnotes, author, extra, measure, top } = props;
  return (
    <li
      ref={measure}
      className="board-card"
      style={top === undefined ? undefined : { top }}
      data-testid={`card-${card.id}`}
      title={footnoteTitle(card.text, footnotes)}
      {...placeProps(props)}
    >
      <CardText text={card.text} footnotes={footnotes} />
      {author && <CardAuthor name={author} />}
      {extra}
    </li>
  );
});

/** What follows the pointer while a card is dragged. */
export function CardPreview({ card, footnotes }: { card: Card; footnotes: readonly Footnote[] }) {
  return (
    // The tilt is on the inner card: dnd-kit measures the overlay's box, which must stay upright
    // for the arrow keys to find the cards beside it.
    <div className="board-card-overlay">
      <div className="board-card">
        <CardText text={card.text} footnotes={footnotes} />
      </div>
    </div>
  );
}
