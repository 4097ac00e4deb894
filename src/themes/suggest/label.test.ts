import { describe, expect, it } from "vitest";
import { oneLine, withoutDanglingEnd } from "./label.js";

describe("suggested labels", () => {
  it("drop the little words a cut leaves hanging at the end, in English and French", () => {
    expect(withoutDanglingEnd("Collect rainwater from the shed roof for".split(" "))).toEqual(
      "Collect rainwater from the shed roof".split(" "),
    );
    expect(withoutDanglingEnd("Repair the broken shovels and rakes in".split(" "))).toEqual(
      "Repair the broken shovels and rakes".split(" "),
    );
    expect(withoutDanglingEnd("Ouvrir la bibliothèque le samedi et le".split(" "))).toEqual(
      "Ouvrir la bibliothèque le samedi".split(" "),
    );
  });

  it("keep a phrase that ends on a word of its own, and never empty a label", () => {
    expect(withoutDanglingEnd(["More", "Sunday", "hours"])).toEqual(["More", "Sunday", "hours"]);
    expect(withoutDanglingEnd(["The", "of"])).toEqual(["The"]);
  });
});

describe("suggested key points", () => {
  it("keep a merged card's texts apart with a separator", () => {
    expect(oneLine("Call out poor practice\nTurn career development into decent work")).toBe(
      "Call out poor practice / Turn career development into decent work",
    );
    expect(oneLine("  One   idea \n\n  another\t one  ")).toBe("One idea / another one");
    expect(oneLine("A single card")).toBe("A single card");
  });
});
