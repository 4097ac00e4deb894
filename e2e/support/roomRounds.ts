import { expect } from "vitest";
import { boardOfState, poll, waitForBoard } from "./board.js";
import { type Console, type Participant, screenshot, serverState } from "./roles.js";

/** One card of the brainstorm plan: the round it is written in, by whom, and its text. */
export interface PlannedCard {
  round: 1 | 2;
  author: () => Participant;
  text: string;
}

/** Scenario 1's room as the brainstorm rounds use it. */
export interface BrainstormRoom {
  baseUrl: string;
  workshopId: string;
  facilitator: Console;
  ana: Participant; // phone, table 1
  carl: Participant; // tablet, table 1
  bea: Participant; // laptop, table 2
  /** Which person writes which card in which round. */
  plan: PlannedCard[];
  /** Cards that a table writes but does not choose: they must never reach the board. */
  extras: { ana: string; bea: string };
  snapshot(label: string): Promise<void>;
}

/** One brainstorm round: the tables write, each picks and sends its cards, the facilitator reveals. */
export async function playRound(room: BrainstormRoom, round: 1 | 2, prompt: string, perTable: number): Promise<void> {
  const { facilitator, ana, carl, bea, plan, extras, workshopId, snapshot } = room;
  const state = (facilitator: Console, workshopId: string) => serverState(facilitator.page, room.baseUrl, workshopId);
  const textsOf = (round: 1 | 2, table: 1 | 2) =>
    plan
      .filter((entry) => entry.round === round && (entry.author() === bea) === (table === 2))
      .map((entry) => entry.text);
  await facilitator.page.bringToFront();
  await facilitator.startRound(prompt, perTable);
  for (const person of [ana, carl, bea]) {
    await person.page.getByText(prompt, { exact: true }).waitFor();
  }
  for (const [index, entry] of plan.filter((candidate) => candidate.round === round).entries()) {
    await entry.author().write(entry.text);
    if (round === 1 && index === 0) {
      // The replay is checked from here on: the session's first card, waiting for the reveal.
      await poll(async () => [...(await state(facilitator, workshopId)).cards.keys()]).toHaveLength(1);
      await snapshot("the first card");
    }
  }
  const table1 = textsOf(round, 1);
  const table2 = textsOf(round, 2);
  if (round === 1) {
    await ana.write(extras.ana);
    await bea.write(extras.bea);
  }
  const written1 = round === 1 ? [...table1, extras.ana] : table1;
  const written2 = round === 1 ? [...table2, extras.bea] : table2;
  // Both people at table 1 see everything the table wrote; nobody sees the other table's.
  await ana.waitForCandidates(written1);
  await carl.waitForCandidates(written1);
  await bea.waitForCandidates(written2);
  // Nothing is on the wall before the reveal.
  const before = await state(facilitator, workshopId);
  const waiting = [...before.cards.values()].filter((card) => card.roundId === before.activeRoundId);
  expect(waiting.every((card) => card.stage === "candidate")).toBe(true);

  // Table 1 talks it over around one device: Ana's phone in round 1, Carl's tablet in round 2.
  const picker1 = round === 1 ? ana : carl;
  await picker1.tick(table1);
  if (round === 1) {
    // The phone's table list says the table is full and refuses a 9th card.
    const extra = ana.page
      .getByTestId("table-candidates")
      .locator("label", { has: ana.page.getByText(extras.ana, { exact: true }) })
      .getByRole("checkbox");
    await poll(() => extra.isDisabled()).toBe(true);
    await ana.page.getByTestId("table-candidates").getByText(`${perTable} of ${perTable} chosen`).waitFor();
    await ana.page.getByTestId("table-submit").scrollIntoViewIfNeeded();
    await screenshot(ana.page, "03-brainstorm-phone");
  }
  await picker1.sendForTable();
  await (picker1 === ana ? carl : ana).waitTableSent();
  await facilitator.waitTablesReady(1, 2);
  await bea.tick(table2);
  await bea.sendForTable();
  await facilitator.waitTablesReady(2, 2);
  await facilitator.page
    .getByTestId("active-round")
    .getByText(`${perTable * 2} cards waiting to be revealed`)
    .waitFor();
  if (round === 1) await screenshot(facilitator.page, "04-brainstorm-console", { fullPage: true });
  // Still nothing on the wall: the round's cards appear together at the reveal.
  expect(boardOfState(await state(facilitator, workshopId)).pile).toHaveLength(round === 1 ? 0 : 16);

  await facilitator.page.getByTestId("reveal-round").click();
  const expected = plan.filter((entry) => entry.round <= round).map((entry) => entry.text);
  await poll(async () => {
    const now = await state(facilitator, workshopId);
    return boardOfState(now)
      .pile.map((id) => now.cards.get(id)?.text)
      .sort();
  }).toEqual([...expected].sort());
  const now = await state(facilitator, workshopId);
  await waitForBoard(facilitator.page, boardOfState(now));
  await waitForBoard(ana.page, boardOfState(now));
  await snapshot(`round ${round} revealed`);
}
