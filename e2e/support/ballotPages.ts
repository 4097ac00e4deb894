import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Theme } from "./ballotCount.js";

// Reading a ballot's results as the app shows them (the dashboard's rounds, the report's tables)
// and ranking on the voter page, for the ballot e2e tests.

/** The table rows `| rank | name | points | share |` of one Markdown block. */
export function tableRows(block: string): { rank: number; name: string; points: number }[] {
  return [...block.matchAll(/^\| (\d+) \| (.+?) \| (\d+) \| [^|]+ \|$/gm)].map((match) => ({
    rank: Number(match[1]),
    name: match[2] ?? "",
    points: Number(match[3]),
  }));
}

/** A rounds table as `roundsTable` words it, read from one rounds table on the page. */
export async function shownRounds(table: Locator) {
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
  const foot = await table
    .locator("tfoot tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
  return {
    heads: await table.locator("thead th").allTextContents(),
    rows: Object.fromEntries(rows.map(([theme = "", ...cells]) => [theme, cells])),
    counted: foot[0],
    outcome: foot[1],
  };
}

/** Puts the page's ranking in `target` order with the up buttons alone (or keys: focus and Enter). */
export async function rankOnPage(page: Page, themes: Theme[], target: string[], withKeys: boolean) {
  const name = (id: string) => themes.find((theme) => theme.id === id)?.name ?? id;
  for (const [place, id] of target.entries()) {
    const shown = await page.getByTestId("ranked-theme").locator(".ballot-theme").allTextContents();
    for (let at = shown.indexOf(name(id)); at > place; at--) {
      const up = page.getByRole("button", { name: `Move ${name(id)} up` });
      if (withKeys) {
        await up.focus();
        await page.keyboard.press("Enter");
      } else await up.click();
    }
  }
  const ordered = await page.getByTestId("ranked-theme").locator(".ballot-theme").allTextContents();
  expect(ordered).toEqual(target.map(name));
}
