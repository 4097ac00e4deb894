import { describe, expect, it } from "vitest";
import {
  generatedDocument,
  importState,
  issuesOf,
  roundTrip,
  validDocument,
} from "../../../test/support/interchangeDocuments.js";
import {
  blankWorkshop,
  FACILITATOR,
  fileExists,
  participant,
  play,
  readText,
} from "../../../test/support/workshops.js";
import type { SerializedState } from "../events.js";
import type { WorkshopState } from "../model.js";
import { revivedState } from "../workshop.js";
import { stateToDocument } from "./convert.js";
import type { WorkshopDocument } from "./schema.js";
import { formatIssues, parseWorkshopDocument, validateWorkshopDocument } from "./validate.js";

const SHARED_EXAMPLE = new URL("../../../../shared/examples/beyond-decent.workshop.json", import.meta.url);
const FRENCH_FIXTURE = new URL("../../../test/fixtures/atelier-fr.workshop.json", import.meta.url);
const DEMO_WORKSHOP = new URL("../../server/demo/demo.workshop.json", import.meta.url);

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
    const state = revivedState(JSON.parse(JSON.stringify(importState(validDocument(input)))) as SerializedState);
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
    state = play(state, ana, { type: "joinWorkshop", name: "Ana" }, { type: "castVote", themeId: "t1", count: 2 });
    state = play(state, FACILITATOR, { type: "setPhase", phase: "resolve" }, { type: "deleteTheme", themeId: "t1" });
    const result = validateWorkshopDocument(JSON.parse(JSON.stringify(stateToDocument(state))));
    expect(result.ok ? "valid" : formatIssues(result.error.issues)).toBe("valid");
  });

  it("refuses a card whose id is __proto__, which a JSON snapshot could not carry", () => {
    const doc = generatedDocument(2, 2);
    doc.unclusteredCards.push({ id: "__proto__", text: "An ordinary card with an unlucky id" });
    const result = validateWorkshopDocument(JSON.parse(JSON.stringify(doc)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("this id is reserved");
  });
});
