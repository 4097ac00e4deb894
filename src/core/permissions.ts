import type { CommandType } from "./commands.js";
import type { Role } from "./model.js";
import { ANY_PHASE, type Phase } from "./phases.js";

/** Who may send a command in which phase, and whether the board's undo may take it back. */
export interface Permission {
  facilitator: readonly Phase[];
  participant: readonly Phase[];
  undoable: boolean;
}

const NEVER: readonly Phase[] = [];
const BOARD: readonly Phase[] = ["brainstorm", "cluster", "name", "resolve"];
const NAMING: readonly Phase[] = ["name", "resolve", "prioritize", "capture"];

/**
 * The permission table. The facilitator steers the room and may correct the record in any
 * phase; participants act only in the phase the method gives them. Participant rights that a
 * setting controls (moving cards) are checked again in `decide`.
 */
export const PERMISSIONS: Record<CommandType, Permission> = {
  updateContext: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
  updateSettings: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  setPhase: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  setInstruction: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
  joinWorkshop: { facilitator: NEVER, participant: ANY_PHASE, undoable: false },
  addTable: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  removeTable: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  startRound: { facilitator: ["brainstorm"], participant: NEVER, undoable: false },
  revealRound: { facilitator: ["brainstorm", "cluster"], participant: NEVER, undoable: false },
  submitTableCards: { facilitator: ["brainstorm"], participant: ["brainstorm"], undoable: false },
  startTimer: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  stopTimer: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  addCard: { facilitator: BOARD, participant: ["brainstorm"], undoable: true },
  editCard: { facilitator: ANY_PHASE, participant: ["brainstorm"], undoable: true },
  removeCard: { facilitator: ANY_PHASE, participant: ["brainstorm"], undoable: true },
  restoreCard: { facilitator: BOARD, participant: NEVER, undoable: true },
  mergeCards: { facilitator: BOARD, participant: NEVER, undoable: true },
  moveCard: { facilitator: BOARD, participant: ["cluster"], undoable: true },
  createTheme: { facilitator: BOARD, participant: NEVER, undoable: true },
  deleteTheme: { facilitator: BOARD, participant: NEVER, undoable: true },
  moveTheme: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
  mergeThemes: { facilitator: BOARD, participant: NEVER, undoable: true },
  nameTheme: { facilitator: NAMING, participant: NEVER, undoable: true },
  setKeyPoints: { facilitator: NAMING, participant: NEVER, undoable: true },
  // Participants the facilitator invited (`setWriter`) co-write in resolve; `decide` checks the invitation.
  setHeadline: { facilitator: NAMING, participant: ["resolve"], undoable: true },
  setNarrative: { facilitator: NAMING, participant: ["resolve"], undoable: true },
  setFootnote: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
  removeFootnote: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
  castVote: { facilitator: NEVER, participant: ["prioritize"], undoable: false },
  recordVotes: { facilitator: ["prioritize"], participant: NEVER, undoable: false },
  openVoting: { facilitator: ["prioritize"], participant: NEVER, undoable: false },
  closeVoting: { facilitator: ["prioritize"], participant: NEVER, undoable: false },
  revealResults: { facilitator: ["prioritize", "capture"], participant: NEVER, undoable: false },
  proposeName: { facilitator: ["name"], participant: ["name"], undoable: false },
  withdrawNameProposal: { facilitator: ["name", "resolve"], participant: ["name"], undoable: false },
  spotlightTheme: { facilitator: ["name", "resolve"], participant: NEVER, undoable: false },
  setWriter: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  undo: { facilitator: ANY_PHASE, participant: NEVER, undoable: false },
  restoreTheme: { facilitator: ANY_PHASE, participant: NEVER, undoable: true },
};

/** True when the table lets this role send this command in this phase. */
export function isAllowed(type: CommandType, role: Role, phase: Phase): boolean {
  return PERMISSIONS[type][role].includes(phase);
}
