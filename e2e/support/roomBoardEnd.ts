import { expect } from "vitest";
import { boardOfState, moveWithKeyboard, poll, waitForBoard } from "./board.js";
import { LAPTOP, openPage } from "./roles.js";
import type { RoomEnd } from "./roomEndContext.js";
import { keyOf } from "./workshopEnd.js";

/**
 * The board's last steps: a co-facilitator opens the console on it, the example's footnote is
 * added, and a card move and a theme merge are undone on every screen.
 */
export function boardEndSteps(end: RoomEnd): void {
  end.step("a co-facilitator opens the console from the facilitator's link, on the board the room built", async () => {
    const { baseUrl, browser, contexts, example, facilitator, workshopId } = end.room();
    const now = await end.state();
    expect(now.themes.map((candidate) => candidate.cardIds.map((id) => now.cards.get(id)?.text))).toEqual(
      example.themes.map((candidate) => candidate.cards.map((card) => card.text)),
    );
    for (const [index, candidate] of example.themes.entries())
      end.columnOf.set(candidate.id, now.themes[index]?.id ?? "");
    const key = await keyOf(facilitator.page, workshopId);
    expect(key).not.toBe("");
    const second = await openPage(browser, LAPTOP, "co-facilitator");
    contexts.push(second.context);
    end.cofacilitator = second.page;
    await end.cofacilitator.goto(`${baseUrl}/w/${encodeURIComponent(workshopId)}#key=${key}`);
    await end.cofacilitator.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
    await facilitator.page.bringToFront();
    for (const page of end.boardPages()) await waitForBoard(page, boardOfState(now));
  });

  end.step("the facilitator adds the example's footnote to the card that carries its mark", async () => {
    const { example, facilitator } = end.room();
    const [footnote] = example.footnotes;
    if (!footnote) throw new Error("the example has no footnote");
    const before = await end.state();
    const marked = [...before.cards.values()].filter((card) => card.text.includes(footnote.mark));
    expect(marked).toHaveLength(1);
    const card = marked[0]?.id ?? "";
    await facilitator.page.getByTestId(`card-${card}`).getByRole("button", { name: "Card actions" }).click();
    const dialog = facilitator.page.getByRole("dialog");
    await dialog.getByLabel("Mark", { exact: true }).fill(footnote.mark);
    await dialog.getByLabel("Footnote text", { exact: true }).fill(footnote.text);
    await dialog.getByRole("button", { name: "Add footnote" }).click();
    await poll(async () => (await end.state()).footnotes).toEqual(example.footnotes);
    // The card already carried the mark: its text is unchanged.
    expect((await end.state()).cards.get(card)?.text).toBe(before.cards.get(card)?.text);
    for (const page of end.boardPages()) {
      await page
        .locator(".board-footnotes li")
        .filter({ hasText: `${footnote.mark} ${footnote.text}` })
        .waitFor();
    }
  });

  end.step("undo of a card move restores the exact earlier board on every screen", async () => {
    const { facilitator } = end.room();
    const before = await end.state();
    // The first card of the fourth column to the end of the third (the smallest), by keyboard.
    const cardId = before.themes[3]?.cardIds[0] ?? "";
    const target = before.themes[2]?.id ?? "";
    await moveWithKeyboard(facilitator.page, cardId, target);
    await poll(async () => (await end.state()).themes[2]?.cardIds.at(-1)).toBe(cardId);
    const moved = await end.state();
    for (const page of end.boardPages()) await waitForBoard(page, boardOfState(moved));
    // The undo button says what it will take back, the same on both consoles.
    for (const page of [facilitator.page, end.cofacilitator]) {
      await page.getByTestId("undo-what").filter({ hasText: "Card moved" }).waitFor();
    }
    await facilitator.page.getByTestId("undo").click();
    await poll(async () => (await end.state()).themes).toEqual(before.themes);
    const after = await end.state();
    expect(after.unclustered).toEqual(before.unclustered);
    for (const page of end.boardPages()) await waitForBoard(page, boardOfState(before));
  });

  end.step("undo of a theme merge restores the exact earlier board on every screen", async () => {
    const { facilitator, snapshot } = end.room();
    const before = await end.state();
    const [source, target] = [before.themes[3], before.themes[1]];
    if (!source || !target) throw new Error("expected five columns");
    const sourceColumn = facilitator.page.getByTestId(`column-${source.id}`);
    await sourceColumn.getByRole("button", { name: /^More actions for/ }).click();
    const dialog = facilitator.page.getByRole("dialog");
    const targetLabel = await facilitator.page
      .getByTestId(`column-${target.id}`)
      .getByRole("button", { name: /^More actions for/ })
      .getAttribute("aria-label");
    await dialog.getByLabel("Merge into another column").selectOption({
      label: (targetLabel ?? "").replace(/^More actions for /, ""),
    });
    await dialog.getByRole("button", { name: "Merge columns" }).click();
    await poll(async () => (await end.state()).themes.length).toBe(4);
    const merged = await end.state();
    expect(merged.themes.find((candidate) => candidate.id === target.id)?.cardIds).toEqual([
      ...target.cardIds,
      ...source.cardIds,
    ]);
    for (const page of end.boardPages()) await waitForBoard(page, boardOfState(merged));
    await end.cofacilitator.getByTestId("undo-what").filter({ hasText: "Columns merged" }).waitFor();
    // The co-facilitator takes it back: undo is the room's, not one console's.
    await end.cofacilitator.getByTestId("undo").click();
    await poll(async () => (await end.state()).themes).toEqual(before.themes);
    expect((await end.state()).unclustered).toEqual(before.unclustered);
    for (const page of end.boardPages()) await waitForBoard(page, boardOfState(before));
    await snapshot("after the two undos");
  });
}
