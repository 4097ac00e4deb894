import { marked } from "marked";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkshopDocument } from "../../src/core/index.js";
import { type ReportFormat, renderReport } from "../../src/report/render.js";
import { docxXml, htmlText, pdfText, SKIP_WITHOUT_POPPLER, xmlText } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

const GOAL = ["# Heading injection", "- list item", "| a | b |"];
const FOCUS = ["What do we keep?", "> and what do we drop?"];
const HEADLINE = ["First line", "1. second line"];
const CARD = ["Other idea", "+ on two lines"];

/**
 * The multi-line fields of `workshop/v1` (long text: overview, method, goal, focus question,
 * reflections, next steps; a theme's headline and narrative) and a card typed on several lines.
 */
function multiLineDocument(): WorkshopDocument {
  const doc = syntheticDocument({ themes: 2, cards: 4 });
  const [first] = doc.themes;
  if (!first) throw new Error("expected a theme");
  first.headline = HEADLINE.join("\r\n");
  first.narrative = "Narrative one\nstill one\n\nNarrative two";
  return {
    ...doc,
    goal: GOAL.join("\n"),
    focusQuestion: FOCUS.join("\n"),
    overview: "Overview line 1\nOverview line 2",
    unclusteredCards: [{ id: "other", text: CARD.join("\n") }],
  };
}

describe("line breaks in multi-line fields are kept by every format, and stay text", () => {
  const doc = multiLineDocument();
  const out = new Map<ReportFormat, Uint8Array>();
  const text = (format: ReportFormat) => new TextDecoder().decode(out.get(format));

  beforeAll(async () => {
    for (const format of ["html", "md", "pdf", "docx"] as const)
      out.set(format, (await renderReport(doc, format)).body);
  });

  it("HTML: each line of the goal, the focus question and a headline on its own line, escaped", () => {
    const shown = htmlText(text("html"));
    for (const lines of [GOAL, FOCUS, HEADLINE, CARD]) expect(shown).toContain(lines.join("\n"));
    // The goal and the focus question show twice: in their callouts and above the grid.
    expect(shown.split(GOAL.join("\n"))).toHaveLength(3);
    expect(shown.split(FOCUS.join("\n"))).toHaveLength(3);
    expect(text("html")).not.toMatch(/<h1>Heading|<li>list|<blockquote|<ol/);
  });

  it("Markdown read by a GFM parser: the same lines, as hard breaks, with no heading, list, quote or table", () => {
    const html = marked.parse(text("md"), { async: false, gfm: true });
    const shown = htmlText(html);
    expect(shown).toContain(`GOAL: ${GOAL.join("\n")}`);
    expect(shown).toContain(`PROMPT: ${FOCUS.join("\n")}`);
    expect(shown).toContain(HEADLINE.join("\n").toUpperCase());
    expect(shown).toContain(CARD.join("\n"));
    expect(html).not.toMatch(/<h1>Heading|<li>list|<blockquote|<ol|<table>\s*<thead>\s*<tr>\s*<th>a/);
    expect(html.match(/<table>/g)).toHaveLength(1); // the theme grid, nothing else
    expect(text("md")).not.toContain("\r");
  });

  it("DOCX: a Word line break between the lines", async () => {
    const xml = await docxXml(out.get("docx") ?? new Uint8Array());
    const shown = xmlText(xml.replace(/<w:br\/>/g, "<w:t>\n</w:t>"));
    for (const lines of [GOAL, FOCUS, HEADLINE, CARD]) expect(shown).toContain(lines.join("\n"));
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)("PDF: the lines on lines of their own", () => {
    const pdf = pdfText(out.get("pdf") ?? new Uint8Array());
    for (const lines of [GOAL, FOCUS, HEADLINE.map((line) => line.toUpperCase())])
      expect(pdf).toMatch(new RegExp(lines.map((line) => line.replace(/[|.+?>]/g, "\\$&")).join("\\s*\\n\\s*")));
  });
});
