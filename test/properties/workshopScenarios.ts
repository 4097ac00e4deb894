/**
 * Random workshops for the replay property: command sequences from a facilitator and a few
 * participants (ids that name Object.prototype members included), walked through the phases in
 * blocks that fit each phase, with a share of commands that must be refused; and the imported
 * document a scenario may start from.
 */
import fc from "fast-check";
import { PHASES, type Phase, validateWorkshopDocument, type WorkshopDocument } from "../../src/core/index.js";
import {
  anyone,
  commands,
  FACILITATOR,
  member,
  participantArb,
  type Step,
  steerer,
  step,
  w,
} from "./workshopCommands.js";

const MAX_COMMANDS = 250;

const facilitatorArb = fc.constant(FACILITATOR);

/** Any command from anyone, in any phase: the source of forbidden, unknown and conflicting commands. */
const anyStep: fc.Arbitrary<Step> = fc.oneof(
  w(3, step(steerer, commands.setPhase)),
  w(2, step(participantArb, commands.joinWorkshop)),
  w(8, step(member, commands.addCard)),
  w(2, step(member, commands.editCard)),
  w(2, step(member, commands.removeCard)),
  w(8, step(member, commands.moveCard)),
  w(3, step(steerer, commands.createTheme)),
  w(1, step(steerer, commands.deleteTheme)),
  w(2, step(steerer, commands.moveTheme)),
  w(1, step(steerer, commands.mergeThemes)),
  w(2, step(steerer, commands.nameTheme)),
  w(1, step(steerer, commands.setKeyPoints)),
  w(1, step(steerer, commands.setHeadline)),
  w(1, step(steerer, commands.setNarrative)),
  w(1, step(steerer, commands.setFootnote)),
  w(1, step(steerer, commands.removeFootnote)),
  w(5, step(member, commands.castVote)),
  w(1, step(steerer, commands.updateSettings)),
  w(1, step(anyone, commands.updateContext)),
  w(1, step(steerer, commands.addTable)),
  w(1, step(steerer, commands.removeTable)),
  w(1, step(steerer, commands.startRound)),
  w(1, step(steerer, commands.revealRound)),
  w(1, step(anyone, commands.submitTableCards)),
  w(1, step(steerer, commands.startTimer)),
  w(1, step(steerer, commands.stopTimer)),
  w(1, step(steerer, commands.restoreCard)),
  w(2, step(steerer, commands.mergeCards)),
  w(1, step(steerer, commands.recordVotes)),
  w(1, step(steerer, commands.openVoting)),
  w(1, step(steerer, commands.closeVoting)),
  w(1, step(steerer, commands.revealResults)),
  w(1, step(anyone, commands.proposeName)),
  w(1, step(anyone, commands.withdrawNameProposal)),
  w(4, step(steerer, commands.undo)),
  w(1, step(steerer, commands.restoreTheme)),
);

/** Commands the method expects in a phase, from the role that sends them there: most are accepted. */
const fittingSteps: Record<Phase, fc.Arbitrary<Step>> = {
  context: fc.oneof(
    w(2, step(facilitatorArb, commands.updateContext)),
    w(1, step(facilitatorArb, commands.updateSettings)),
    w(2, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.addTable)),
    w(1, step(facilitatorArb, commands.startTimer)),
  ),
  brainstorm: fc.oneof(
    w(8, step(participantArb, commands.addCardToPile)),
    w(3, step(facilitatorArb, commands.addCard)),
    w(3, step(facilitatorArb, commands.createTheme)),
    w(2, step(participantArb, commands.editCard)),
    w(1, step(participantArb, commands.removeCard)),
    w(1, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.roundsAtTables)),
    w(1, step(facilitatorArb, commands.startRound)),
    w(2, step(participantArb, commands.submitTableCards)),
    w(1, step(facilitatorArb, commands.revealRound)),
    w(1, step(facilitatorArb, commands.stopTimer)),
  ),
  cluster: fc.oneof(
    w(3, step(facilitatorArb, commands.undo)),
    w(6, step(facilitatorArb, commands.moveCard)),
    w(4, step(participantArb, commands.moveCard)),
    w(1, step(facilitatorArb, commands.letParticipantsMove)),
    w(2, step(facilitatorArb, commands.createTheme)),
    w(1, step(facilitatorArb, commands.mergeThemes)),
    w(1, step(facilitatorArb, commands.deleteTheme)),
    w(1, step(facilitatorArb, commands.moveTheme)),
    w(2, step(facilitatorArb, commands.mergeCards)),
    w(1, step(facilitatorArb, commands.revealRound)),
  ),
  name: fc.oneof(
    w(3, step(anyone, commands.proposeName)),
    w(1, step(anyone, commands.withdrawNameProposal)),
    w(2, step(facilitatorArb, commands.undo)),
    w(1, step(facilitatorArb, commands.createTheme)),
    w(4, step(facilitatorArb, commands.nameTheme)),
    w(2, step(facilitatorArb, commands.setKeyPoints)),
    w(2, step(facilitatorArb, commands.moveCard)),
    w(1, step(facilitatorArb, commands.moveTheme)),
  ),
  resolve: fc.oneof(
    w(2, step(facilitatorArb, commands.undo)),
    w(1, step(facilitatorArb, commands.createTheme)),
    w(3, step(facilitatorArb, commands.setHeadline)),
    w(3, step(facilitatorArb, commands.setNarrative)),
    w(2, step(facilitatorArb, commands.setKeyPoints)),
    w(1, step(facilitatorArb, commands.mergeThemes)),
    w(1, step(facilitatorArb, commands.deleteTheme)),
    w(1, step(facilitatorArb, commands.restoreCard)),
  ),
  prioritize: fc.oneof(
    w(2, step(facilitatorArb, commands.openVoting)),
    w(1, step(facilitatorArb, commands.closeVoting)),
    w(1, step(facilitatorArb, commands.revealResults)),
    w(1, step(facilitatorArb, commands.recordVotes)),
    w(6, step(participantArb, commands.castVote)),
    w(1, step(participantArb, commands.joinWorkshop)),
    w(1, step(facilitatorArb, commands.moveTheme)),
  ),
  capture: fc.oneof(
    w(2, step(facilitatorArb, commands.setFootnote)),
    w(1, step(facilitatorArb, commands.removeFootnote)),
    w(2, step(facilitatorArb, commands.setHeadline)),
    w(2, step(facilitatorArb, commands.editCard)),
    w(1, step(facilitatorArb, commands.removeCard)),
  ),
};

