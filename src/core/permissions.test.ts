import { describe, expect, it } from "vitest";
import { blankWorkshop, FACILITATOR, NOW, participant, play } from "../../test/support/workshops.js";
import { type Command, type CommandType, commandSchema } from "./commands.js";
import { decide } from "./decide.js";
import type { Actor, Role, WorkshopState } from "./model.js";
import { isAllowed, PERMISSIONS } from "./permissions.js";
import { PHASES, type Phase } from "./phases.js";

const pat = participant("p-pat");
const ROLES: readonly Role[] = ["facilitator", "participant"];
const ACTORS: Record<Role, Actor> = { facilitator: FACILITATOR, participant: pat };

/**
 * A workshop in which every command below is valid for either role, whatever the phase:
 * themes t1 [fc] and t2 [], Pat's own card pc in the pile, footnote "1", participants allowed
 * to move cards, Pat invited to co-write headlines and narratives, a running timer, and table-1 (where Pat sits) with an open round round-1 in
 * which Pat has written the candidate card pc-candidate.
 */
function richState(): WorkshopState {
  let state = play(
    blankWorkshop(),
    FACILITATOR,
    { type: "setPhase", phase: "brainstorm" },
    { type: "addTable", tableId: "table-1", name: "Table 1" },
    { type: "startTimer", durationSeconds: 300 },
  );
  state = play(state, pat, { type: "joinWorkshop", name: "Pat", tableId: "table-1" });
  state = play(
    state,
    FACILITATOR,
    { type: "setWriter", participantId: pat.id, writer: true },
    { type: "createTheme", themeId: "t1" },
    { type: "createTheme", themeId: "t2" },
    { type: "addCard", cardId: "fc", text: "Facilitator card", themeId: "t1" },
    { type: "setFootnote", mark: "1", text: "A note" },
    { type: "updateSettings", patch: { participantsMayMoveCards: true } },
  );
  state = play(state, pat, { type: "addCard", cardId: "pc", text: "Pat's card" });
  state = play(
    state,
    FACILITATOR,
    { type: "updateSettings", patch: { brainstormMode: "rounds", useTables: true } },
    { type: "startRound", roundId: "round-1", prompt: "Your two clearest ideas", perTable: 2 },
  );
  return play(state, pat, { type: "addCard", cardId: "pc-candidate", text: "Pat's candidate" });
}

/**
 * The rich state in a phase, with voting open (so a vote is refused only by the table) and one
 * name proposal by the participant, so that every command has something to act on.
 */
function votingState(phase: Phase): WorkshopState {
  const state = richState();
  const proposal = { id: "proposal-0", themeId: "t1", text: "Daylight", authorId: ACTORS.participant.id };
  return { ...state, phase, voting: { status: "open", revealed: false }, nameProposals: [proposal] };
}

/** The state each sample acts on: voting open, except for the command that opens it. */
function stateFor(type: CommandType, phase: Phase): WorkshopState {
  const state = votingState(phase);
  return type === "openVoting" ? { ...state, voting: { status: "closed", revealed: false } } : state;
}

