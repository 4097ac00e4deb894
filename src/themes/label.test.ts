import { describe, expect, it } from "vitest";
import { withoutDanglingEnd } from "./label.js";

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
