import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type CSSProperties, memo, type ReactNode, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Card, Footnote, Theme } from "../../core/index.js";
import { BoardCard, type BoardCardProps, StaticCard } from "./BoardCard.js";
import { cardDragId, columnDragId, PILE_ID } from "./boardModel.js";
import { ColumnSymbol, symbolColor } from "./ColumnSymbol.js";
import { ColumnTools } from "./ColumnTools.js";
import { VIRTUAL_FROM, VirtualCardList } from "./VirtualCardList.js";

interface CardListProps {
  containerId: string;
  cards: readonly Card[];
  footnotes: readonly Footnote[];
  cardsDraggable: boolean;
  onOpenCard: ((cardId: string) => void) | undefined;
  emptyText: string;
  /** Names under the cards (the facilitator turned them on; never on a participant's own board). */
  showAuthors: boolean;
  /** What the console shows under each card (suggestions), in the order of `cards`; nothing by default. */
  extras?: readonly ReactNode[] | undefined;
  /** The list scrolls inside its lane (a laptop clustering): a long one renders only what is in view. */
  scrolls: boolean;
}

/** The sortable list of cards inside a column or the pile. */
function CardList({ containerId, cards, cardsDraggable, emptyText, scrolls, ...rest }: CardListProps) {
  // The same array while the cards stay the same: dnd-kit's context for this list keeps its
  // value, and the cards' own hooks do not run again.
  const items = useMemo(() => cards.map((card) => cardDragId(card.id)), [cards]);
  const cardProps = (card: Card, index: number): BoardCardProps => ({
    card,
    containerId,
    footnotes: rest.footnotes,
    draggable: cardsDraggable,
    onOpen: rest.onOpenCard,
    author: rest.showAuthors ? card.author : undefined,
    extra: rest.extras?.[index],
  });
  // Cards nobody here can drag or open go without dnd-kit's hooks (the projector, most phones).
  const Item = cardsDraggable || rest.onOpenCard !== undefined ? BoardCard : StaticCard;
  return (
    <SortableContext items={items} strategy={verticalListSortingStrategy}>
      {scrolls && cards.length > VIRTUAL_FROM ? (
        <VirtualCardList cards={cards} Item={Item} cardProps={cardProps} />
      ) : (
        <ul className="board-cards">
          {cards.map((card, index) => (
            <Item key={card.id} {...cardProps(card, index)} />
          ))}
        </ul>
      )}
      {cards.length === 0 && <p className="board-empty">{emptyText}</p>}
    </SortableContext>
  );
}

/** The unclustered pile: where cards arrive and where a deleted column's cards go back. Memoised, like the columns. */
export const BoardPile = memo(function BoardPile({
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
});

/** The facilitator's column tools, as values and handlers that keep their identity between renders. */
export interface ColumnToolsProps {
  first: boolean;
  last: boolean;
  canMove: boolean;
  canOpen: boolean;
  onMove: (themeId: string, delta: -1 | 1) => void;
  onOpen: (themeId: string) => void;
}

/**
 * A column of the board, with the facilitator's column tools when `tools` is given. Memoised:
 * every prop keeps its identity while the column is unchanged (its cards: useSteadyCardLists),
 * so a move renders the two columns it touched and skips the others.
 */
export const BoardColumn = memo(function BoardColumn(
  props: Omit<CardListProps, "containerId" | "emptyText"> & {
    theme: Theme;
    symbol: number;
    label: string;
    columnsDraggable: boolean;
    /** The facilitator's tools; absent elsewhere. Spread as primitives so that memo compares them. */
    toolsFirst?: boolean | undefined;
    toolsLast?: boolean | undefined;
    tools?: Omit<ColumnToolsProps, "first" | "last"> | undefined;
  },
) {
  const { theme, symbol, label, cardsDraggable, columnsDraggable, tools } = props;
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
          {tools && (
            <ColumnTools
              label={label}
              first={props.toolsFirst ?? false}
              last={props.toolsLast ?? false}
              canMove={tools.canMove}
              canOpen={tools.canOpen}
              onMove={(delta) => tools.onMove(theme.id, delta)}
              onOpen={() => tools.onOpen(theme.id)}
            />
          )}
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
        showAuthors={props.showAuthors}
        extras={props.extras}
        scrolls={props.scrolls}
        emptyText={cardsDraggable ? t("board.dropHere") : t("board.emptyColumn")}
      />
    </section>
  );
});
