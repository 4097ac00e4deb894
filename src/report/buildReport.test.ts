import { describe, expect, it } from "vitest";
import { documentToContent, revivedState, type WorkshopDocument, type WorkshopState } from "../core/index.js";
import {
  buildReport,
  documentTitle,
  facilitatedBy,
  MAX_GRID_COLUMNS,
  paragraphs,
  participants,
  splitGrid,
} from "./buildReport.js";

function doc(overrides: Partial<WorkshopDocument> = {}): WorkshopDocument {
  return {
    format: "workshop/v1",
    title: "Spring Planning",
    organization: "Acme",
    preparedFor: "Acme Board",
    preparedBy: "Overlap",
    event: "Retreat",
    heldOn: "2024-01-28",
    reportDate: "2024-02-05",
    language: "en",
    facilitators: [{ name: "Ana", organization: "Overlap" }],
    participantGroups: ["Staff", "Board"],
    overview: "First paragraph\nsecond line.\n\n  Second paragraph.  \n\n\n",
    goal: " Grow. ",
    focusQuestion: "What now?",
    method: "",
    themes: [
      {
        id: "t1",
        name: "Access",
        keyPoints: ["Open doors"],
        headline: "Open every door",
        narrative: "One.\n\nTwo.",
        cards: [
          { id: "c2", text: "Second card first" },
          { id: "c1", text: "First card second", author: "Sam" },
        ],
      },
      { id: "t2", name: "  ", keyPoints: [], headline: "", narrative: "", cards: [] },
    ],
    unclusteredCards: [{ id: "c3", text: "Loose idea" }],
    footnotes: [{ mark: "*", text: "a note" }],
    reflections: "Felt good.",
    nextSteps: "",
    votes: [{ voterId: "v1", themeId: "t1", count: 2 }],
    ...overrides,
  };
}

function stateOf(document: WorkshopDocument, participants: WorkshopState["participants"] = {}): WorkshopState {
  return revivedState({ id: "w1", ...documentToContent(document, "2024-01-28T10:00:00.000Z"), participants });
}

describe("buildReport", () => {
  it("gives the same report from a document and from the state imported from it", () => {
    const fromDocument = buildReport(doc());
    expect(buildReport(stateOf(doc()))).toEqual(fromDocument);
  });

  it("writes the front matter: '<title> Session Capture', organization | event, the date written out, who took part", () => {
    const report = buildReport(doc());
    expect(report.title).toBe("Spring Planning Session Capture");
    expect(report.subtitle).toBe("Acme | Retreat");
    expect(report.frontMatter).toEqual([
      { label: "Prepared for:", value: "Acme Board" },
      { label: "Date:", value: "February 5, 2024" },
      { label: "Prepared by:", value: "Overlap" },
      { label: "Facilitated by:", value: "Ana (Overlap)" },
      { label: "Participants:", value: "Staff and Board" },
    ]);
    expect(report.goal).toBe("Grow.");
    expect(buildReport(doc({ event: "" })).subtitle).toBe("Acme");
  });

  it("leaves the participants line out when no participant group is named", () => {
    for (const participantGroups of [[], ["  ", ""]]) {
      const labels = buildReport(doc({ participantGroups })).frontMatter.map((line) => line.label);
      expect(labels).toEqual(["Prepared for:", "Date:", "Prepared by:", "Facilitated by:"]);
    }
  });

  it("keeps cards in board order and names an untitled theme by its position", () => {
    const report = buildReport(doc());
    expect(report.themes[0]?.cards.map((card) => card.id)).toEqual(["c2", "c1"]);
    expect(report.themes[1]?.name).toBe("Untitled theme 2");
    expect(report.unclustered).toEqual([{ id: "c3", text: "Loose idea" }]);
    expect(report.themes[0]?.narrative).toEqual(["One.", "Two."]);
  });

  it("reports a card whose id names an Object.prototype member like any other", () => {
    const state = stateOf(doc());
    const cards = state.cards.set("__proto__", { id: "__proto__", text: "Odd id" });
    const themes = state.themes.map((theme, i) =>
      i === 0 ? { ...theme, cardIds: ["__proto__", "constructor"] } : theme,
    );
    const report = buildReport({ ...state, cards, themes });
    expect(report.themes[0]?.cards).toEqual([{ id: "__proto__", text: "Odd id" }]);
  });

  it("shows votes by group only when voters' groups are known (a live workshop's participants)", () => {
    expect(buildReport(doc()).prioritization?.byGroup).toEqual([]);
    const state = stateOf(doc(), { v1: { id: "v1", name: "Vi", group: "Board" } });
    // One voter: never a group of its own at the default threshold of 3, shown when the facilitator allows 1.
    expect(buildReport(state).prioritization?.byGroup).toEqual([]);
    const everyGroup = { ...state, settings: { ...state.settings, minVotersPerGroup: 1 } };
    expect(buildReport(everyGroup).prioritization?.byGroup.map((group) => group.label)).toEqual(["Board"]);
    expect(buildReport(doc({ votes: [] })).prioritization).toBeUndefined();
  });

  it("names cards' authors only where the facilitator shows them, and never in an anonymous workshop", () => {
    const texts = (report: ReturnType<typeof buildReport>) => report.themes[0]?.cards.map((card) => card.text);
    expect(texts(buildReport(doc()))).toEqual(["Second card first", "First card second"]);
    const shown = doc({ privacy: { showAuthors: true } });
    expect(texts(buildReport(shown))).toEqual(["Second card first", "First card second\n— Sam"]);
    expect(buildReport(stateOf(shown))).toEqual(buildReport(shown));
    expect(texts(buildReport(doc({ privacy: { showAuthors: true, anonymousCards: true } })))).toEqual([
      "Second card first",
      "First card second",
    ]);
  });

  it("uses the accent colour and logo of the branding, and the default accent without one", () => {
    expect(buildReport(doc()).branding).toEqual({ accentColor: "#1F5F7A" });
    const logo = { mediaType: "image/png" as const, dataBase64: "iVBORw0KGgo=" };
    expect(buildReport(doc({ branding: { accentColor: "#aa0000", logo } })).branding).toEqual({
      accentColor: "#AA0000",
      logo,
    });
  });

  it("follows the workshop's language for labels and dates", () => {
    const report = buildReport(doc({ language: "fr" }));
    expect(report.frontMatter[0]?.label).toBe("Préparé pour\u00a0:");
    expect(report.frontMatter[1]?.value).toBe("5 février 2024");
    expect(report.frontMatter.at(-1)).toEqual({ label: "Participants\u00a0:", value: "Staff et Board" });
    expect(report.title).toBe("Spring Planning — Compte rendu de la séance");
    expect(report.locale).toBe("fr-CA");
  });
});

