import { DndContext, DragOverlay } from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Actor,
  type Card,
  type CardPlace,
  type Command,
  type CommandType,
  isAllowed,
  locateCard,
  privacySettings,
  type Theme,
  type WorkshopState,
} from "../../core/index.js";
import { prefersReducedMotion } from "../components/motion.js";
import { isolate } from "../isolate.js";
import { newId } from "../newId.js";
import { boardAnnouncements, boardInstructions } from "./announcements.js";
import { CardPreview, CardWordsContext } from "./BoardCard.js";
import { BoardColumn, BoardPile } from "./BoardColumn.js";
import {
  canMoveCards,
  cardDragId,
  cardIdOf,
  columnDragId,
  containerOf,
  moveCommand,
  PILE_ID,
  placeCard,
  symbolOf,
  themeIdOf,
} from "./boardModel.js";
import { CardDialog, snippet } from "./CardDialog.js";
import { ColumnDialog } from "./ColumnDialog.js";
import { ColumnSymbol, useSymbolName } from "./ColumnSymbol.js";
import { FocusRequestContext } from "./focusRequest.js";
import { UndoToast } from "./UndoToast.js";
import { useBoardDrag } from "./useBoardDrag.js";
import { useFitToWindow } from "./useFitToWindow.js";
import { useLatestCallback, useSteadyArray, useSteadyCardLists, useSteadyExtras } from "./useSteady.js";

const NO_CARDS: readonly Card[] = [];
const shows = (node: ReactNode) => node !== null && node !== undefined && node !== false;

export type BoardVariant = "console" | "participant" | "projector";

export interface BoardProps {
  state: WorkshopState;
  actor: Actor;
  send: (command: Command) => void;
  variant: BoardVariant;
  /** What the console shows under a card's text: suggestions' hints and flags. */
  cardExtra?: ((card: Card) => ReactNode) | undefined;
  /** Controls the console adds to the board's toolbar (suggestions), on the row the board already takes. */
  toolbarExtra?: ReactNode;
  /** The lanes end at the window's bottom and each column scrolls its own cards (a laptop clustering). */
  fitToWindow?: boolean | undefined;
}

/**
 * The cluster board: columns in board order beside the unclustered pile. Cards move by mouse,
 * touch and keyboard; the facilitator's console also creates, reorders, merges and deletes
 * columns and edits, merges, footnotes and removes cards. It renders from `state` alone, plus a
 * local override for a move the server has not confirmed yet.
 */
