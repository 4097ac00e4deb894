import bidiJs from "bidi-js";

// bidi-js is CommonJS typed as `export default`: in Node, the default import is its factory itself.
const bidiFactory = bidiJs as unknown as typeof bidiJs.default;

/** The Unicode bidi algorithm (bidi-js), shared by the PDF's line ordering and the paragraphs' direction. */
export const bidi = bidiFactory();

/** Letters of the scripts written right to left: fontkit lays out a run holding one of them from right to left. */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether text holds a right-to-left letter. */
export function hasRightToLeft(text: string): boolean {
  return RTL_SCRIPT.test(text);
}

/** The direction of a paragraph: that of its first strong letter (UAX #9, rules P2 and P3). */
export function paragraphDirection(text: string): "ltr" | "rtl" {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === "L") return "ltr";
    if (type === "R" || type === "AL") return "rtl";
  }
  return "ltr";
}
