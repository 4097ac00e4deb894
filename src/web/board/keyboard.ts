import {
  type DroppableContainer,
  type DroppableContainers,
  KeyboardCode,
  type KeyboardCodes,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { RefObject } from "react";
import { type Containers, containerOf } from "./boardModel.js";

/** Space picks up and drops; Enter stays free to open a card's actions when nothing is dragged. */
export const BOARD_KEYBOARD_CODES: KeyboardCodes = {
  start: [KeyboardCode.Space],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab],
};

/**
 * Arrow keys while dragging, on top of dnd-kit's `sortableKeyboardCoordinates`. That function
 * jumps to the nearest drop target in the arrow's direction; on a board where columns are drop
 * targets too, "nearest" is often a column that already holds cards, and the card lands at its
 * end instead of beside its neighbour. So a card aims only at cards and at empty columns, and a
 * column only at columns: left and right cross columns, up and down move within one.
 */
export function boardCoordinates(containers: RefObject<Containers>): KeyboardCoordinateGetter {
  return (event, args) => {
    const { active, droppableContainers } = args.context;
    const draggingColumn = active?.data.current?.type === "column";
    const across = event.code === KeyboardCode.Left || event.code === KeyboardCode.Right;
    const home = active ? containerOf(containers.current, active.id) : undefined;
    const keep = (entry: DroppableContainer) => {
      const kind = entry.data.current?.type;
      if (draggingColumn) return kind === "column";
      if (entry.id === active?.id) return true;
      // Left and right always leave the column; up and down never do.
      const place = containerOf(containers.current, entry.id);
      if (across === (place === home)) return false;
      if (kind === "card") return true;
      return (containers.current[String(entry.id)]?.length ?? 0) === 0;
    };
    // DroppableContainersMap is a Map subclass that dnd-kit does not export; build one of the same class.
    const Filtered = droppableContainers.constructor as new (
      entries: Iterable<[UniqueIdentifier, DroppableContainer]>,
    ) => DroppableContainers;
    const filtered = new Filtered([...droppableContainers.entries()].filter(([, entry]) => keep(entry)));
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: filtered } });
  };
}
