import type { Page } from "playwright-core";
import { type EventEnvelope, emptyWorkshop, type Phase, reduceAll, type WorkshopState } from "../../src/core/index.js";
import { facilitatorJson } from "./roles.js";

/**
 * Helpers for the second half of a live room (name, resolve, prioritize, replay), driven through
 * the console, the phones and the projector as people use them.
 */

const PHASE_LABELS: Record<Phase, string> = {
  context: "Context",
  brainstorm: "Brainstorm",
  cluster: "Cluster",
  name: "Name",
  resolve: "Resolve",
  prioritize: "Prioritize",
  capture: "Capture",
};

/** Moves the workshop to a phase with the console's phase stepper, and waits until it is there. */
export async function goToPhase(console: Page, phase: Phase): Promise<void> {
  const label = PHASE_LABELS[phase];
  await console
    .getByRole("navigation", { name: "Workshop phases" })
    .getByRole("button", { name: label, exact: true })
    .click();
  await console.locator('[aria-current="step"]', { hasText: label }).waitFor();
}

/**
 * Selects `placeholder` in a co-written text box and types `replacement` over it, as a writer
 * fixing one place in a paragraph does. Does not leave the box: the edit goes out after the pause.
 */
export async function typeOver(page: Page, testId: string, placeholder: string, replacement: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.evaluate((element, text) => {
    const area = element as HTMLTextAreaElement;
    area.focus();
    const start = area.value.indexOf(text);
    if (start < 0) throw new Error(`"${text}" is not in the box: ${area.value}`);
    area.setSelectionRange(start, start + text.length);
  }, placeholder);
  await page.keyboard.type(replacement);
}

/**
 * What each writer's page shows of a co-written text (its box, a conflict, the save status, where
 * the focus is), for the message of a failed wait: the co-writing step has failed rarely, and
 * only on a loaded machine, without saying which side lost the edit.
 */
export async function coWritingReport(pages: Record<string, Page>, testId: string): Promise<string> {
  const lines = await Promise.all(
    Object.entries(pages).map(async ([who, page]) => {
      const seen = await page.evaluate((id) => {
        const box = document.querySelector<HTMLTextAreaElement>(`[data-testid="${id}"]`);
        const field =
          box?.closest(".co-text") ?? document.querySelector(`[data-testid^="conflict-"]`)?.closest(".co-text");
        return {
          box: box?.value ?? null,
          selection: box ? [box.selectionStart, box.selectionEnd] : null,
          focused: document.activeElement === box,
          status: field?.querySelector(".co-text-status")?.textContent ?? null,
          conflict: field?.querySelector("[role=alert]")?.textContent ?? null,
        };
      }, testId);
      return `${who}: ${JSON.stringify(seen)}`;
    }),
  );
  return lines.join("\n");
}

/** Writes a whole co-written text and leaves the box, which sends it at once. */
export async function writeText(page: Page, testId: string, text: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await box.blur();
}

/** The facilitator key this browser keeps for a workshop (the co-facilitator link carries it). */
export function keyOf(page: Page, workshopId: string): Promise<string> {
  return page.evaluate((id) => localStorage.getItem(`concord.facilitatorKey.${id}`) ?? "", workshopId);
}

/** The whole event log, as the replay page reads it (as the facilitator signed in on `facilitator`). */
export async function eventLog(facilitator: Page, baseUrl: string, workshopId: string): Promise<EventEnvelope[]> {
  const url = `${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}/events?since=0&limit=5000`;
  return (await facilitatorJson<{ events: EventEnvelope[] }>(facilitator, url)).events;
}

/** The replay's pure fold: the state after every event up to `seq`, from the empty workshop. */
export function foldTo(workshopId: string, events: readonly EventEnvelope[], seq: number): WorkshopState {
  return reduceAll(
    emptyWorkshop(workshopId),
    events.filter((envelope) => envelope.seq <= seq).map((envelope) => envelope.event),
  );
}

/** Column names as a page's board shows them, in board order ("" for an unnamed column). */
export function columnNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="column-"]')].map(
      (column) => column.querySelector(".board-column-name")?.textContent ?? "",
    ),
  );
}
