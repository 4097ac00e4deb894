import { useDndMonitor } from "@dnd-kit/core";
import {
  defaultRangeExtractor,
  elementScroll,
  type Range,
  type Rect,
  useVirtualizer,
  type Virtualizer,
} from "@tanstack/react-virtual";
import {
  type ComponentType,
  type CSSProperties,
  type FocusEvent,
  useCallback,
  useContext,
  useRef,
  useState,
} from "react";
import type { Card } from "../../core/index.js";
import type { BoardCardProps } from "./BoardCard.js";
import { cardIdOf } from "./boardModel.js";
import { FocusRequestContext } from "./focusRequest.js";
import { useInScrollerView } from "./useInScrollerView.js";

/** A list that scrolls in its lane renders only the cards in view from this many cards on. */
export const VIRTUAL_FROM = 40;

// A compact card with one line of text, before it is measured.
const ESTIMATED_HEIGHT = 44;
// The list's padding and gap (board.css, `.board-lanes-fit .board-cards`), in pixels.
const PADDING = 3;
const GAP = 5;

/**
 * A long list of cards that renders the cards in view and a few around them; the list keeps its
 * full height, so the scroll bar tells how long it is. Each card says its position and the
 * list's length to screen readers (aria-posinset, aria-setsize). The card that has focus and the
 * card being dragged stay rendered wherever they are, so that focus and a drag survive a scroll
 * (as does a card the board is about to focus, src/web/board/focusRequest.ts);
 * keyboard users reach the next cards with Tab, as the browser scrolls the focused card into view,
 * and a card carried by keyboard finds every neighbour (the whole list renders meanwhile). A list
 * in a lane scrolled out of the board's sight renders none but those two.
 */
export function VirtualCardList({
  cards,
  Item,
  cardProps,
}: {
  cards: readonly Card[];
  Item: ComponentType<BoardCardProps>;
  cardProps: (card: Card, index: number) => BoardCardProps;
}) {
  const list = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<string>();
  const [draggedId, setDraggedId] = useState<string>();
  const [keyboardDrag, setKeyboardDrag] = useState(false);
  const dragEnded = () => {
    setDraggedId(undefined);
    setKeyboardDrag(false);
  };
  // Drag events, not dnd-kit's context: the context changes with every card added anywhere.
  useDndMonitor({
    onDragStart: ({ active, activatorEvent }) => {
      setDraggedId(cardIdOf(active.id));
      setKeyboardDrag(activatorEvent instanceof KeyboardEvent);
    },
    onDragEnd: dragEnded,
    onDragCancel: dragEnded,
  });

  const focusRequest = useContext(FocusRequestContext);
  const indexOf = (cardId: string | undefined) =>
    cardId === undefined ? -1 : cards.findIndex((card) => card.id === cardId);
  // The focused card's neighbours too: Tab and Shift+Tab go next to a card that is already
  // there, rather than past the list when a quick key beats the scroll that would render it.
  const focused = indexOf(focusedId);
  const neighbours =
    focused < 0 ? [] : [focused - 1, focused + 1].filter((index) => index >= 0 && index < cards.length);
  const pinned = [...[focusedId, draggedId, focusRequest].map(indexOf).filter((index) => index >= 0), ...neighbours];
  const pinnedKey = pinned.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pinnedKey` is `pinned`, by value.
  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b),
    [pinnedKey],
  );
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => list.current,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => cards[index]?.id ?? index,
    // The arrow keys step a card from one drop target to the next one measured: while a card
    // is carried by keyboard, every card of the list is rendered, so that each step finds its
    // neighbour even past the cards that were in view (slower steps, on a long list). Otherwise
    // two cards beyond each edge: enough for Tab's next card, and each card rendered is one more
    // drop target measured as a drag starts.
    overscan: keyboardDrag ? cards.length : 2,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    gap: GAP,
    rangeExtractor,
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: observeListRect,
    scrollToFn: scrollList,
    measureElement: measureCard,
  });

  const inView = useInScrollerView(list, ".board-lanes");
  const items = virtualizer.getVirtualItems();
  const shown = inView || keyboardDrag ? items : items.filter((item) => pinned.includes(item.index));

  const handleFocus = (event: FocusEvent<HTMLUListElement>) => {
    const testId = event.target.closest("[data-testid^='card-']")?.getAttribute("data-testid");
    setFocusedId(testId ? testId.slice("card-".length) : undefined);
  };
  const handleBlur = (event: FocusEvent<HTMLUListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(undefined);
  };

  return (
    <ul
      ref={list}
      className="board-cards board-cards-virtual"
      style={{ "--virtual-height": `${virtualizer.getTotalSize()}px` } as CSSProperties}
      onFocus={handleFocus}
      onBlur={handleBlur}
    >
      {shown.map((item) => {
        const card = cards[item.index];
        if (!card) return null;
        return (
          <Item
            key={card.id}
            {...cardProps(card, item.index)}
            position={item.index + 1}
            setSize={cards.length}
            top={item.start}
            measure={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}

/*
 * The library reads a list's height as the list mounts, and each card's height as the card
 * mounts: each read lays the whole page out again, since the list before it changed the page. A
 * dozen lists of rendered cards paid that once per list and once per card before the board's
 * first paint, and again for each card a move brought into view. These read the sizes from
 * ResizeObserver alone, whose answers come after the browser's own layout, once for every list.
 */

function observeListRect(instance: Virtualizer<HTMLUListElement, Element>, onRect: (rect: Rect) => void) {
  const element = instance.scrollElement;
  if (!element) return;
  const observer = new ResizeObserver(() => onRect({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/** Scrolls the list, except to the top of a list there already (each list is asked once as it mounts). */
function scrollList(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLUListElement, Element>,
) {
  if (offset + (options.adjustments ?? 0) === 0 && !instance.scrollOffset) return;
  elementScroll(offset, options, instance);
}

/** A card's height: observed, else as last observed, else the estimate until it is observed. */
function measureCard(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLUListElement, Element>,
) {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? ESTIMATED_HEIGHT
  );
}
