import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { pdfInfo, pdfText, pdfWarnings, SKIP_WITHOUT_POPPLER } from "./extract.js";
import { variedDocument } from "./variedWorkshops.js";

const SECTIONS = [
  "Overview",
  "Themes",
  "Theme summaries",
  "Other ideas",
  "Reflections",
  "Prioritization results",
  "Next steps",
];

describe.skipIf(SKIP_WITHOUT_POPPLER)("the PDF's outline and structure", () => {
  const render = async () =>
    (await renderReport(variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 }), "pdf")).body;

  it("bookmarks every section, in reading order, and opens with the bookmarks shown", async () => {
    const raw = Buffer.from(await render()).toString("latin1");
    const titles = [...raw.matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1]).filter((t) => !t?.includes("Session"));
    expect(titles).toEqual(SECTIONS);
    expect(raw).toContain("/PageMode /UseOutlines");
  });

  it("keeps the prioritization chart whole on the page of its title", async () => {
    const doc = variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 });
    const pages = pdfText((await renderReport(doc, "pdf")).body).split("\f");
    const page = pages.find((text) => text.includes("Votes per theme")) ?? "";
    const chart = page.slice(page.indexOf("Votes per theme")).replace(/\s+/g, " ");
    for (const theme of doc.themes) expect(chart).toContain(theme.name);
  });

  it("is tagged: a structure tree with a section and a level-1 heading for each, the footers left out as artifacts", async () => {
    const pdf = await render();
    expect(pdfInfo(pdf)).toMatch(/^Tagged:\s+yes$/m);
    const tree = pdfInfo(pdf, ["-struct"]);
    expect(tree.match(/^\s*H1\b/gm)).toHaveLength(SECTIONS.length);
    expect(tree.match(/^\s*Sect\b/gm)?.length).toBe(SECTIONS.length + 1);
    const text = pdfInfo(pdf, ["-struct-text"]);
    expect(text).toContain("Prioritization results");
    expect(text).not.toMatch(/Page \d+ of \d+/);
  });

  it("keeps each section's text tagged across its pages: every marked sequence closed on its page, one Document at the root", async () => {
    // The hostile workshop's grid and full texts take pages of their own, added by the renderer rather than PDFKit's wrapper.
    const doc = variedDocument({ topic: "hostile", themes: 10, cards: 120, longTexts: true, voters: 30 });
    const pdf = (await renderReport(doc, "pdf")).body;
    expect(pdfWarnings(pdf)).toEqual([]);
    const tree = pdfInfo(pdf, ["-struct-text"]);
    expect(tree).toMatch(/^Document$/m);
    expect(tree).toContain("Themes (continued)");
  });
});
