import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser } from "../../e2e/support/browser.js";
import { renderReport } from "../../src/report/render.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

/** Every explicit bidi control: embeddings, overrides, their pop, and the isolates. */
const CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const SPOOF = "Attachment: \u202Egnp.exe.kraP";

function spoofingWorkshop() {
  const doc = syntheticDocument({ themes: 3, cards: 6 });
  const [first, second] = doc.themes;
  if (!first || !second) throw new Error("expected two themes");
  first.cards.unshift({ id: "spoof", text: SPOOF });
  first.name = "Theme \u202Eeman";
  second.cards.unshift({ id: "all", text: `before ${CONTROLS.join("x")} after` });
  second.cards.push({ id: "arabic", text: "مرحبا 123" });
  return doc;
}

const decode = (body: Uint8Array) => new TextDecoder().decode(body);

describe("bidi controls typed into cards", () => {
  it("are shown as their code points in Markdown and CSV, never passed through", async () => {
    for (const format of ["md", "csv"] as const) {
      const text = decode((await renderReport(spoofingWorkshop(), format)).body);
      for (const control of CONTROLS) expect(text).not.toContain(control);
      // Markdown escapes the brackets, which would otherwise start a link.
      expect(text).toContain(
        format === "md" ? "Attachment: \\[U+202E\\]gnp.exe.kraP" : "Attachment: [U+202E]gnp.exe.kraP",
      );
    }
    const csv = Papa.parse<string[]>(decode((await renderReport(spoofingWorkshop(), "csv")).body).slice(1)).data;
    expect(csv.some((row) => row[1] === "Attachment: [U+202E]gnp.exe.kraP")).toBe(true);
  });

  it.skipIf(!browserAvailable())(
    "cannot reorder what surrounds them in the HTML, as Chromium lays it out",
    async () => {
      const browser: Browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const html = decode((await renderReport(spoofingWorkshop(), "html")).body);
        for (const control of CONTROLS) expect(html).not.toContain(control);
        await page.setContent(html);
        // The x of each character of the spoofing card, read from layout boxes: "g" must be drawn left of "P".
        const order = await page.evaluate(() => {
          const cell = [...document.querySelectorAll("td")].find((td) => td.textContent?.includes("gnp.exe.kraP"));
          const node = cell && document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode();
          if (!node?.textContent) return null;
          const x = (index: number) => {
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            return range.getBoundingClientRect().x;
          };
          const text = node.textContent;
          return { attachment: x(text.indexOf("A")), g: x(text.indexOf("g")), P: x(text.lastIndexOf("P")) };
        });
        expect(order).not.toBeNull();
        expect(order?.attachment).toBeLessThan(order?.g ?? 0);
        expect(order?.g).toBeLessThan(order?.P ?? 0);
        // Every piece of user text is isolated, so right-to-left words cannot pull the labels around them.
        expect(await page.locator("th bdi").count()).toBe(3);
        await page.close();
      } finally {
        await browser.close();
      }
    },
  );
});
