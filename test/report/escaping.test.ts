import { marked } from "marked";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkshopDocument } from "../../src/core/index.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../../src/report/render.js";
import { docxXml, pdfText, SKIP_WITHOUT_POPPLER, squash, xmlText } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

const XSS = "<img src=x onerror=alert(1)>";
/** A participant group that tries to close the cover's list and run a script, and one that tries a link. */
const GROUPS = ['</dd><script>alert("group")</script>', "[Board](javascript:x) *all*"];
const FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1:A2)"];

/** A workshop whose every text field someone tried to turn into markup or a formula. */
function hostileDocument(): WorkshopDocument {
  const doc = syntheticDocument({ themes: 2, cards: 4 });
  const [first, second] = doc.themes;
  if (!first || !second) throw new Error("expected two themes");
  first.name = '</style><script>alert(1)</script> & "quotes"';
  first.keyPoints = ["\t=cmd|' /C calc'!A0", "# not a heading"];
  first.cards.push({ id: "xss", text: XSS }, { id: "md", text: "| pipe | and *stars* and [link](javascript:x)" });
  second.cards.push(...FORMULAS.map((text, i) => ({ id: `f${i}`, text })));
  second.headline = "<b>not bold</b>";
  return { ...doc, title: "R&D <Day>", overview: "Line <one>\n\n</p><h1>two</h1>", participantGroups: GROUPS };
}

describe("user text is data, never markup", () => {
  const doc = hostileDocument();
  const out = new Map<ReportFormat, Uint8Array>();
  const text = (format: ReportFormat) => new TextDecoder().decode(out.get(format));

  beforeAll(async () => {
    for (const format of REPORT_FORMATS) out.set(format, (await renderReport(doc, format)).body);
  });

  it("HTML shows the characters: no element, script or style comes from user text", () => {
    const html = text("html");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<img|<script|<h1>two|<b>not/);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain("<title>R&amp;D &lt;Day&gt; Session Capture</title>");
    expect(html).toContain(
      "<dt>Participants:</dt><dd><bdi>&lt;/dd&gt;&lt;script&gt;alert(&quot;group&quot;)&lt;/script&gt; and [Board](javascript:x) *all*</bdi></dd>",
    );
  });

  it("Markdown rendered by a GFM parser shows the characters, with no tag, link or heading from user text", () => {
    const html = marked.parse(text("md"), { async: false, gfm: true });
    // Bare http(s) URLs may be auto-linked by GitHub: the text stays as typed, and no other scheme is linked.
    expect(html).not.toMatch(/<img|<script|<h1>two|<b>not|href="(?!https?:)/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("| pipe | and *stars* and [link](javascript:x)");
    expect(html).toContain(
      "<strong>Participants:</strong> &lt;/dd&gt;&lt;script&gt;alert(&quot;group&quot;)&lt;/script&gt; and [Board](javascript:x) *all*",
    );
  });

  it("CSV neutralises cells that a spreadsheet would run as formulas (= + - @ tab)", () => {
    const { data } = Papa.parse<string[]>(
      text("csv")
        .replace(/^\uFEFF/, "")
        .trim(),
      { newline: "\r\n" },
    );
    const cells = data.flat();
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    expect(cells).toContain("'\t=cmd|' /C calc'!A0");
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(XSS);
  });

  it("DOCX keeps the characters as text (escaped in the XML)", async () => {
    const xml = await docxXml(out.get("docx") ?? new Uint8Array());
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(xml).not.toContain("<img");
    expect(xmlText(xml)).toContain(XSS);
    expect(xmlText(xml)).toContain(`Participants: ${GROUPS[0]} and ${GROUPS[1]}`);
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)("PDF shows the characters", () => {
    const pdf = squash(pdfText(out.get("pdf") ?? new Uint8Array()));
    for (const item of [XSS, ...FORMULAS, "</style><script>alert(1)</script>".toUpperCase(), ...GROUPS])
      expect(pdf).toContain(squash(item));
  });

  it("JSON keeps the text exactly", () => {
    expect(JSON.parse(text("json"))).toEqual(doc);
  });
});
