import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../../e2e/support/browser.js";
import { reflowProblems } from "../../e2e/support/reflow.js";
import { renderReport } from "../../src/report/render.js";
import { stateWithGroups, syntheticDocument } from "./syntheticWorkshop.js";
import { variedDocument } from "./variedWorkshops.js";

/** A word with no break opportunity, far wider than a phone. */
const LONG = `Antidisestablishmentarianism${"x".repeat(90)}https://example.org/${"path/".repeat(12)}`;

/** A workshop with the long word in every text a report shows. */
function longWordWorkshop() {
  const doc = syntheticDocument({ themes: 3, cards: 9, voters: 4 });
  const [first, second] = doc.themes;
  if (!first || !second) throw new Error("expected two themes");
  first.name = LONG;
  first.keyPoints = [LONG];
  first.cards.unshift({ id: "long", text: `A card ${LONG}` });
  first.headline = LONG;
  first.narrative = `Narrative ${LONG}`;
  second.cards.push({ id: "long-2", text: LONG });
  return stateWithGroups(
    {
      ...doc,
      title: LONG,
      organization: LONG,
      event: LONG,
      preparedFor: LONG,
      preparedBy: LONG,
      facilitators: [{ name: LONG, organization: LONG }],
      participantGroups: [LONG, "Board"],
      overview: `Overview ${LONG}`,
      method: LONG,
      goal: `Goal ${LONG}`,
      focusQuestion: `${LONG}?`,
      unclusteredCards: [{ id: "other", text: LONG }],
      footnotes: [{ mark: "*", text: LONG }],
      reflections: LONG,
      nextSteps: LONG,
    },
    [LONG, "Board"],
  );
}

/**
 * The HTML report (the download and the published page /r/<token>) in a real browser: a long
 * unbroken word must wrap, not make a phone's page scroll sideways.
 */
describe.skipIf(!browserAvailable())("the HTML report on a phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([360, 390, 1280])("a long unbroken word in any text wraps at a %i px viewport", async (width) => {
    const html = new TextDecoder().decode((await renderReport(longWordWorkshop(), "html")).body);
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      await page.setContent(html);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await reflowProblems(page, `${width} px`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('on a 360 px phone, no ordinary word is broken across two lines ("WALKIN/G")', async () => {
    const doc = variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 });
    const html = new TextDecoder().decode((await renderReport(doc, "html")).body);
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await page.setContent(html);
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Words of up to 14 letters with no hyphen or slash, where a line may break anyway.
          for (const match of (node.textContent ?? "").matchAll(/[^\s\-/—–]{2,14}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (tops.size > 1) found.push(match[0]);
          }
        }
        return found;
      });
      expect(broken).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await page.close();
    }
  });
});