/** One command of each type that changes something in `richState()` in the given phase. */
function sampleCommands(phase: Phase): { [K in CommandType]: Extract<Command, { type: K }> } {
  const otherPhase = PHASES[(PHASES.indexOf(phase) + 1) % PHASES.length] ?? "context";
  return {
    updateContext: { type: "updateContext", patch: { goal: "A new goal" } },
    updateSettings: { type: "updateSettings", patch: { voteBudget: 5 } },
    setPhase: { type: "setPhase", phase: otherPhase },
    setInstruction: { type: "setInstruction", phase, text: "Write one card" },
    joinWorkshop: { type: "joinWorkshop", name: "Zed" },
    addTable: { type: "addTable", tableId: "table-new", name: "Table 2" },
    removeTable: { type: "removeTable", tableId: "table-1" },
    startRound: { type: "startRound", roundId: "round-new", prompt: "More ideas", perTable: null },
    revealRound: { type: "revealRound", roundId: "round-1" },
    submitTableCards: { type: "submitTableCards", tableId: "table-1", cardIds: ["pc-candidate"] },
    startTimer: { type: "startTimer", durationSeconds: 60 },
    stopTimer: { type: "stopTimer" },
    addCard: { type: "addCard", cardId: "new-card", text: "A new card" },
    editCard: { type: "editCard", cardId: "pc", text: "Pat's card, edited" },
    removeCard: { type: "removeCard", cardId: "pc" },
    restoreCard: { type: "restoreCard", card: { id: "restored", text: "Back again" }, toThemeId: "t2", toIndex: 0 },
    mergeCards: { type: "mergeCards", sourceCardId: "pc", targetCardId: "fc" },
    moveCard: { type: "moveCard", cardId: "pc", toThemeId: "t2", toIndex: 0 },
    createTheme: { type: "createTheme", themeId: "t-new" },
    deleteTheme: { type: "deleteTheme", themeId: "t2" },
    moveTheme: { type: "moveTheme", themeId: "t1", toIndex: 1 },
    mergeThemes: { type: "mergeThemes", sourceThemeId: "t2", targetThemeId: "t1" },
    nameTheme: { type: "nameTheme", themeId: "t1", name: "Named" },
    setKeyPoints: { type: "setKeyPoints", themeId: "t1", keyPoints: ["Point"] },
    setHeadline: { type: "setHeadline", themeId: "t1", headline: "Headline" },
    setNarrative: { type: "setNarrative", themeId: "t1", narrative: "Narrative" },
    setFootnote: { type: "setFootnote", mark: "2", text: "Another note" },
    removeFootnote: { type: "removeFootnote", mark: "1" },
    castVote: { type: "castVote", themeId: "t1", count: 1 },
    recordVotes: { type: "recordVotes", voterLabel: "Show of hands", themeId: "t1", count: 4 },
    openVoting: { type: "openVoting" },
    closeVoting: { type: "closeVoting" },
    revealResults: { type: "revealResults", revealed: true },
    proposeName: { type: "proposeName", proposalId: "proposal-1", themeId: "t1", text: "Let the light in" },
    withdrawNameProposal: { type: "withdrawNameProposal", proposalId: "proposal-0" },
    undo: { type: "undo" },
    spotlightTheme: { type: "spotlightTheme", themeId: "t1" },
    setWriter: { type: "setWriter", participantId: pat.id, writer: false },
    restoreTheme: {
      type: "restoreTheme",
      theme: { id: "t-restored", name: "", keyPoints: [], headline: "", narrative: "", cardIds: [] },
      index: 0,
      votes: [],
    },
  };
}

const COMMAND_TYPES = Object.keys(PERMISSIONS) as CommandType[];

const cases = COMMAND_TYPES.flatMap((type) =>
  ROLES.flatMap((role) => PHASES.map((phase) => ({ type, role, phase, allowed: isAllowed(type, role, phase) }))),
);

function attempt(type: CommandType, role: Role, phase: Phase) {
  const command = sampleCommands(phase)[type];
  return decide(stateFor(type, phase), commandSchema.parse(command), ACTORS[role], NOW);
}

function allowedPhases(type: CommandType, role: Role): Phase[] {
  return PHASES.filter((phase) => decide(stateFor(type, phase), sampleCommands(phase)[type], ACTORS[role], NOW).ok);
}

describe("permission table", () => {
  it("has a row for every command type the schema accepts, and no other", () => {
    const schemaTypes = commandSchema.options.map((option) => option.shape.type.value);
    expect([...COMMAND_TYPES].sort()).toEqual([...schemaTypes].sort());
  });

  it("every sample command is valid for the schema", () => {
    for (const phase of PHASES) {
      for (const command of Object.values(sampleCommands(phase)))
        expect(commandSchema.safeParse(command).success).toBe(true);
    }
  });

  it.each(cases)("$role $type in $phase: allowed=$allowed", ({ type, role, phase, allowed }) => {
    const result = attempt(type, role, phase);
    if (allowed) {
      // Accepted, and not a silent no-op: the state was built so that the command changes it.
      expect(result.ok ? result.value.length : result.error).toBeGreaterThan(0);
    } else {
      expect(result).toEqual({
        ok: false,
        error: {
          code: "forbidden",
          message: expect.any(String),
          reason: "notAllowed",
          params: { role, command: type, phase },
        },
      });
    }
  });

  it("a forbidden command is refused before its payload is looked at", () => {
    const state = { ...richState(), phase: "context" as const };
    const unknownTheme = decide(state, { type: "castVote", themeId: "nope", count: 99 }, pat);
    expect(unknownTheme.ok ? "accepted" : unknownTheme.error.code).toBe("forbidden");
    const unknownCard = decide(state, { type: "editCard", cardId: "nope", text: "x" }, pat);
    expect(unknownCard.ok ? "accepted" : unknownCard.error.code).toBe("forbidden");
  });
});

