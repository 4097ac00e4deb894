import type { Page } from "playwright-core";
import { expect } from "vitest";
import { poll } from "./board.js";

/**
 * The projector must be read from the back of the room without anyone scrolling: the join code,
 * the focus question and every card of `cards` lie inside the window.
 */
export async function expectProjectorFits(
  page: Page,
  code: string,
  focusQuestion: string,
  cards: string,
): Promise<void> {
  await page.getByRole("heading", { name: focusQuestion }).waitFor();
  expect(await page.getByTestId("present-join-code").textContent()).toBe(code);
  const outside = async () =>
    page.evaluate((selector) => {
      const inside = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
      };
      const checked = [
        ...document.querySelectorAll('[data-testid="present-join-code"], .present-focus h1'),
        ...document.querySelectorAll(selector),
      ];
      return checked.filter((element) => !inside(element)).map((element) => element.textContent ?? "");
    }, cards);
  // The view refits its type when the window changes size; wait for it to settle.
  await poll(outside).toEqual([]);
}
