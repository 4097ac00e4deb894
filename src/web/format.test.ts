import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, localeOf } from "./format.js";

// Local time on purpose: the app shows dates in the viewer's time zone.
const AFTERNOON = new Date(2026, 2, 12, 14, 5, 9);
const FIRST = new Date(2026, 4, 1, 9, 30);

describe("dates in the interface's language, the Canadian way", () => {
  it("maps any French or English tag to Canadian French or English", () => {
    expect(localeOf("fr")).toBe("fr-CA");
    expect(localeOf("fr-FR")).toBe("fr-CA");
    expect(localeOf("en")).toBe("en-CA");
    expect(localeOf("de")).toBe("en-CA");
  });

  it("writes French dates day first, with the month in words, and times with h", () => {
    expect(formatDate(AFTERNOON, "fr")).toBe("12 mars 2026");
    expect(formatDateTime(AFTERNOON, "fr")).toBe("12 mars 2026 à 14 h 05");
    expect(formatClock(AFTERNOON, "fr")).toBe("14 h 05 min 09 s");
  });

  it("writes the first of the month as 1er in French only", () => {
    expect(formatDate(FIRST, "fr")).toBe("1er mai 2026");
    expect(formatDateTime(FIRST, "fr")).toBe("1er mai 2026 à 09 h 30");
    expect(formatDate(FIRST, "en")).toBe("May 1, 2026");
  });

  it("writes English dates month first, with a.m. and p.m.", () => {
    expect(formatDate(AFTERNOON, "en")).toBe("March 12, 2026");
    expect(formatDateTime(AFTERNOON, "en").replace(/\s/g, " ")).toBe("March 12, 2026 at 2:05 p.m.");
    expect(formatClock(AFTERNOON, "en").replace(/\s/g, " ")).toBe("2:05:09 p.m.");
  });
});
