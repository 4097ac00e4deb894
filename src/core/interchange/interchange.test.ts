import { describe, expect, it } from "vitest";
import {
  blankWorkshop,
  FACILITATOR,
  fileExists,
  NOW,
  participant,
  play,
  readText,
} from "../../../test/support/workshops.js";
import type { WorkshopState } from "../model.js";
import { reduce } from "../reducer.js";
import { emptyWorkshop } from "../workshop.js";
import { documentToContent, stateToDocument } from "./convert.js";
import type { WorkshopDocument } from "./schema.js";
import { formatIssues, parseWorkshopDocument, type ValidationIssue, validateWorkshopDocument } from "./validate.js";

const SHARED_EXAMPLE = new URL("../../../../shared/examples/beyond-decent.workshop.json", import.meta.url);
const FRENCH_FIXTURE = new URL("../../../test/fixtures/atelier-fr.workshop.json", import.meta.url);
const DEMO_WORKSHOP = new URL("../../server/demo/demo.workshop.json", import.meta.url);

/** Imports the document as the server does (one workshopCreated event) and exports it again. */
function importState(doc: WorkshopDocument): WorkshopState {
  return reduce(emptyWorkshop("w1"), { type: "workshopCreated", workshop: documentToContent(doc, NOW) });
}

function roundTrip(doc: WorkshopDocument): WorkshopDocument {
  return stateToDocument(importState(doc));
}