/**
 * A stretch of the session: the facilitator opens a phase (a refused no-op if it is the current
 * one), then commands follow, most of them fitting the phase and some of them anything at all.
 */
const blockFor = (phase: Phase): fc.Arbitrary<Step[]> =>
  fc
    .array(fc.oneof(w(5, fittingSteps[phase]), w(1, anyStep)), { minLength: 8, maxLength: 45, size: "max" })
    .map((steps): Step[] => [{ actor: FACILITATOR, command: { type: "setPhase", phase } }, ...steps]);

/** How the facilitator walks the phases: mostly on to the next, sometimes back one, sometimes anywhere. */
const phaseMove = fc.oneof(
  w(5, fc.constant<"next" | "back" | Phase>("next")),
  w(1, fc.constant<"next" | "back" | Phase>("back")),
  w(1, fc.constantFrom<"next" | "back" | Phase>(...PHASES)),
);

function walkPhases(moves: readonly ("next" | "back" | Phase)[]): Phase[] {
  let at = 0;
  return moves.map((move) => {
    if (move === "next") at = (at + 1) % PHASES.length;
    else if (move === "back") at = Math.max(at - 1, 0);
    else at = PHASES.indexOf(move);
    return PHASES[at] ?? "context";
  });
}

/** A small imported workshop whose ids are in the pools, with votes, so commands meet it at once. */
export const IMPORTED: WorkshopDocument = (() => {
  const result = validateWorkshopDocument({
    format: "workshop/v1",
    title: "Imported",
    organization: "",
    preparedFor: "",
    preparedBy: "",
    event: "",
    heldOn: "2024-01-28",
    reportDate: "2024-02-05",
    language: "fr",
    facilitators: [],
    participantGroups: [],
    overview: "",
    goal: "",
    focusQuestion: "",
    method: "",
    themes: [
      {
        id: "t0",
        name: "Daylight",
        keyPoints: [],
        headline: "",
        narrative: "",
        cards: [{ id: "c0", text: "Windows" }],
      },
      {
        id: "t1",
        name: "",
        keyPoints: ["Quiet"],
        headline: "",
        narrative: "",
        cards: [
          { id: "c1", text: "Quiet room", author: "Ana", group: "Ops" },
          { id: "hasOwnProperty", text: "No calls" },
        ],
      },
    ],
    unclusteredCards: [{ id: "c3", text: "Plants" }],
    footnotes: [{ mark: "*", text: "Note" }],
    reflections: "",
    nextSteps: "",
    votes: [{ themeId: "t1", voterId: "p1", count: 2 }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

export const scenarioArb = fc.record({
  imported: fc.boolean(),
  steps: fc
    .array(phaseMove, { minLength: 4, maxLength: 12, size: "max" })
    .chain((moves) => fc.tuple(...walkPhases(moves).map(blockFor)))
    .map((blocks) => blocks.flat().slice(0, MAX_COMMANDS)),
});
