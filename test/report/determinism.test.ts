import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { documentToContent, revivedState } from "../../src/core/index.js";
import { REPORT_FORMATS, renderReport } from "../../src/report/render.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

/** A 1 × 1 PNG, so the logo's image part is in the files too. */
const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function workshop() {
  return {
    ...syntheticDocument({ themes: 3, cards: 12, voters: 3 }),
    branding: { accentColor: "#7A3E9D", logo: { mediaType: "image/png" as const, dataBase64: PIXEL } },
  };
}

/** The report as rendered with the clock at `now`. */
async function renderAt(
  now: string,
  source: Parameters<typeof renderReport>[0],
  format: (typeof REPORT_FORMATS)[number],
) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(now));
  try {
    return Buffer.from((await renderReport(source, format)).body);
  } finally {
    vi.useRealTimers();
  }
}

describe("the same workshop gives the same bytes, whenever and from wherever it is rendered", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(REPORT_FORMATS)("%s: rendered on two different days, byte for byte the same", async (format) => {
    const doc = workshop();
    const first = await renderAt("2025-01-02T03:04:05.678Z", doc, format);
    const second = await renderAt("2031-07-08T21:22:23.456Z", doc, format);
    expect(second.equals(first)).toBe(true);
  });

  it("a live workshop and its workshop/v1 file give the same report bytes", async () => {
    const doc = workshop();
    const state = revivedState({ id: "live", ...documentToContent(doc, "2024-03-01T12:00:00.000Z") });
    for (const format of REPORT_FORMATS.filter((f) => f !== "json")) {
      const fromFile = await renderAt("2025-01-02T03:04:05Z", doc, format);
      const fromState = await renderAt("2026-05-06T07:08:09Z", state, format);
      expect(fromState.equals(fromFile), format).toBe(true);
    }
  });

  it("DOCX and PDF are dated from the report date, not the clock", async () => {
    const doc = workshop();
    const docx = await JSZip.loadAsync(await renderAt("2025-01-02T03:04:05Z", doc, "docx"));
    const core = (await docx.file("docProps/core.xml")?.async("string")) ?? "";
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-12T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-12T00:00:00Z</dcterms:modified>');
    expect(core).toContain("<dc:title>Regional Planning Workshop Session Capture</dc:title>");
    // JSZip reads the zip's MS-DOS dates as local time.
    for (const entry of Object.values(docx.files))
      expect([entry.date.getFullYear(), entry.date.getMonth() + 1, entry.date.getDate()], entry.name).toEqual([
        2024, 3, 12,
      ]);
    const pdf = (await renderAt("2025-01-02T03:04:05Z", doc, "pdf")).toString("latin1");
    expect(pdf).toContain("(D:20240312000000Z)");
    expect(pdf).not.toContain("(D:2025");
  });
});
