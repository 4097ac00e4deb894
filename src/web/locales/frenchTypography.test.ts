import { describe, expect, it } from "vitest";
import reportFr from "../../report/locales/fr.json" with { type: "json" };
import webFr from "./fr.json" with { type: "json" };

const NBSP = "\u00a0";
const NNBSP = "\u202f";

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/**
 * Canadian French typography (Office québécois de la langue française): a no-break space before
 * a colon and inside « », a narrow no-break space before ? ! and ;, and « » rather than straight
 * or English quotation marks. Each rule returns what it finds wrong in one message.
 */
const RULES: [string, (text: string) => boolean][] = [
  // A colon used as punctuation (followed by a space or the end): not in 14:30 or https://.
  ["a no-break space (U+00A0) before :", (text) => /(?:^|[^\u00a0]):(?=\s|$)/.test(text)],
  ["a narrow no-break space (U+202F) before ? ! ;", (text) => /(?:^|[^\u202f])[?!;](?=[\s»)]|$)/.test(text)],
  ["a no-break space after «", (text) => /«(?!\u00a0)/.test(text)],
  ["a no-break space before »", (text) => /(?<!\u00a0)»/.test(text)],
  ["« » rather than straight or English quotation marks", (text) => /["“”]/.test(text)],
  ["no ordinary space where a no-break one belongs", (text) => / [:?!;»]|« /.test(text)],
];

describe("French messages follow Canadian French typography", () => {
  const messages = [
    ...flatten(webFr as Messages).map(([key, text]) => [`web ${key}`, text] as const),
    ...flatten(reportFr as Messages).map(([key, text]) => [`report ${key}`, text] as const),
  ];

  for (const [rule, breaks] of RULES) {
    it(`has ${rule}`, () => {
      const wrong = messages.filter(([, text]) => breaks(text)).map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
      expect(wrong).toEqual([]);
    });
  }

  it("checks the messages it should (the rules are not vacuous)", () => {
    expect(messages.length).toBeGreaterThan(400);
    expect(RULES.find(([rule]) => rule.includes(":"))?.[1]("Étape :")).toBe(true);
    expect(RULES[0]?.[1](`Étape${NBSP}:`)).toBe(false);
    expect(RULES[1]?.[1](`Merci${NNBSP}!`)).toBe(false);
    expect(RULES[1]?.[1]("Merci!")).toBe(true);
    expect(RULES[0]?.[1]("https://exemple.ca à 14:30")).toBe(false);
  });
});
