import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { CSSProperties, ReactNode } from "react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Card, Footnote, Theme } from "../../core/index.js";
import { BoardCard } from "./BoardCard.js";
import { cardDragId, columnDragId, PILE_ID } from "./boardModel.js";
import { ColumnSymbol, symbolColor } from "./ColumnSymbol.js";

interface CardListProps {
  containerId: string;
  cards: readonly Card[];
  footnotes: readonly Footnote[];
  cardsDraggable: boolean;
  onOpenCard: ((cardId: string) => void) | undefined;
  emptyText: string;
  /** What the console shows under a card's text (suggestions); nothing by default. */
  cardExtra?: ((card: Card) => ReactNode) | undefined;
}

/** The sortable list of cards inside a column or the pile. */
function CardList({ containerId, cards, footnotes, cardsDraggable, onOpenCard, emptyText, cardExtra }: CardListProps) {
  return (
    <SortableContext items={cards.map((card) => cardDragId(card.id))} strategy={verticalListSortingStrategy}>
      <ul className="board-cards">
        {cards.map((card) => (
          <BoardCard
            key={card.id}
            card={card}
            containerId={containerId}
            footnotes={footnotes}
            draggable={cardsDraggable}
            onOpen={onOpenCard}
            extra={cardExtra?.(card)}
          />
        ))}
      </ul>
      {cards.length === 0 && <p className="board-empty">{emptyText}</p>}
    </SortableContext>
  );
}

/** The unclustered pile: where cards arrive and where a deleted column's cards go back. */
export function BoardPile({
  boardEmpty,
  ...props
}: Omit<CardListProps, "containerId" | "emptyText"> & {
  /** No card anywhere yet: "every card is in a column" would say the opposite. */
  boardEmpty: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: PILE_ID, data: { type: "pile" }, disabled: !props.cardsDraggable });
  return (
    <section
      ref={setNodeRef}
      className={`board-lane board-pile${isOver ? " board-lane-over" : ""}${props.cards.length === 0 ? " board-pile-empty" : ""}`}
      aria-labelledby={headingId}
      data-testid="pile"
    >
      <header className="board-lane-header">
        <h3 id={headingId} className="board-lane-title">
          {t("board.pile")}
        </h3>
        <span className="board-count">{t("board.cardCount", { count: props.cards.length })}</span>
      </header>
      <CardList
        {...props}
        containerId={PILE_ID}
        emptyText={boardEmpty ? t("board.pileNoCards") : t("board.pileEmpty")}
      />
    </section>
  );
}

/** A column of the board; the facilitator's column tools come in as `tools`. */
export function BoardColumn(props: {
  theme: Theme;
  symbol: number;
  label: string;
  cards: readonly Card[];
  footnotes: readonly Footnote[];
  cardsDraggable: boolean;
  columnsDraggable: boolean;
  onOpenCard: ((cardId: string) => void) | undefined;
  tools?: ReactNode;
  cardExtra?: ((card: Card) => ReactNode) | undefined;
}) {
  const { theme, symbol, label, cardsDraggable, columnsDraggable } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, isOver, active } =
    useSortable({
      id: columnDragId(theme.id),
      data: { type: "column", themeId: theme.id },
      disabled: { draggable: !columnsDraggable, droppable: !cardsDraggable && !columnsDraggable },
      attributes: { roleDescription: t("board.columnRole") },
    });
  const cardOver = isOver && active?.data.current?.type === "card";
  const named = theme.name.trim() !== "";
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    "--board-accent": symbolColor(symbol),
  } as CSSProperties;
  return (
    <section
      ref={setNodeRef}
      style={style}
      className={`board-lane board-column${isDragging ? " board-column-placeholder" : ""}${cardOver ? " board-lane-over" : ""}`}
      aria-labelledby={headingId}
      data-testid={`column-${theme.id}`}
    >
      <header className="board-lane-header board-column-header">
        <div className="board-column-bar">
          {columnsDraggable && (
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="board-icon-button board-grip"
              {...attributes}
              {...listeners}
              aria-label={t("board.dragColumn", { column: label })}
            >
              <svg aria-hidden="true" width="12" height="18" viewBox="0 0 12 18" fill="currentColor">
                <circle cx="3" cy="3" r="1.6" />
                <circle cx="9" cy="3" r="1.6" />
                <circle cx="3" cy="9" r="1.6" />
                <circle cx="9" cy="9" r="1.6" />
                <circle cx="3" cy="15" r="1.6" />
                <circle cx="9" cy="15" r="1.6" />
              </svg>
            </button>
          )}
          {named ? (
            <ColumnSymbol symbol={symbol} size={16} />
          ) : (
            <h3 id={headingId} className="board-lane-title">
              <ColumnSymbol symbol={symbol} label={label} size={30} />
            </h3>
          )}
          <span className="board-count">{t("board.cardCount", { count: props.cards.length })}</span>
          {props.tools}
        </div>
        {named && (
          <h3 id={headingId} className="board-lane-title board-column-name" dir="auto">
            {theme.name}
          </h3>
        )}
      </header>
      {named && theme.keyPoints.length > 0 && (
        <ul className="board-key-points" aria-label={t("board.keyPoints")}>
          {theme.keyPoints.map((point) => (
            <li key={point} dir="auto">
              {point}
            </li>
          ))}
        </ul>
      )}
      <CardList
        containerId={columnDragId(theme.id)}
        cards={props.cards}
        footnotes={props.footnotes}
        cardsDraggable={cardsDraggable}
        onOpenCard={props.onOpenCard}
        cardExtra={props.cardExtra}
        emptyText={cardsDraggable ? t("board.dropHere") : t("board.emptyColumn")}
      />
    </section>
  );
}