function validDocument(input: unknown): WorkshopDocument {
  const result = validateWorkshopDocument(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function issuesOf(input: unknown): ValidationIssue[] {
  const result = validateWorkshopDocument(input);
  if (result.ok) throw new Error("expected the document to be invalid");
  return result.error.issues;
}

function themeAt(doc: WorkshopDocument, t: number): WorkshopDocument["themes"][number] {
  const theme = doc.themes[t];
  if (!theme) throw new Error(`fixture has no theme ${t}`);
  return theme;
}

function cardAt(doc: WorkshopDocument, t: number, c: number): WorkshopDocument["unclusteredCards"][number] {
  const card = themeAt(doc, t).cards[c];
  if (!card) throw new Error(`fixture has no card ${c} in theme ${t}`);
  return card;
}

function expectIssue(input: unknown, path: string, message: string): void {
  expect(issuesOf(input)).toContainEqual({ path, message: expect.stringContaining(message) });
}

/** The fixture files: each validates unchanged and survives import + export field for field. */
function describeFixtureRoundTrip(url: URL): void {
  it("validates unchanged", () => {
    const input = JSON.parse(readText(url)) as unknown;
    const result = validateWorkshopDocument(input);
    expect(result.ok ? "valid" : formatIssues(result.error.issues)).toBe("valid");
    expect(validDocument(input)).toStrictEqual(input);
  });

  it("import then export gives back every field, every theme and every card in order", () => {
    const input = JSON.parse(readText(url)) as WorkshopDocument;
    expect(roundTrip(validDocument(input))).toStrictEqual(input);
  });

  it("export writes the fields in the order of the file", () => {
    const text = readText(url);
    const output = roundTrip(validDocument(JSON.parse(text)));
    expect(JSON.stringify(output, null, 2)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it("survives the JSON serialisation a snapshot applies to the state", () => {
    const input = JSON.parse(readText(url)) as WorkshopDocument;
    const state = JSON.parse(JSON.stringify(importState(validDocument(input)))) as WorkshopState;
    expect(stateToDocument(state)).toStrictEqual(input);
  });
}

const sharedPresent = fileExists(SHARED_EXAMPLE);
describe.skipIf(!sharedPresent)(
  sharedPresent
    ? "reference example ../shared/examples/beyond-decent.workshop.json"
    : "reference example SKIPPED: the shared fixture ../shared/examples/beyond-decent.workshop.json is absent",
  () => describeFixtureRoundTrip(SHARED_EXAMPLE),
);

describe("French fixture test/fixtures/atelier-fr.workshop.json", () => {
  describeFixtureRoundTrip(FRENCH_FIXTURE);

  it("is in French", () => {
    expect(validDocument(JSON.parse(readText(FRENCH_FIXTURE))).language).toBe("fr");
  });
});

describe("bundled demo src/server/demo/demo.workshop.json", () => {
  describeFixtureRoundTrip(DEMO_WORKSHOP);
});

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "🚀👩🏽‍💻🇨🇦 emoji, astral and joined",
  "שלום עולם — مرحبا بالعالم — RTL",
  `He said "stop" and 'left' \\ with a backslash`,
  "line one\nline two\r\nline three\u2028separator",
  "e\u0301 combining, zero\u200bwidth, tab\there",
  "'; DROP TABLE events; --",
  "{{constructor.constructor('alert(1)')()}}",
];

/** A 1×1 PNG, for the optional branding logo. */
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const hostile = (n: number): string => HOSTILE[n % HOSTILE.length] ?? "plain";

/**
 * A valid workshop with `themeCount` themes of `cardsPerTheme` cards, hostile text everywhere
 * that takes text, optional fields, votes and footnotes. Card ids run backwards so that a
 * sorted export would show.
 */
function generatedDocument(themeCount = 12, cardsPerTheme = 25): WorkshopDocument {
  const themes = Array.from({ length: themeCount }, (_, t) => ({
    id: `theme-${themeCount - t}`,
    name: `${hostile(t)} #${t}`,
    keyPoints: [hostile(t + 1), hostile(t + 2)],
    headline: t % 3 === 0 ? "" : hostile(t + 3),
    narrative: t % 2 === 0 ? `${hostile(t)}\n\n${hostile(t + 4)}` : "",
    cards: Array.from({ length: cardsPerTheme }, (_, c) => ({
      id: `card-${t}-${cardsPerTheme - c}`,
      text: `${hostile(t * cardsPerTheme + c)} (${t}/${c})`,
      ...(c % 3 === 0 ? { author: hostile(c) } : {}),
      ...(c % 4 === 1 ? { group: `Groupe « ${c % 5} »` } : {}),
    })),
  }));
  return {
    format: "workshop/v1",
    title: `Atelier ${hostile(0)} ${hostile(3)}`,
    organization: hostile(1),
    preparedFor: hostile(2),
    preparedBy: hostile(4),
    event: hostile(5),
    heldOn: "2024-02-29",
    reportDate: "2024-03-01",
    language: "fr",
    branding: { accentColor: "#1F6F8B", logo: { mediaType: "image/png", dataBase64: TINY_PNG } },
    facilitators: [{ name: hostile(3), organization: hostile(6) }],
    participantGroups: [hostile(4), hostile(0)],
    overview: HOSTILE.join("\n"),
    goal: hostile(6),
    focusQuestion: hostile(7),
    method: hostile(8),
    rationalAim: hostile(9),
    experientialAim: hostile(1),
    themes,
    unclusteredCards: [
      { id: "loose-2", text: hostile(0) },
      { id: "loose-1", text: hostile(2), author: hostile(4), group: hostile(5) },
    ],
    footnotes: [
      { mark: "*", text: hostile(0) },
      { mark: "1", text: hostile(1) },
    ],
    reflections: hostile(2),
    nextSteps: hostile(3),
    source: hostile(4),
    votes: [
      { themeId: `theme-${themeCount}`, voterId: "p-1", count: 2 },
      { themeId: "theme-1", voterId: "p-2", count: 3 },
      { themeId: "theme-1", voterId: "proxy:Show of hands", count: 12, proxy: true },
    ],
  };
}

describe("generated workshop with 12 themes × 25 cards and hostile text", () => {
  it("is valid and validates unchanged", () => {
    const doc = generatedDocument();
    expect(validDocument(doc)).toStrictEqual(doc);
    expect(doc.themes.flatMap((theme) => theme.cards)).toHaveLength(300);
  });

  it("round-trips every field, theme and card in order", () => {
    const doc = generatedDocument();
    expect(roundTrip(validDocument(doc))).toStrictEqual(doc);
  });

  it("round-trips through JSON text, as a file on disk does", () => {
    const doc = generatedDocument();
    const text = JSON.stringify(doc, null, 2);
    const parsed = parseWorkshopDocument(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(JSON.stringify(roundTrip(parsed.value), null, 2)).toBe(text);
  });

  it("unknown top-level fields survive the round trip untouched", () => {
    const doc = {
      ...generatedDocument(3, 2),
      generator: "Another tool 2.0",
      "x-layout": { columns: [1, 2, 3], colours: { "theme-1": "#ff0000" }, note: null },
      extraList: ["a", { b: true }],
    };
    const result = roundTrip(validDocument(doc));
    expect(result).toStrictEqual(doc);
    expect(importState(validDocument(doc)).extensions).toStrictEqual({
      generator: doc.generator,
      "x-layout": doc["x-layout"],
      extraList: doc.extraList,
    });
  });

  it("keeps the privacy settings through export and import, and writes none that are at their default", () => {
    const privacy = { showAuthors: true, minVotersPerGroup: 5, breakdownsOnProjector: true };
    const doc = { ...generatedDocument(3, 2), privacy };
    expect(roundTrip(validDocument(doc))).toStrictEqual(doc);
    expect(importState(validDocument(doc)).settings).toMatchObject(privacy);
    const anonymous = play(blankWorkshop(), FACILITATOR, {
      type: "updateSettings",
      patch: { anonymousCards: true, minVotersPerGroup: 3, breakdownsOnProjector: false },
    });
    expect(stateToDocument(anonymous).privacy).toStrictEqual({ anonymousCards: true });
    expect(stateToDocument(blankWorkshop())).not.toHaveProperty("privacy");
    expect(issuesOf({ ...doc, privacy: { minVotersPerGroup: 0 } }).map((issue) => issue.path)).toEqual([
      "privacy.minVotersPerGroup",
    ]);
  });

  it("an empty workshop round-trips too", () => {
    const doc = { ...generatedDocument(0, 0), unclusteredCards: [], footnotes: [] };
    delete doc.votes;
    expect(roundTrip(validDocument(doc))).toStrictEqual(doc);
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

/*
 * Known defects, left failing on purpose (see the report): an exported file must always be a
 * valid workshop/v1 file, and an imported card id must survive the snapshot the server takes
 * of the state right after import.
 */
describe("export stays valid after live changes", () => {
  it("a workshop whose voted theme was deleted still exports a valid file", () => {
    const ana = participant("p-ana");
    let state: WorkshopState = play(
      blankWorkshop(),
      FACILITATOR,
      { type: "setPhase", phase: "brainstorm" },
      { type: "createTheme", themeId: "t1", name: "Daylight" },
      { type: "createTheme", themeId: "t2", name: "Quiet" },
      { type: "setPhase", phase: "prioritize" },
      { type: "openVoting" },
    );
    state = play(state, ana, { type: "castVote", themeId: "t1", count: 2 });
    state = play(state, FACILITATOR, { type: "setPhase", phase: "resolve" }, { type: "deleteTheme", themeId: "t1" });
    const result = validateWorkshopDocument(JSON.parse(JSON.stringify(stateToDocument(state))));
    expect(result.ok ? "valid" : formatIssues(result.error.issues)).toBe("valid");
  });

  it("a card whose id is __proto__ survives the JSON snapshot of the imported state", () => {
    const doc = generatedDocument(2, 2);
    doc.unclusteredCards.push({ id: "__proto__", text: "An ordinary card with an unlucky id" });
    const input = JSON.parse(JSON.stringify(doc)) as WorkshopDocument;
    const state = importState(validDocument(input));
    expect(Object.keys(state.cards)).toContain("__proto__");
    const reloaded = JSON.parse(JSON.stringify(state)) as WorkshopState;
    expect(stateToDocument(reloaded)).toStrictEqual(input);
  });
});
