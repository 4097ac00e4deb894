import { describe, expect, it } from "vitest";
import { formatReportDate, formatShare, translate } from "./i18n.js";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };

describe("report labels and dates", () => {
  it("French has exactly the English label keys", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("writes the report date out: 'February 5, 2024' and '5 février 2024'", () => {
    expect(formatReportDate("2024-02-05", "en")).toBe("February 5, 2024");
    expect(formatReportDate("2024-02-05", "fr")).toBe("5 février 2024");
  });

  it("writes the first of the month as '1er' in French, as Canadian French does", () => {
    expect(formatReportDate("2026-05-01", "fr")).toBe("1er mai 2026");
    expect(formatReportDate("2026-05-01", "en")).toBe("May 1, 2026");
  });

  it("does not shift the date with the time zone of the machine", () => {
    expect(formatReportDate("2024-12-31", "en")).toBe("December 31, 2024");
  });

  it("puts a non-breaking space before a French colon, question mark and percent sign", () => {
    expect(translate("fr", "preparedFor")).toBe("Préparé pour\u00a0:");
    for (const value of Object.values(fr)) expect(value).not.toMatch(/[^\u00a0\u202f][:?!;](\s|$)/);
    expect(formatShare(0.42, "fr")).toMatch(/^42[\u00a0\u202f]%$/);
    expect(formatShare(0.42, "en")).toBe("42%");
  });

  it("interpolates values without HTML-escaping them (each renderer escapes for its own format)", () => {
    expect(translate("en", "documentTitle", { title: "R&D <Day>" })).toBe("R&D <Day> Session Capture");
  });
});
