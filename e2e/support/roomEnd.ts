import type { Browser, BrowserContext, Page } from "playwright-core";
import type { WorkshopDocument, WorkshopState } from "../../src/core/index.js";
import type { Console, Participant } from "./roles.js";
import { boardEndSteps } from "./roomBoardEnd.js";
import { roomEnd } from "./roomEndContext.js";
import { exportReplaySteps } from "./roomExportReplay.js";
import { namingSteps } from "./roomNaming.js";
import { resolveSteps } from "./roomResolve.js";
import { votingSteps } from "./roomVoting.js";

/** One step of a scenario: an `it` that is skipped once an earlier step of its scenario failed. */
export type Step = (name: string, body: () => Promise<void>, timeout?: number) => void;

/** What the room held at one moment of the session, to check the replay against. */
export interface Snapshot {
  label: string;
  seq: number;
  state: WorkshopState;
}

/** A live room whose board holds the example's cards in its five columns, in the example's order. */
export interface Room {
  baseUrl: string;
  browser: Browser;
  example: WorkshopDocument;
  workshopId: string;
  facilitator: Console;
  projector: Page;
  ana: Participant; // a 360 px phone, table 1
  carl: Participant; // table 1
  bea: Participant; // table 2
  /** Browser contexts the scenario closes at its end; pages opened here join them. */
  contexts: BrowserContext[];
  /** Who wrote each of the example's cards, by its text. */
  authorOf(text: string): string | undefined;
  /** The snapshots taken so far, in order, from the session's first card on. */
  snapshots: Snapshot[];
  /** Records what the room holds now under `label`. */
  snapshot(label: string): Promise<void>;
}

/**
 * The rest of the live room, as steps of the scenario that built the board: a co-facilitator
 * joins; the example's footnote is added; a card move and a theme merge are undone; the room names
 * the columns, co-writes the statements, votes with dots and a show of hands; the export equals
 * the example plus the votes; the replay equals every snapshot the session took. `room` is read
 * when each step runs, after the earlier steps have filled it in.
 */
export function continueToTheEnd(step: Step, room: () => Room): void {
  const end = roomEnd(step, room);
  boardEndSteps(end);
  namingSteps(end);
  resolveSteps(end);
  votingSteps(end);
  exportReplaySteps(end);
}
