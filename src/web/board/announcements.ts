import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import type { TFunction } from "i18next";
import { cardIdOf, themeIdOf } from "./boardModel.js";

/** Where a dragged thing would land, as the board knows it at the moment of speaking. */
export interface Whereabouts {
  /** The card's or column's name to say. */
  name: (id: UniqueIdentifier) => string;
  /** The place (column or pile) and position a card would take if dropped over `overId`. */
  cardPlace: (
    activeId: UniqueIdentifier,
    overId: UniqueIdentifier,
  ) => { place: string; position: number; total: number };
  /** The position a column would take if dropped over `overId`. */
  columnPlace: (overId: UniqueIdentifier) => { position: number; total: number };
}

/**
 * What screen readers hear during a drag, in the interface's language (dnd-kit's defaults are
 * English and name things by their internal ids).
 */
export function boardAnnouncements(t: TFunction, where: Whereabouts): Announcements {
  const describe = (activeId: UniqueIdentifier, overId: UniqueIdentifier, key: string) => {
    const name = where.name(activeId);
    if (cardIdOf(activeId) !== undefined)
      return t(`board.announce.card.${key}`, { name, ...where.cardPlace(activeId, overId) });
    if (themeIdOf(activeId) !== undefined)
      return t(`board.announce.column.${key}`, { name, ...where.columnPlace(overId) });
    return undefined;
  };
  return {
    onDragStart: ({ active }) => describe(active.id, active.id, "start"),
    onDragOver: ({ active, over }) =>
      over ? describe(active.id, over.id, "over") : t("board.announce.nowhere", { name: where.name(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? describe(active.id, over.id, "end") : t("board.announce.cancel", { name: where.name(active.id) }),
    onDragCancel: ({ active }) => t("board.announce.cancel", { name: where.name(active.id) }),
  };
}

export function boardInstructions(t: TFunction): ScreenReaderInstructions {
  return { draggable: t("board.instructions") };
}
