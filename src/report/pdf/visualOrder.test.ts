import { describe, expect, it } from "vitest";
import { visualRuns } from "./visualOrder.js";

const texts = (runs: { text: string }[]) => runs.map((run) => run.text);

describe("a line's runs in visual order", () => {
  it("leaves a left-to-right line alone", () => {
    expect(visualRuns([{ text: "plain text, 42", face: "a" }], "ltr")).toEqual([
      { text: "plain text, 42", face: "a", whole: false },
    ]);
  });

  it("in English, two Hebrew words are one right-to-left run that fontkit lays out whole", () => {
    expect(visualRuns([{ text: "a שלום עולם b", face: "a" }], "ltr")).toEqual([
      { text: "a ", face: "a", whole: false },
      { text: "שלום עולם", face: "a", whole: true },
      { text: " b", face: "a", whole: false },
    ]);
  });

  it("in Hebrew, the last word comes first, digits read left to right, and brackets are mirrored", () => {
    const runs = visualRuns([{ text: "שלום (42) עולם", face: "a" }], "rtl");
    // fontkit reverses each whole run: "םלוע (", "42", ") םולש".
    expect(runs).toEqual([
      { text: "( עולם", face: "a", whole: true },
      { text: "42", face: "a", whole: false },
      { text: "שלום )", face: "a", whole: true },
    ]);
  });

  it("reverses itself a right-to-left run that fontkit would not (no Hebrew or Arabic letter in it), keeping each piece's face", () => {
    const runs = visualRuns(
      [
        { text: "שלום", face: "hebrew" },
        { text: " :-)", face: "sans" },
      ],
      "rtl",
    );
    expect(runs).toEqual([
      { text: "(-: ", face: "sans", whole: false },
      { text: "שלום", face: "hebrew", whole: true },
    ]);
  });

  it("keeps an emoji whole when a right-to-left run is reversed", () => {
    const runs = visualRuns(
      [
        { text: "שלום ", face: "hebrew" },
        { text: "👍🏽🎉", face: "emoji" },
      ],
      "rtl",
    );
    expect(texts(runs)).toEqual(["🎉👍🏽", "שלום "]);
  });
});
