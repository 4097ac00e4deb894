import type { Page } from "playwright-core";
import type { WorkshopState } from "../../src/core/index.js";
import { serverState } from "./roles.js";
import type { Room, Snapshot, Step } from "./roomEnd.js";

/**
 * What the steps after the board share: the room, the server's state of it, the room's column for
 * each of the example's themes (known once the co-facilitator's step has read the board) and the
 * co-facilitator's console (open from that step on).
 */
export interface RoomEnd {
  step: Step;
  room: () => Room;
  /** For the steps with the most typing and page loads, on a machine that may be busy. */
  longStep: number;
  cofacilitator: Page;
  /** The room's column for each of the example's themes, by the example's theme id. */
  columnOf: Map<string, string>;
  state(): Promise<WorkshopState>;
  theme(id: string): Room["example"]["themes"][number];
  column(exampleId: string): string;
  columnIn(now: WorkshopState, exampleId: string): WorkshopState["themes"][number] | undefined;
  /** Every screen that shows the board in the cluster phase. */
  boardPages(): Page[];
  snapshotCalled(label: string): Snapshot;
}

/** The shared part of the steps after the board, over the room `room()` returns when each step runs. */
export function roomEnd(step: Step, room: () => Room): RoomEnd {
  const end: RoomEnd = {
    step,
    room,
    longStep: 300_000,
    // Set by the co-facilitator's step, before any step reads it.
    cofacilitator: undefined as unknown as Page,
    columnOf: new Map<string, string>(),
    state: () => serverState(room().facilitator.page, room().baseUrl, room().workshopId),
    theme(id) {
      const found = room().example.themes.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`the example has no theme ${id}`);
      return found;
    },
    column(exampleId) {
      const found = end.columnOf.get(exampleId);
      if (!found) throw new Error(`no column for the example's theme ${exampleId}`);
      return found;
    },
    columnIn: (now, exampleId) => now.themes.find((candidate) => candidate.id === end.column(exampleId)),
    boardPages() {
      const { facilitator, projector, ana, bea, carl } = room();
      return [facilitator.page, end.cofacilitator, projector, ana.page, bea.page, carl.page];
    },
    snapshotCalled(label) {
      const found = room().snapshots.find((taken) => taken.label === label);
      if (!found) throw new Error(`no snapshot "${label}"`);
      return found;
    },
  };
  return end;
}