export function Board({
  state,
  actor,
  send,
  variant,
  cardExtra: extra,
  toolbarExtra,
  fitToWindow = false,
}: BoardProps) {
  const { t } = useTranslation();
  const symbolName = useSymbolName();
  const [openCardId, setOpenCardId] = useState<string>();
  const [openThemeId, setOpenThemeId] = useState<string>();
  const [removed, setRemoved] = useState<{ card: Card; place: CardPlace | undefined }>();
  const [notice, setNotice] = useState("");
  const lanes = useRef<HTMLDivElement>(null);
  // A card moved from its menu lands in another list, as a new element: focus follows it there,
  // once it is there (until the server's state arrives, its element is still in its old list).
  // A card merged from its menu goes, with the focus on its element: focus goes to the merged card.
  const [focusAfter, setFocusAfter] = useState<{ cardId: string; lane: string }>();
  useEffect(() => {
    if (!focusAfter) return;
    const { cardId, lane } = focusAfter;
    const card = lanes.current?.querySelector<HTMLElement>(
      `[data-testid="${lane}"] [data-testid="card-${CSS.escape(cardId)}"]`,
    );
    if (card && !document.querySelector("dialog[open]")) {
      card.focus();
      setFocusAfter(undefined);
    }
  });
  useFitToWindow(lanes, fitToWindow);

  const { containers, containersRef, themes, activeId, moveColumn, dndProps } = useBoardDrag(state, send);

  const facilitatorConsole = variant === "console" && actor.role === "facilitator";
  const allowed = (type: CommandType) => facilitatorConsole && isAllowed(type, actor.role, state.phase);
  const cardsDraggable = variant !== "projector" && canMoveCards(state, actor);
  const columnsDraggable = allowed("moveTheme");
  // Names go on cards where the facilitator turned them on: never on a participant's own board.
  const showAuthors = variant !== "participant" && privacySettings(state.settings).showAuthors;

  const symbols = new Map(state.themes.map((theme, index) => [theme.id, symbolOf(theme, index)]));
  const columnName = (theme: Theme) =>
    theme.name.trim() || t("board.columnSymbol", { symbol: symbolName(symbols.get(theme.id) ?? 0) });
  const placeName = (containerId: string) => {
    const theme = state.themes.find((candidate) => columnDragId(candidate.id) === containerId);
    return theme ? columnName(theme) : t("board.pile");
  };

  const handleMoveButton = useLatestCallback((themeId: string, delta: -1 | 1) => {
    const order = themes.map((theme) => theme.id);
    moveColumn(themeId, order, order.indexOf(themeId) + delta);
    // Moving the column can move the focused button in the DOM; give focus back to it.
    requestAnimationFrame(() => {
      const buttons = [`[data-move="${delta}"]`, `[data-move="${-delta}"]`].map((selector) =>
        document.querySelector<HTMLButtonElement>(`[data-testid="column-${CSS.escape(themeId)}"] ${selector}`),
      );
      buttons.find((button) => button && !button.disabled)?.focus();
    });
  });
  const canMoveColumn = columnsDraggable;
  const canOpenColumn = allowed("mergeThemes") || allowed("deleteTheme");
  // One object for every column, the same while nothing in it changes (the columns are memoised).
  const columnTools = useMemo(
    () =>
      facilitatorConsole
        ? { canMove: canMoveColumn, canOpen: canOpenColumn, onMove: handleMoveButton, onOpen: setOpenThemeId }
        : undefined,
    [facilitatorConsole, canMoveColumn, canOpenColumn, handleMoveButton],
  );

  // --- what screen readers hear -------------------------------------------------------------
  const accessibility = {
    screenReaderInstructions: boardInstructions(t),
    announcements: boardAnnouncements(t, {
      name: (id) => {
        const cardId = cardIdOf(id);
        if (cardId !== undefined) return snippet(state.cards.get(cardId)?.text ?? "", 80);
        const theme = state.themes.find((candidate) => candidate.id === themeIdOf(id));
        return theme ? columnName(theme) : "";
      },
      cardPlace: (activeId, overId) => {
        const current = containersRef.current;
        const container = containerOf(current, overId) ?? containerOf(current, activeId) ?? PILE_ID;
        const cards = current[container] ?? [];
        const overCardId = cardIdOf(overId);
        const activeIndex = cards.indexOf(cardIdOf(activeId) ?? "");
        const index =
          overCardId !== undefined && cards.includes(overCardId) ? cards.indexOf(overCardId) : Math.max(activeIndex, 0);
        const total = activeIndex < 0 ? cards.length + 1 : cards.length;
        return { place: placeName(container), position: index + 1, total };
      },
      columnPlace: (overId) => {
        const order = themes.map((theme) => theme.id);
        return { position: order.indexOf(themeIdOf(overId) ?? "") + 1, total: order.length };
      },
    }),
  };

  // --- card and column actions --------------------------------------------------------------
  const handleRemove = (card: Card) => {
    setRemoved({ card, place: locateCard(state, card.id) });
    send({ type: "removeCard", cardId: card.id });
    setNotice(t("board.cardRemoved", { name: snippet(card.text, 40) }));
  };
  const handleUndo = () => {
    if (!removed) return;
    const { card, place } = removed;
    send({
      type: "restoreCard",
      card: {
        id: card.id,
        text: card.text,
        ...(card.author !== undefined ? { author: card.author } : {}),
        ...(card.group !== undefined ? { group: card.group } : {}),
      },
      toThemeId: place?.themeId ?? null,
      toIndex: place?.index ?? 0,
    });
    setRemoved(undefined);
    setNotice(t("board.cardRestored"));
  };
  const dismissToast = useCallback(() => setRemoved(undefined), []);
  const handleMoveTo = (card: Card, containerId: string) => {
    const command = moveCommand(placeCard(containers, card.id, containerId, Number.MAX_SAFE_INTEGER), card.id);
    if (!command) return;
    send(command);
    setFocusAfter({ cardId: card.id, lane: laneTestId(containerId) });
    setNotice(t("board.cardMovedTo", { name: snippet(card.text, 40), place: placeName(containerId) }));
  };
  const handleMerged = (targetCardId: string) => {
    const containerId = containerOf(containers, cardDragId(targetCardId));
    if (containerId !== undefined) setFocusAfter({ cardId: targetCardId, lane: laneTestId(containerId) });
  };
  const handleAddColumn = () => {
    send({ type: "createTheme", themeId: newId() });
    setNotice(t("board.columnAdded"));
  };

  const activeCard = activeId !== undefined ? state.cards.get(cardIdOf(activeId) ?? "") : undefined;
  const activeTheme =
    activeId !== undefined ? state.themes.find((theme) => theme.id === themeIdOf(activeId)) : undefined;
  const openCard = openCardId ? state.cards.get(openCardId) : undefined;
  const openTheme = openThemeId ? state.themes.find((theme) => theme.id === openThemeId) : undefined;
  const cardLists = useSteadyCardLists(containers, state.cards);
  const cardsOf = (containerId: string) => cardLists[containerId] ?? NO_CARDS;
  // What the console shows under each card, per list; none for most lists.
  const extras = useSteadyExtras(cardLists, extra, shows);
  const onOpenCard = facilitatorConsole ? setOpenCardId : undefined;
  const columnIds = useSteadyArray(themes.map((theme) => columnDragId(theme.id)));
  const cardWords = useMemo(() => ({ role: t("board.cardRole"), actions: t("board.cardActions") }), [t]);

  return (
    <section className={`board-root board-${variant}`} aria-label={t("board.label")}>
      {allowed("createTheme") && (
        <div className="board-toolbar">
          <p className="board-summary">
            {t("board.columnCount", { count: themes.length })} ·{" "}
            {t("board.cardCount", { count: Object.values(containers).flat().length })}
          </p>
          {toolbarExtra}
          <button type="button" className="board-add-column" data-testid="add-column" onClick={handleAddColumn}>
            <span aria-hidden="true" className="board-add-plus">
              +
            </span>
            {t("board.addColumn")}
          </button>
        </div>
      )}
      <CardWordsContext.Provider value={cardWords}>
        <FocusRequestContext.Provider value={focusAfter?.cardId}>
          <DndContext {...dndProps} accessibility={accessibility}>
            {/* Lanes that scroll sideways must be reachable by keyboard: when no card in them takes
            focus (read-only phone), the lanes themselves do. */}
            <div
              ref={lanes}
              className={`board-lanes${fitToWindow ? " board-lanes-fit" : ""}`}
              {...(variant !== "projector" && !cardsDraggable
                ? { tabIndex: 0, role: "region", "aria-label": t("board.lanes") }
                : {})}
            >
              {(variant !== "projector" || (containers[PILE_ID]?.length ?? 0) > 0) && (
                <BoardPile
                  cards={cardsOf(PILE_ID)}
                  boardEmpty={Object.values(containers).every((cards) => cards.length === 0)}
                  footnotes={state.footnotes}
                  cardsDraggable={cardsDraggable}
                  onOpenCard={onOpenCard}
                  showAuthors={showAuthors}
                  extras={extras[PILE_ID]}
                  scrolls={fitToWindow}
                />
              )}
              <SortableContext items={columnIds} strategy={rectSortingStrategy}>
                {themes.map((theme, index) => (
                  <BoardColumn
                    key={theme.id}
                    theme={theme}
                    symbol={symbols.get(theme.id) ?? 0}
                    label={columnName(theme)}
                    cards={cardsOf(columnDragId(theme.id))}
                    footnotes={state.footnotes}
                    cardsDraggable={cardsDraggable}
                    columnsDraggable={columnsDraggable}
                    onOpenCard={onOpenCard}
                    showAuthors={showAuthors}
                    extras={extras[columnDragId(theme.id)]}
                    scrolls={fitToWindow}
                    tools={columnTools}
                    toolsFirst={index === 0}
                    toolsLast={index === themes.length - 1}
                  />
                ))}
              </SortableContext>
            </div>
            {/* The drop glides the card into place with the Web Animations API, which CSS cannot stop. */}
            <DragOverlay dropAnimation={prefersReducedMotion() ? null : undefined}>
              {activeCard ? <CardPreview card={activeCard} footnotes={state.footnotes} /> : null}
              {activeTheme ? (
                <div className="board-column-overlay">
                  <ColumnSymbol symbol={symbols.get(activeTheme.id) ?? 0} size={24} />
                  <span>{columnName(activeTheme)}</span>
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
        </FocusRequestContext.Provider>
      </CardWordsContext.Provider>

      {state.footnotes.length > 0 && (
        <aside className="board-footnotes" aria-label={t("board.footnotes")}>
          <ul>
            {state.footnotes.map((footnote) => (
              <li key={footnote.mark}>
                <bdi className="board-footnote-mark">{footnote.mark}</bdi> <bdi>{footnote.text}</bdi>
              </li>
            ))}
          </ul>
        </aside>
      )}

      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      {removed && (
        <UndoToast
          key={removed.card.id}
          message={t("board.cardRemoved", { name: isolate(snippet(removed.card.text, 40)) })}
          onUndo={handleUndo}
          onDismiss={dismissToast}
        />
      )}
      {openCard && (
        <CardDialog
          state={state}
          card={openCard}
          containers={containers}
          placeName={placeName}
          send={send}
          onRemove={handleRemove}
          onMove={handleMoveTo}
          onMerged={handleMerged}
          onClose={() => setOpenCardId(undefined)}
        />
      )}
      {openTheme && (
        <ColumnDialog
          theme={openTheme}
          themes={themes}
          columnName={columnName}
          canMerge={allowed("mergeThemes")}
          canDelete={allowed("deleteTheme")}
          send={send}
          onClose={() => setOpenThemeId(undefined)}
        />
      )}
    </section>
  );
}

/** The test id of a lane's element (the pile or a column), for a selector. */
function laneTestId(containerId: string): string {
  const themeId = themeIdOf(containerId);
  return themeId === undefined ? "pile" : `column-${CSS.escape(themeId)}`;
}
