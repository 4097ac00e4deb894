import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  commandSchema,
  documentToContent,
  revivedState,
  stateToDocument,
  validateWorkshopDocument,
  type WorkshopDocument,
} from "../../src/core/index.js";
import { renderReport } from "../../src/report/render.js";
import { SKIP_WITHOUT_POPPLER } from "./extract.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

/** A real PNG of the given size, one colour: enough for every renderer to embed. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

const LOGO = { mediaType: "image/png" as const, dataBase64: png(120, 40, [200, 40, 40]).toString("base64") };

function branded(branding: unknown): unknown {
  return { ...syntheticDocument({ themes: 2, cards: 4 }), branding };
}

function issuesOf(value: unknown): string[] {
  const result = validateWorkshopDocument(value);
  return result.ok ? [] : result.error.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe("branding in workshop/v1", () => {
  it("round-trips exactly through the state, and stays absent when not given", () => {
    const doc = validateWorkshopDocument(branded({ accentColor: "#AA3300", logo: LOGO }));
    if (!doc.ok) throw new Error(JSON.stringify(doc.error));
    const state = revivedState({ id: "w", ...documentToContent(doc.value, "2024-01-01T00:00:00.000Z") });
    expect(state.context.branding).toEqual({ accentColor: "#AA3300", logo: LOGO });
    expect(stateToDocument(state)).toEqual(doc.value);
    const plain = syntheticDocument({ themes: 1, cards: 1 });
    expect(
      "branding" in stateToDocument(revivedState({ id: "w", ...documentToContent(plain, "2024-01-01T00:00:00.000Z") })),
    ).toBe(false);
  });

  it("refuses a colour that is not #RRGGBB, a URL for a logo, a mislabelled image and a logo over 1 MB", () => {
    expect(issuesOf(branded({ accentColor: "red" }))).toEqual([
      'branding.accentColor: must be a colour like "#1F6F8B"',
    ]);
    expect(issuesOf(branded({ accentColor: "#000000", logo: { url: "http://x/logo.png" } }))).not.toEqual([]);
    const gif = { mediaType: "image/gif", dataBase64: LOGO.dataBase64 };
    expect(issuesOf(branded({ accentColor: "#000000", logo: gif }))).toEqual([
      'branding.logo.mediaType: must be "image/png" or "image/jpeg"',
    ]);
    const mislabelled = { mediaType: "image/jpeg", dataBase64: LOGO.dataBase64 };
    expect(issuesOf(branded({ accentColor: "#000000", logo: mislabelled }))).toEqual([
      "branding.logo.dataBase64: is not an image of its media type",
    ]);
    // Valid base64, 4 bytes past the 1 MB bound once decoded.
    const huge = { mediaType: "image/png", dataBase64: `iVBORw0KGgo${"A".repeat(1_398_108 - 11)}` };
    expect(issuesOf(branded({ accentColor: "#000000", logo: huge }))).toEqual([
      expect.stringMatching(/^branding\.logo\.dataBase64: too long/),
    ]);
  });

  it("a facilitator can set it with updateContext", () => {
    const command = { type: "updateContext", patch: { branding: { accentColor: "#123456", logo: LOGO } } };
    expect(commandSchema.safeParse(command).success).toBe(true);
    expect(
      commandSchema.safeParse({ type: "updateContext", patch: { branding: { accentColor: "blue" } } }).success,
    ).toBe(false);
  });
});

describe("branding in the report formats", () => {
  const doc = branded({ accentColor: "#AA3300", logo: LOGO }) as WorkshopDocument;

  it("HTML uses the accent colour and embeds the logo as data, never a URL", async () => {
    const html = new TextDecoder().decode((await renderReport(doc, "html")).body);
    expect(html).toContain("--accent: #AA3300");
    expect(html).toContain(
      `<img class="logo" src="data:image/png;base64,${LOGO.dataBase64}" alt="Horizon Network logo">`,
    );
  });

  it("DOCX embeds the logo as a picture and fills the grid headers with the accent", async () => {
    const zip = await JSZip.loadAsync((await renderReport(doc, "docx")).body);
    expect(Object.keys(zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    expect(await zip.file("word/document.xml")?.async("string")).toContain('w:fill="AA3300"');
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)("PDF embeds the logo image", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-logo-"));
    try {
      writeFileSync(join(dir, "r.pdf"), (await renderReport(doc, "pdf")).body);
      const list = spawnSync("pdfimages", ["-list", join(dir, "r.pdf")], { encoding: "utf8" }).stdout;
      expect(list).toMatch(/^\s+1\s+\d+\s+image\s+120\s+40\s/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
