import type { Command, CommandType, Phase } from "../../src/core/index.js";

/**
 * Who may do what, as ONE table: every REST route and every WebSocket command against every role,
 * each cell tried over real HTTP (test/server/authorizationRest.test.ts) or a real WebSocket
 * (test/server/authorizationWs.test.ts). A route the app serves or a command the
 * protocol knows without a row here fails the test, so a new one cannot ship unjudged.
 *
 * Roles: the workshop's owner (session cookie); a co-facilitator holding its key (`x-facilitator-key`,
 * or `facilitatorKey` in hello); another facilitator (their own account and their own workshop's
 * key); a participant of this workshop and one of another workshop (over REST a phone holds no
 * credential at all, so they ask as it would, with nothing); and anyone, anonymous.
 */

export const ROLES = [
  "owner",
  "coFacilitator",
  "otherFacilitator",
  "participant",
  "otherParticipant",
  "anonymous",
] as const;
export type Role = (typeof ROLES)[number];
export type Cell = "allow" | "deny";
export type Row = Record<Role, Cell>;

const row = (allowed: readonly Role[]): Row =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? "allow" : "deny"])) as Row;
const EVERYONE = row(ROLES);
const FACILITATORS = row(["owner", "coFacilitator"]);
const SIGNED_IN = row(["owner", "otherFacilitator"]);
/** Commands a facilitator and the room's own participants send. */
const ROOM = row(["owner", "coFacilitator", "participant"]);
const PARTICIPANTS_ONLY = row(["participant"]);

/** REST: `METHOD path` as Fastify declares it → who gets past its access check. */
export const ROUTES: Record<string, Row> = {
  "GET /healthz": EVERYONE,
  "GET /readyz": EVERYONE,
  // Without METRICS_TOKEN, open to this machine (the test asks from loopback); see operations routes.
  "GET /metrics": EVERYONE,
  "GET /api/docs": EVERYONE,
  "GET /api/docs/": EVERYONE,
  "GET /api/docs/static/index.html": EVERYONE,
  "GET /api/docs/static/swagger-initializer.js": EVERYONE,
  "GET /api/docs/json": EVERYONE,
  "GET /api/docs/yaml": EVERYONE,
  // Judged by what is in the body (an email and a password), not by who asks.
  "POST /api/auth/register": EVERYONE,
  "POST /api/auth/login": EVERYONE,
  "POST /api/auth/logout": EVERYONE,
  // Who is signed in, or nobody.
  "GET /api/auth/me": EVERYONE,
  "GET /api/join/:code": EVERYONE,
  "GET /api/join-address": EVERYONE,
  // Lists: anyone, each seeing their own (tested in ownership.test.ts); anonymous sees public ones.
  "GET /api/workshops": EVERYONE,
  "POST /api/workshops": SIGNED_IN,
  "POST /api/workshops/import": SIGNED_IN,
  "GET /api/workshops/:id": FACILITATORS,
  // An account copies a workshop it facilitates (the key alone is no account to own the copy).
  "POST /api/workshops/:id/duplicate": row(["owner"]),
  "POST /api/workshops/:id/archive": row(["owner"]),
  // The campaign's next workshop is an account's, like a copy (followUp.test.ts).
  "POST /api/workshops/:id/follow-up": row(["owner"]),
  // A new join code: the old one stops opening the workshop (join.test.ts).
  "POST /api/workshops/:id/join-code": FACILITATORS,
  // The other workshops of the campaign are read only as far as the same request facilitates them (campaign.test.ts).
  "GET /api/workshops/:id/campaign": FACILITATORS,
  "GET /api/workshops/:id/export": FACILITATORS,
  "GET /api/workshops/:id/events": FACILITATORS,
  "GET /api/workshops/:id/report": FACILITATORS,
  "GET /api/workshops/:id/publish": FACILITATORS,
  "POST /api/workshops/:id/publish": FACILITATORS,
  "DELETE /api/workshops/:id/publish": FACILITATORS,
  "GET /api/workshops/:id/suggestions/clusters": FACILITATORS,
  "GET /api/workshops/:id/suggestions/placements": FACILITATORS,
  "GET /api/workshops/:id/suggestions/duplicates": FACILITATORS,
  "GET /api/workshops/:id/suggestions/names": FACILITATORS,
  // The published page is for anyone holding its link.
  "GET /r/:token": EVERYONE,
  "POST /api/workshops/:id/ballots": FACILITATORS,
  "GET /api/workshops/:id/ballots": FACILITATORS,
  "GET /api/ballots/:ballotId": FACILITATORS,
  "PATCH /api/ballots/:ballotId": FACILITATORS,
  "POST /api/ballots/:ballotId/invitees": FACILITATORS,
  "POST /api/ballots/:ballotId/invitees/:inviteeId/revoke": FACILITATORS,
  "GET /api/ballots/:ballotId/results": FACILITATORS,
  // A voter holds a link, never an account: the link's token is the only key.
  "GET /api/vote/:token": EVERYONE,
  "PUT /api/vote/:token": EVERYONE,
  "GET /api/vote/share/:token": EVERYONE,
  "PUT /api/vote/share/:token": EVERYONE,
  // The upgrade itself is open; who may do what on it is the commands' rows below.
  "GET /ws": EVERYONE,
};

/**
 * WebSocket: each command, the phase it is tried in (where the room's participants may send it, if
 * anywhere) and a valid payload; then who may send it. `p` is the participant's public id.
 */
