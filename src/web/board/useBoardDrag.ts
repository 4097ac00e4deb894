import {
  type CollisionDetection,
  closestCenter,
  type DndContextProps,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  getClientRect,
  getFirstCollision,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Command, Theme, WorkshopState } from "../../core/index.js";
import { prefersReducedMotion } from "../components/motion.js";
import {
  boardContainers,
  type Containers,
  cardIdOf,
  containerOf,
  moveCommand,
  orderThemes,
  placeCard,
  themeIdOf,
} from "./boardModel.js";
import { BOARD_KEYBOARD_CODES, boardCoordinates } from "./keyboard.js";

/** A move shown before the server confirms it; it lasts until the next state arrives. */
interface Optimistic {
  base: WorkshopState;
  containers?: Containers;
  order?: string[];
}

/** A drag in progress: the lists as the dragged card has rearranged them so far. */
interface Drag {
  id: UniqueIdentifier;
  containers: Containers;
  order: string[];
}

/** What the board renders while cards and columns move, and the props that make them move. */
export interface BoardDrag {
  /** Card ids per container, as the board shows them now (mid-drag, optimistic or from the state). */
  containers: Containers;
  /** The same, for callbacks that run between renders (dnd-kit's collision and keyboard code). */
  containersRef: RefObject<Containers>;
  /** Columns in the order shown. */
  themes: Theme[];
  /** The drag id of what is being dragged, if anything. */
  activeId: UniqueIdentifier | undefined;
  /** Moves a column to position `to` of `order`, showing it there at once. */
  moveColumn: (themeId: string, order: readonly string[], to: number) => void;
  dndProps: Pick<
    DndContextProps,
    "sensors" | "collisionDetection" | "measuring" | "onDragStart" | "onDragOver" | "onDragEnd" | "onDragCancel"
  >;
}

/**
 * Drag and drop of cards (between and within columns and the pile) and of columns, with mouse,
 * touch and keyboard. A drop is shown at once and sent as one command; the board goes back to
 * the server's state as soon as a newer one arrives.
 */
