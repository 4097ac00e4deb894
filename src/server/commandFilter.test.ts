import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommandFilter } from "./commandFilter.js";

describe("CommandFilter", () => {
  it("never answers no for a key it was given", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 80 }), { maxLength: 3000 }), (keys) => {
        const filter = new CommandFilter(keys);
        expect(keys.every((key) => filter.mightHold(key))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("says maybe for few keys it was never given, however many it holds", () => {
    const key = (at: number) => `workshop-1\u0000participant-${at % 2000}\u0000${at}-7f3a9c`;
    const filter = new CommandFilter();
    for (let at = 0; at < 50_000; at++) filter.add(key(at));

    let maybes = 0;
    for (let at = 50_000; at < 70_000; at++) if (filter.mightHold(key(at))) maybes++;

    // About 0.05 % per layer, and a key is asked of each layer (six of them here).
    expect(maybes / 20_000).toBeLessThan(0.01);
    expect(new CommandFilter().mightHold(key(1))).toBe(false);
  });
});