export const COMMANDS: Record<CommandType, { phase: Phase; command: (p: string, n: string) => Command; who: Row }> = {
  updateContext: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: () => ({ type: "updateContext", patch: { goal: "G" } }),
  },
  updateSettings: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: () => ({ type: "updateSettings", patch: { voteBudget: 4 } }),
  },
  setPhase: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "setPhase", phase: "context" }) },
  setInstruction: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: () => ({ type: "setInstruction", phase: "brainstorm", text: "One idea a card" }),
  },
  joinWorkshop: {
    phase: "brainstorm",
    who: PARTICIPANTS_ONLY,
    command: () => ({ type: "joinWorkshop", name: "Again", tableId: "T1" }),
  },
  addTable: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: (_, n) => ({ type: "addTable", tableId: `T-${n}`, name: n }),
  },
  removeTable: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "removeTable", tableId: "T-none" }) },
  startRound: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: (_, n) => ({ type: "startRound", roundId: `r-${n}`, prompt: "", perTable: null }),
  },
  revealRound: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "revealRound", roundId: "r1" }) },
  submitTableCards: {
    phase: "brainstorm",
    who: ROOM,
    command: () => ({ type: "submitTableCards", tableId: "T1", cardIds: [] }),
  },
  startTimer: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "startTimer", durationSeconds: 60 }) },
  stopTimer: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "stopTimer" }) },
  addCard: {
    phase: "brainstorm",
    who: ROOM,
    command: (_, n) => ({ type: "addCard", cardId: `card-${n}`, text: "Idea" }),
  },
  editCard: { phase: "brainstorm", who: ROOM, command: () => ({ type: "editCard", cardId: "pc", text: "Edited" }) },
  removeCard: { phase: "brainstorm", who: ROOM, command: () => ({ type: "removeCard", cardId: "pc" }) },
  restoreCard: {
    phase: "cluster",
    who: FACILITATORS,
    command: (_, n) => ({ type: "restoreCard", card: { id: `rc-${n}`, text: "Back" }, toThemeId: null, toIndex: 0 }),
  },
  mergeCards: {
    phase: "cluster",
    who: FACILITATORS,
    command: () => ({ type: "mergeCards", sourceCardId: "fc2", targetCardId: "fc" }),
  },
  moveCard: {
    phase: "cluster",
    who: ROOM,
    command: () => ({ type: "moveCard", cardId: "pc", toThemeId: "t2", toIndex: 0 }),
  },
  createTheme: { phase: "cluster", who: FACILITATORS, command: (_, n) => ({ type: "createTheme", themeId: `t-${n}` }) },
  deleteTheme: { phase: "cluster", who: FACILITATORS, command: () => ({ type: "deleteTheme", themeId: "t2" }) },
  moveTheme: { phase: "cluster", who: FACILITATORS, command: () => ({ type: "moveTheme", themeId: "t1", toIndex: 1 }) },
  mergeThemes: {
    phase: "cluster",
    who: FACILITATORS,
    command: () => ({ type: "mergeThemes", sourceThemeId: "t2", targetThemeId: "t1" }),
  },
  nameTheme: { phase: "name", who: FACILITATORS, command: () => ({ type: "nameTheme", themeId: "t1", name: "Named" }) },
  setKeyPoints: {
    phase: "name",
    who: FACILITATORS,
    command: () => ({ type: "setKeyPoints", themeId: "t1", keyPoints: ["Key"] }),
  },
  // Participants co-write once invited (the room's participant is, in these workshops).
  setHeadline: {
    phase: "resolve",
    who: ROOM,
    command: () => ({ type: "setHeadline", themeId: "t1", headline: "Headline" }),
  },
  setNarrative: {
    phase: "resolve",
    who: ROOM,
    command: () => ({ type: "setNarrative", themeId: "t1", narrative: "Story" }),
  },
  setFootnote: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: () => ({ type: "setFootnote", mark: "1", text: "Note" }),
  },
  removeFootnote: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "removeFootnote", mark: "9" }) },
  // A facilitator records a show of hands instead (recordVotes): dots are a person's own.
  castVote: {
    phase: "prioritize",
    who: PARTICIPANTS_ONLY,
    command: () => ({ type: "castVote", themeId: "t1", count: 1 }),
  },
  recordVotes: {
    phase: "prioritize",
    who: FACILITATORS,
    command: () => ({ type: "recordVotes", voterLabel: "Hands", themeId: "t1", count: 2 }),
  },
  openVoting: { phase: "prioritize", who: FACILITATORS, command: () => ({ type: "openVoting" }) },
  closeVoting: { phase: "prioritize", who: FACILITATORS, command: () => ({ type: "closeVoting" }) },
  revealResults: { phase: "prioritize", who: FACILITATORS, command: () => ({ type: "revealResults", revealed: true }) },
  proposeName: {
    phase: "name",
    who: ROOM,
    command: (_, n) => ({ type: "proposeName", proposalId: `pp-${n}`, themeId: "t1", text: "A name" }),
  },
  withdrawNameProposal: {
    phase: "name",
    who: ROOM,
    command: () => ({ type: "withdrawNameProposal", proposalId: "pp" }),
  },
  spotlightTheme: { phase: "name", who: FACILITATORS, command: () => ({ type: "spotlightTheme", themeId: "t1" }) },
  setWriter: {
    phase: "brainstorm",
    who: FACILITATORS,
    command: (p) => ({ type: "setWriter", participantId: p, writer: false }),
  },
  undo: { phase: "brainstorm", who: FACILITATORS, command: () => ({ type: "undo" }) },
  restoreTheme: {
    phase: "cluster",
    who: FACILITATORS,
    command: (_, n) => ({
      type: "restoreTheme",
      theme: { id: `rt-${n}`, name: "", keyPoints: [], headline: "", narrative: "", cardIds: [] },
      index: 0,
      votes: [],
    }),
  },
};