describe("the document's title", () => {
  it("joins a title that has a spaced dash with the same dash, so one title shows one dash style", () => {
    expect(documentTitle("Santé mentale – région", "fr")).toBe("Santé mentale – région – Compte rendu de la séance");
    expect(documentTitle("Santé mentale — région", "fr")).toBe("Santé mentale — région — Compte rendu de la séance");
    expect(documentTitle("Santé mentale", "fr")).toBe("Santé mentale — Compte rendu de la séance");
    expect(documentTitle("Years 2020–2025", "fr")).toBe("Years 2020–2025 — Compte rendu de la séance");
  });
});

describe("report helpers", () => {
  it("names facilitators in the report's language, grouped by organization", () => {
    const people = [
      { name: "Rachel Hofstetter", organization: "Overlap" },
      { name: "Anna Bolger", organization: "Overlap" },
      { name: "Sam", organization: "" },
    ];
    expect(facilitatedBy(people.slice(0, 2), "en")).toBe("Rachel Hofstetter and Anna Bolger (Overlap)");
    expect(facilitatedBy(people.slice(0, 2), "fr")).toBe("Rachel Hofstetter et Anna Bolger (Overlap)");
    expect(facilitatedBy(people, "en")).toBe("Rachel Hofstetter and Anna Bolger (Overlap); Sam");
    expect(facilitatedBy([], "en")).toBe("");
  });

  it("names the participant groups in the report's language, without blanks or repeats", () => {
    const groups = ["Steering Committee", " CERIC Board ", "", "Advisory Committees", "CERIC Board"];
    expect(participants(groups, "en")).toBe("Steering Committee, CERIC Board and Advisory Committees");
    expect(participants(groups, "fr")).toBe("Steering Committee, CERIC Board et Advisory Committees");
    expect(participants(["Staff"], "en")).toBe("Staff");
    expect(participants([], "fr")).toBe("");
  });

  it("does not double the word where the title meets 'Session Capture'", () => {
    expect(documentTitle("Advocacy Campaign Development Session", "en")).toBe(
      "Advocacy Campaign Development Session Capture",
    );
    expect(documentTitle("Board Sessions", "en")).toBe("Board Sessions Session Capture");
    expect(documentTitle("A (session", "en")).toBe("A (session Session Capture");
  });

  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(paragraphs("a\nb\n\n c \r\n\r\nd")).toEqual(["a\nb", "c", "d"]);
    expect(paragraphs("  \n\n ")).toEqual([]);
  });

  it("splits a wide grid into balanced parts of at most six columns", () => {
    const sizes = (n: number) => splitGrid(Array.from({ length: n }, (_, i) => i)).map((part) => part.length);
    expect(MAX_GRID_COLUMNS).toBe(6);
    expect(sizes(0)).toEqual([]);
    expect(sizes(5)).toEqual([5]);
    expect(sizes(6)).toEqual([6]);
    expect(sizes(7)).toEqual([4, 3]);
    expect(sizes(8)).toEqual([4, 4]);
    expect(sizes(12)).toEqual([6, 6]);
    expect(sizes(13)).toEqual([5, 5, 3]);
  });
});
