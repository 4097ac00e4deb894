import { describe, expect, it } from "vitest";
import { mergeTexts } from "./merge.js";

describe("mergeTexts", () => {
  const base = "We open longer. We listen more. We report back.";

  it("keeps both edits when two people change different sentences", () => {
    const mine = "We open longer, also on Sundays. We listen more. We report back.";
    const theirs = "We open longer. We listen more. We report back every season.";
    expect(mergeTexts(base, mine, theirs)).toBe(
      "We open longer, also on Sundays. We listen more. We report back every season.",
    );
    expect(mergeTexts(base, theirs, mine)).toBe(
      "We open longer, also on Sundays. We listen more. We report back every season.",
    );
  });

  it("takes the only change when one side left the base untouched", () => {
    expect(mergeTexts(base, base, "Changed")).toBe("Changed");
    expect(mergeTexts(base, "Changed", base)).toBe("Changed");
  });

  it("reports a conflict when both change the same words differently", () => {
    expect(
      mergeTexts(
        base,
        "We open at 7. We listen more. We report back.",
        "We open at 9. We listen more. We report back.",
      ),
    ).toBe(undefined);
  });

  it("agrees when both made the same edit", () => {
    expect(mergeTexts(base, "Same", "Same")).toBe("Same");
  });

  it("keeps two insertions at different places of an empty-ish base", () => {
    expect(mergeTexts("ab", "xab", "abx")).toBe("xabx");
  });
});