describe("the permission table encodes the consensus-workshop method", () => {
  it("participants add, edit and remove their cards only in brainstorm", () => {
    expect(allowedPhases("addCard", "participant")).toEqual(["brainstorm"]);
    expect(allowedPhases("editCard", "participant")).toEqual(["brainstorm"]);
    expect(allowedPhases("removeCard", "participant")).toEqual(["brainstorm"]);
  });

  it("participants move cards only in cluster", () => {
    expect(allowedPhases("moveCard", "participant")).toEqual(["cluster"]);
  });

  it("participants vote only in prioritize, and the facilitator never votes", () => {
    expect(allowedPhases("castVote", "participant")).toEqual(["prioritize"]);
    expect(allowedPhases("castVote", "facilitator")).toEqual([]);
  });

  it("participants may join in any phase; the facilitator does not join", () => {
    expect(allowedPhases("joinWorkshop", "participant")).toEqual([...PHASES]);
    expect(allowedPhases("joinWorkshop", "facilitator")).toEqual([]);
  });

  it("participants never steer: no setPhase, updateContext, updateSettings, nameTheme or column edits", () => {
    for (const type of [
      "setPhase",
      "updateContext",
      "updateSettings",
      "nameTheme",
      "createTheme",
      "deleteTheme",
      "moveTheme",
      "mergeThemes",
      "setKeyPoints",
      "setFootnote",
      "removeFootnote",
    ] as const) {
      expect(allowedPhases(type, "participant"), type).toEqual([]);
    }
  });

  it("invited participants co-write headlines and narratives in resolve only; others never do", () => {
    expect(allowedPhases("setHeadline", "participant")).toEqual(["resolve"]);
    expect(allowedPhases("setNarrative", "participant")).toEqual(["resolve"]);
    const uninvited = play(votingState("resolve"), FACILITATOR, {
      type: "setWriter",
      participantId: pat.id,
      writer: false,
    });
    for (const command of [
      { type: "setHeadline", themeId: "t1", headline: "Mine" },
      { type: "setNarrative", themeId: "t1", narrative: "Mine" },
    ] as const) {
      const result = decide(uninvited, command, pat, NOW);
      expect(result.ok ? "accepted" : result.error.code, command.type).toBe("forbidden");
    }
  });

  it("only the facilitator puts a column on screen and invites writers", () => {
    expect(allowedPhases("spotlightTheme", "facilitator")).toEqual(["name", "resolve"]);
    expect(allowedPhases("spotlightTheme", "participant")).toEqual([]);
    expect(allowedPhases("setWriter", "facilitator")).toEqual([...PHASES]);
    expect(allowedPhases("setWriter", "participant")).toEqual([]);
  });

  it("the facilitator can set every phase from every phase, forward and back", () => {
    for (const from of PHASES) {
      for (const to of PHASES) {
        if (from === to) continue;
        const result = decide({ ...richState(), phase: from }, { type: "setPhase", phase: to }, FACILITATOR);
        expect(result, `${from} → ${to}`).toEqual({
          ok: true,
          value: [{ type: "phaseChanged", phase: to, previous: from }],
        });
      }
    }
  });

  it("the facilitator shapes the board in brainstorm to resolve and names themes from name to capture", () => {
    for (const type of ["addCard", "moveCard", "createTheme", "deleteTheme", "mergeThemes"] as const) {
      expect(allowedPhases(type, "facilitator"), type).toEqual(["brainstorm", "cluster", "name", "resolve"]);
    }
    for (const type of ["nameTheme", "setKeyPoints", "setHeadline", "setNarrative"] as const) {
      expect(allowedPhases(type, "facilitator"), type).toEqual(["name", "resolve", "prioritize", "capture"]);
    }
  });

  it("the facilitator may correct the record in any phase", () => {
    for (const type of [
      "updateContext",
      "updateSettings",
      "editCard",
      "removeCard",
      "moveTheme",
      "setFootnote",
      "removeFootnote",
    ] as const) {
      expect(allowedPhases(type, "facilitator"), type).toEqual([...PHASES]);
    }
  });
});
