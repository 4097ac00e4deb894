import { describe, expect, it } from "vitest";
import { formatIssues } from "../interchange/validate.js";
import { parseBallotsDocument, validateBallotsDocument } from "./validate.js";

const OPTIONS = [
  { id: "a", name: "Apprenticeships" },
  { id: "b", name: "Benefits" },
];

const file = (method: string, ballots: unknown[]) => ({ format: "ballots/v1", method, options: OPTIONS, ballots });
const ballot = (voter: string, fields: object) => ({ voter, group: "Members", ...fields });

/** The problems of a file that must be refused, one "path: message" line each. */
function problems(input: unknown): string {
  const result = validateBallotsDocument(input);
  if (result.ok) throw new Error("the file was accepted");
  return formatIssues(result.error.issues);
}

describe("validateBallotsDocument", () => {
  it("accepts a file of each method", () => {
    const files = [
      file("dots", [ballot("v1", { dots: { a: 2, b: 0 } }), ballot("v2", { dots: {} })]),
      file("borda", [ballot("v1", { ranking: ["b", "a"] }), ballot("v2", { ranking: [] })]),
      file("irv", [ballot("v1", { ranking: ["a"] })]),
      file("rating", [ballot("v1", { ratings: { a: 1, b: 5 } })]),
    ];
    for (const input of files) expect(validateBallotsDocument(input).ok).toBe(true);
  });

  it("refuses a ranking that repeats an id, naming where", () => {
    const input = file("borda", [ballot("v1", { ranking: ["a"] }), ballot("v2", { ranking: ["a", "b", "a"] })]);
    expect(problems(input)).toBe('ballots[1].ranking[2]: "a" is ranked twice');
  });

  it("refuses an unknown id in a ranking", () => {
    expect(problems(file("irv", [ballot("v1", { ranking: ["a", "z"] })]))).toBe(
      'ballots[0].ranking[1]: "z" is not an option',
    );
  });

  it("refuses negative and fractional dot counts", () => {
    const input = file("dots", [ballot("v1", { dots: { a: -1 } }), ballot("v2", { dots: { b: 1.5 } })]);
    expect(problems(input)).toBe("ballots[0].dots.a: must be at least 0\nballots[1].dots.b: must be a whole number");
  });

  it("refuses ratings outside 1–5, fractional ones too", () => {
    const input = file("rating", [
      ballot("v1", { ratings: { a: 0 } }),
      ballot("v2", { ratings: { b: 6 } }),
      ballot("v3", { ratings: { a: 2.5 } }),
    ]);
    expect(problems(input)).toBe(
      [
        "ballots[0].ratings.a: must be at least 1",
        "ballots[1].ratings.b: must be at most 5",
        "ballots[2].ratings.a: must be a whole number",
      ].join("\n"),
    );
  });

  it("refuses unknown ids in dots and ratings, __proto__ too (which Zod alone would drop)", () => {
    expect(problems(file("dots", [ballot("v1", { dots: { a: 1, z: 2 } })]))).toBe(
      'ballots[0].dots.z: "z" is not an option',
    );
    expect(
      problems(
        JSON.parse(
          '{"format":"ballots/v1","method":"rating","options":[{"id":"a","name":"A"}],"ballots":[{"voter":"v1","group":"g","ratings":{"__proto__":3}}]}',
        ),
      ),
    ).toBe('ballots[0].ratings.__proto__: "__proto__" is not an option');
  });

  it("refuses a ballot of another method's kind, a voter with two ballots and an option id given twice", () => {
    expect(problems(file("dots", [ballot("v1", { ranking: ["a"] })]))).toBe(
      "ballots[0].dots: required\nballots[0].ranking: unknown field",
    );
    expect(problems(file("irv", [ballot("v1", { ranking: ["a"] }), ballot("v1", { ranking: ["b"] })]))).toBe(
      'ballots[1].voter: "v1" already has a ballot',
    );
    expect(problems({ ...file("irv", []), options: [...OPTIONS, { id: "a", name: "Again" }] })).toBe(
      'options[2].id: "a" is already an option\'s id',
    );
  });

  it("refuses an unknown method and another format", () => {
    expect(problems(file("approval", []))).toBe("method: must be one of dots, borda, irv, rating");
    expect(problems({ ...file("dots", []), format: "workshop/v1" })).toBe('format: must be "ballots/v1"');
  });

  it("says malformed JSON at the root", () => {
    const result = parseBallotsDocument("{");
    expect(result.ok ? "accepted" : formatIssues(result.error.issues)).toMatch(/^\(root\): malformed JSON/);
  });
});