export function useBoardDrag(state: WorkshopState, send: (command: Command) => void): BoardDrag {
  const fromState = useMemo(() => boardContainers(state), [state]);
  const [optimistic, setOptimistic] = useState<Optimistic>();
  const [drag, setDrag] = useState<Drag>();

  // Keyed to the state it was made on: any newer state from the server replaces it.
  const settled = optimistic?.base === state ? optimistic : undefined;
  const containers = drag?.containers ?? settled?.containers ?? fromState;
  const themes = orderThemes(state.themes, drag?.order ?? settled?.order);
  const containersRef = useRef(containers);
  containersRef.current = containers;

  const lastOverId = useRef<UniqueIdentifier | null>(null);
  const movedToNewContainer = useRef(false);
  useEffect(() => {
    if (!containers) return;
    const frame = requestAnimationFrame(() => {
      movedToNewContainer.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [containers]);

  /**
   * Columns aim only at columns. A card aims at what is under the pointer (or overlaps it, for
   * the keyboard); over a column that holds cards it aims at the nearest of them, so the card
   * lands between neighbours rather than always at the column's end.
   */
  const collisionDetection: CollisionDetection = useCallback((args) => {
    if (args.active.data.current?.type === "column") {
      return closestCenter({
        ...args,
        droppableContainers: args.droppableContainers.filter((entry) => entry.data.current?.type === "column"),
      });
    }
    // A pointer (mouse, touch) aims at what is under it; in the gap between two lanes it keeps
    // its last target. Falling back to the overlap there flips the card between the two lanes,
    // each move shifting the layout under a still pointer, until React gives up (update depth).
    // The keyboard has no pointer: it aims by overlap.
    const hits = args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);
    let overId = getFirstCollision(hits, "id");
    if (overId != null) {
      const inside = containersRef.current[String(overId)];
      if (inside && inside.length > 0) {
        const cards = args.droppableContainers.filter((entry) => inside.includes(cardIdOf(entry.id) ?? ""));
        overId = closestCenter({ ...args, droppableContainers: cards })[0]?.id ?? overId;
      }
      lastOverId.current = overId;
      return [{ id: overId }];
    }
    // Right after a card changes column the layout shifts and nothing may be under it for a frame.
    if (movedToNewContainer.current) lastOverId.current = args.active.id;
    return lastOverId.current != null ? [{ id: lastOverId.current }] : [];
  }, []);

  const keyboardOptions = useMemo(
    () => ({
      coordinateGetter: boardCoordinates(containersRef),
      keyboardCodes: BOARD_KEYBOARD_CODES,
      // The board scrolls to follow a card moved by keyboard: smoothly, unless motion is reduced.
      scrollBehavior: prefersReducedMotion() ? ("auto" as const) : ("smooth" as const),
    }),
    [],
  );
  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  const handleDragStart = ({ active }: DragStartEvent) => {
    lastOverId.current = null;
    setDrag({ id: active.id, containers: containersRef.current, order: themes.map((theme) => theme.id) });
  };

  const handleDragOver = ({ active, over }: DragOverEvent) => {
    const cardId = cardIdOf(active.id);
    if (cardId === undefined || !over) return;
    // One change of lane per frame. Moving a card reflows both lanes (cards with a hint or a flag
    // under them are taller), and the keyboard aims by overlap: measured again in the same frame,
    // the card can overlap its old lane most and go back, again and again, until React gives up
    // (update depth exceeded). The next frame measures the settled layout.
    if (movedToNewContainer.current) return;
    const current = containersRef.current;
    const from = containerOf(current, active.id);
    const to = containerOf(current, over.id);
    if (!from || !to || from === to) return;
    const targetCards = current[to] ?? [];
    const overCardId = cardIdOf(over.id);
    const overIndex = overCardId === undefined ? -1 : targetCards.indexOf(overCardId);
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const index = overIndex < 0 ? targetCards.length : overIndex + (below ? 1 : 0);
    const next = placeCard(current, cardId, to, index);
    containersRef.current = next;
    movedToNewContainer.current = true;
    setDrag((previous) => previous && { ...previous, containers: next });
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    const order = drag?.order ?? themes.map((theme) => theme.id);
    const current = containersRef.current;
    setDrag(undefined);
    if (!over) return;
    const themeId = themeIdOf(active.id);
    if (themeId !== undefined) {
      const from = order.indexOf(themeId);
      const to = order.indexOf(themeIdOf(over.id) ?? "");
      if (from >= 0 && to >= 0 && from !== to) moveColumn(themeId, order, to);
      return;
    }
    const cardId = cardIdOf(active.id);
    const container = containerOf(current, active.id);
    if (cardId === undefined || !container) return;
    let final = current;
    if (containerOf(current, over.id) === container) {
      const cards = current[container] ?? [];
      const overCardId = cardIdOf(over.id);
      const to = overCardId === undefined ? cards.length - 1 : cards.indexOf(overCardId);
      final = placeCard(current, cardId, container, to);
    }
    const command = moveCommand(final, cardId);
    if (command?.type !== "moveCard") return;
    const before = settled?.containers ?? fromState;
    const unchanged =
      containerOf(before, active.id) === container && before[container]?.indexOf(cardId) === command.toIndex;
    if (unchanged) return;
    setOptimistic({ base: state, containers: placeCard(before, cardId, container, command.toIndex) });
    send(command);
  };

  const moveColumn = (themeId: string, order: readonly string[], to: number) => {
    const from = order.indexOf(themeId);
    if (from < 0 || to < 0 || to >= order.length || from === to) return;
    setOptimistic({ base: state, order: arrayMove([...order], from, to) });
    send({ type: "moveTheme", themeId, toIndex: to });
  };

  return {
    containers,
    containersRef,
    themes,
    activeId: drag?.id,
    moveColumn,
    dndProps: {
      sensors,
      collisionDetection,
      measuring: MEASURING,
      onDragStart: handleDragStart,
      onDragOver: handleDragOver,
      onDragEnd: handleDragEnd,
      onDragCancel: () => setDrag(undefined),
    },
  };
}

// Defined once: dnd-kit re-creates its sensors whenever the options object changes.
const MOUSE_OPTIONS = { activationConstraint: { distance: 6 } };
// A short press-and-hold on touch screens, so that a swipe still scrolls the page.
const TOUCH_OPTIONS = { activationConstraint: { delay: 180, tolerance: 8 } };
// Columns change size as cards move in and out: drop targets are measured again whenever they
// change during a drag. Between drags nothing is measured: measuring every card's box after
// every event of the room (MeasuringStrategy.Always) cost a 2,000-card board a forced layout
// and a render of every card per event (docs/performance.md).
// A drop target is measured without the shift a sorting list gives it, which dnd-kit reads from
// each element's computed style; only a card being shifted has one (set inline by its sortable),
// so the others, nearly all at a drag's start, are measured with one read of their box.
const MEASURING = {
  droppable: {
    strategy: MeasuringStrategy.WhileDragging,
    measure: (node: HTMLElement) => getClientRect(node, { ignoreTransform: node.style.transform !== "" }),
  },
};
