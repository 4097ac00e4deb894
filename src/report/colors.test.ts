import { describe, expect, it } from "vitest";
import { DEFAULT_ACCENT, headingColor, safeAccent, textOn, tint } from "./colors.js";

describe("report colours", () => {
  it("accepts only #RRGGBB accents, so no free text reaches a stylesheet", () => {
    expect(safeAccent("#aa3300")).toBe("#AA3300");
    for (const bad of ["red", "#abc", "#123456; background:url(x)", "", undefined])
      expect(safeAccent(bad)).toBe(DEFAULT_ACCENT);
  });

  it("puts white text on a dark accent and ink on a pale one", () => {
    expect(textOn("#1F5F7A")).toBe("#FFFFFF");
    expect(textOn("#FFE066")).not.toBe("#FFFFFF");
  });

  it("darkens a pale accent until headings in it stay legible on white", () => {
    expect(headingColor("#1F5F7A")).toBe("#1F5F7A");
    expect(headingColor("#FFE066")).not.toBe("#FFE066");
    expect(tint("#000000", 0.5)).toBe("#808080");
  });
});
