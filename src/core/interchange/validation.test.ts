import { describe, expect, it } from "vitest";
import {
  cardAt,
  expectIssue,
  generatedDocument,
  issuesOf,
  themeAt,
} from "../../../test/support/interchangeDocuments.js";
import { MAX_NESTING_DEPTH, nestingProblem } from "./nesting.js";
import type { WorkshopDocument } from "./schema.js";
import { formatIssues, MAX_DOCUMENT_BYTES, parseWorkshopDocument, validateWorkshopDocument } from "./validate.js";

describe("what is refused before it can be stored or sent to phones", () => {
  it("unknown top-level fields are refused, each by name", () => {
    const doc = { ...generatedDocument(3, 2), generator: "Another tool 2.0", junk: "x".repeat(1000) };
    expect(issuesOf(doc)).toEqual([{ path: "generator, junk", message: "unknown field" }]);
  });

  it("a 5,000-deep value is refused at the path where it passes 64 levels, without overflowing the stack", () => {
    // Written as text: JSON.stringify itself recurses, and would overflow on the way.
    const doc = JSON.stringify({ ...generatedDocument(2, 2), junk: "DEEP" });
    const text = doc.replace('"DEEP"', `${"[".repeat(5000)}"bottom"${"]".repeat(5000)}`);
    const issues = issuesOf(JSON.parse(text));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(`junk${"[0]".repeat(63)}`);
    expect(issues[0]?.message).toBe(`nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`);
    expect(parseWorkshopDocument(text)).toMatchObject({ ok: false, error: { issues } });
  });

  it("nesting within the limit is judged by the schema as usual", () => {
    let deep: unknown = "bottom";
    for (let level = 0; level < MAX_NESTING_DEPTH - 1; level += 1) deep = [deep];
    expect(nestingProblem({ a: deep })).toBeUndefined();
    expect(nestingProblem({ a: [deep] })).toEqual({
      path: `a${"[0]".repeat(MAX_NESTING_DEPTH - 1)}`,
      message: `nested too deeply (at most ${MAX_NESTING_DEPTH} levels)`,
    });
  });

  it("a file larger than the limit is refused before it is parsed", () => {
    const text = JSON.stringify({ ...generatedDocument(1, 1), overview: "é".repeat(MAX_DOCUMENT_BYTES / 2) });
    expect(parseWorkshopDocument(text)).toMatchObject({
      ok: false,
      error: { issues: [{ path: "(root)", message: "too large (at most 16 MB)" }] },
    });
  });
});

describe("validation issues name the path and say what is wrong", () => {
  const base = () => structuredClone(generatedDocument(5, 4)) as Record<string, unknown> & WorkshopDocument;

  it("a missing top-level field is required", () => {
    const doc = base();
    delete (doc as Partial<WorkshopDocument>).title;
    expect(issuesOf(doc)).toEqual([{ path: "title", message: "required" }]);
    expect(formatIssues(issuesOf(doc))).toBe("title: required");
  });

  it("a missing nested field is required, with its full path", () => {
    const doc = base();
    delete (cardAt(doc, 2, 0) as { text?: string }).text;
    expect(issuesOf(doc)).toEqual([{ path: "themes[2].cards[0].text", message: "required" }]);
    expect(formatIssues(issuesOf(doc))).toBe("themes[2].cards[0].text: required");
  });

  it("a field of the wrong type says what was expected and what was found", () => {
    expectIssue({ ...base(), heldOn: 5 }, "heldOn", "expected string, got number");
    expectIssue({ ...base(), themes: {} }, "themes", "expected array, got object");
    expectIssue({ ...base(), facilitators: "Ana" }, "facilitators", "expected array, got string");
  });

  it("a duplicate card id within one theme", () => {
    const doc = base();
    const id = cardAt(doc, 1, 0).id;
    themeAt(doc, 1).cards[3] = { id, text: "Same id" };
    expect(issuesOf(doc)).toEqual([{ path: "themes[1].cards[3].id", message: `duplicate card id "${id}"` }]);
  });

  it("a duplicate card id between a theme and the unclustered cards names the theme", () => {
    const doc = base();
    const id = cardAt(doc, 0, 1).id;
    doc.unclusteredCards[1] = { id, text: "Same id" };
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("unclusteredCards[1].id");
    expect(issues[0]?.message).toContain(`duplicate card id "${id}"`);
    expect(issues[0]?.message).toContain(`"${themeAt(doc, 0).id}"`);
  });

  it("a card in two themes names both themes", () => {
    const doc = base();
    const id = cardAt(doc, 0, 2).id;
    themeAt(doc, 3).cards[1] = { id, text: "Copied" };
    const issues = issuesOf(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("themes[3].cards[1].id");
    expect(issues[0]?.message).toContain(`"${themeAt(doc, 0).id}"`);
    expect(issues[0]?.message).toContain(`"${themeAt(doc, 3).id}"`);
  });

  it("a duplicate theme id", () => {
    const doc = base();
    const duplicate = themeAt(doc, 1).id;
    themeAt(doc, 4).id = duplicate;
    expectIssue(doc, "themes[4].id", `duplicate theme id "${duplicate}"`);
  });

  it("an unknown format", () => {
    expect(issuesOf({ ...base(), format: "workshop/v2" })).toEqual([
      { path: "format", message: expect.stringContaining('"workshop/v1"') },
    ]);
  });

  it("malformed JSON is one issue at (root)", () => {
    for (const text of ["{ not json", JSON.stringify(base()).slice(0, -10), ""]) {
      const result = parseWorkshopDocument(text);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.issues).toEqual([{ path: "(root)", message: expect.stringContaining("malformed JSON") }]);
      expect(formatIssues(result.error.issues)).toMatch(/^\(root\): malformed JSON/);
    }
  });

  it("JSON that is not an object is refused at (root)", () => {
    const result = parseWorkshopDocument("[1, 2, 3]");
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual(["(root)"]);
  });

  it("dates must be real ISO dates", () => {
    expectIssue({ ...base(), heldOn: "2024-02-30" }, "heldOn", "ISO date");
    expectIssue({ ...base(), reportDate: "05/02/2024" }, "reportDate", "ISO date");
    expectIssue({ ...base(), heldOn: "2023-02-29" }, "heldOn", "ISO date");
  });

  it("an unknown nested field is refused, though unknown top-level fields are kept", () => {
    const doc = base();
    (cardAt(doc, 0, 0) as Record<string, unknown>).colour = "red";
    expect(issuesOf(doc)).toEqual([{ path: "themes[0].cards[0].colour", message: "unknown field" }]);
  });

  it("reports every issue at once, one line per issue, path first", () => {
    const doc = base() as Record<string, unknown>;
    delete doc.title;
    doc.heldOn = "05/02/2024";
    doc.format = "workshop/v2";
    const result = validateWorkshopDocument(doc);
    if (result.ok) throw new Error("expected invalid");
    const lines = formatIssues(result.error.issues).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        "title: required",
        expect.stringMatching(/^heldOn: .*ISO date/),
        expect.stringMatching(/^format: .*workshop\/v1/),
      ]),
    );
    expect(result.error.message).toBe(`Not a valid workshop/v1 file:\n${lines.join("\n")}`);
  });
});
