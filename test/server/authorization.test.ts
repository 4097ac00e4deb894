import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Command, type CommandType, commandSchema, type Phase } from "../../src/core/index.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  REPO_FIXTURE,
  readJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";
import { connectClient, openClient, type TestClient } from "../support/wsClient.js";

/**
 * Who may do what, as ONE table: every REST route and every WebSocket command against every role,
 * each cell tried over real HTTP or a real WebSocket. A route the app serves or a command the
 * protocol knows without a row here fails the test, so a new one cannot ship unjudged.
 *
 * Roles: the workshop's owner (session cookie); a co-facilitator holding its key (`x-facilitator-key`,
 * or `facilitatorKey` in hello); another facilitator (their own account and their own workshop's
 * key); a participant of this workshop and one of another workshop (over REST a phone holds no
 * credential at all, so they ask as it would, with nothing); and anyone, anonymous.
 */

const ROLES = ["owner", "coFacilitator", "otherFacilitator", "participant", "otherParticipant", "anonymous"] as const;
type Role = (typeof ROLES)[number];
type Cell = "allow" | "deny";
type Row = Record<Role, Cell>;

const row = (allowed: readonly Role[]): Row =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? "allow" : "deny"])) as Row;
const EVERYONE = row(ROLES);
const FACILITATORS = row(["owner", "coFacilitator"]);
const SIGNED_IN = row(["owner", "otherFacilitator"]);
/** Commands a facilitator and the room's own participants send. */
const ROOM = row(["owner", "coFacilitator", "participant"]);
const PARTICIPANTS_ONLY = row(["participant"]);

/** REST: `METHOD path` as Fastify declares it → who gets past its access check. */
const ROUTES: Record<string, Row> = {
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
const COMMANDS: Record<CommandType, { phase: Phase; command: (p: string, n: string) => Command; who: Row }> = {
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

/** Every `METHOD path` the app serves (HEAD mirrors GET), read from Fastify's own route tree. */
function servedRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^([│ ]*)[├└]── (.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    stack.push(match[2] ?? "");
    const path = stack.join("");
    for (const method of (match[3] ?? "").split(", ")) if (method !== "HEAD") routes.push(`${method} ${path}`);
  }
  return routes.filter((route) => !route.endsWith("/*"));
}

let server: TestServer;
let other: string;
/** The workshop every REST cell asks about, and another facilitator's own. */
let workshop: CreatedWorkshop;
let theirs: CreatedWorkshop;
let joinCode: string;
let reportToken: string;
/** A ballot of `workshop`: its id, an invitee whose link votes, another whose link is revoked, and its shareable token. */
let ballot: { id: string; voterToken: string; revokedId: string; shareToken: string; themeId: string };

/** The headers each role sends over REST. */
function restHeaders(role: Role): Record<string, string> {
  switch (role) {
    case "owner":
      return { cookie: server.session };
    case "coFacilitator":
      return { "x-facilitator-key": workshop.facilitatorKey };
    case "otherFacilitator":
      return { cookie: other, "x-facilitator-key": theirs.facilitatorKey };
    default:
      return {};
  }
}

/** A valid request for each route, so that the answer is about who asks. */
function requestFor(route: string): { path: string; body?: unknown } {
  const [method, pattern = ""] = route.split(" ");
  const token = pattern.startsWith("/api/vote/share/")
    ? ballot.shareToken
    : pattern.startsWith("/api/vote/")
      ? ballot.voterToken
      : reportToken;
  const path = pattern
    .replace(":id", workshop.id)
    .replace(":ballotId", ballot.id)
    .replace(":inviteeId", ballot.revokedId)
    .replace(":code", joinCode)
    .replace(":token", token)
    .concat(pattern.endsWith("/report") ? "?format=csv" : "");
  const bodies: Record<string, unknown> = {
    "/api/workshops": { title: "Copy" },
    "/api/workshops/import": readJson(REPO_FIXTURE),
    [`/api/workshops/${workshop.id}/archive`]: { archived: false },
    [`/api/workshops/${workshop.id}/follow-up`]: { title: "Next step", start: "cards" },
    "/api/auth/register": {},
    "/api/auth/login": {},
    [`/api/vote/${ballot.voterToken}`]: { vote: { ranking: [ballot.themeId] } },
    [`/api/vote/share/${ballot.shareToken}`]: { vote: { ranking: [ballot.themeId] }, group: "Members" },
  };
  return method === "GET" ? { path } : { path, body: bodies[path] ?? {} };
}

beforeAll(async () => {
  server = await startTestServer();
  other = await signUp(server.baseUrl);
  workshop = await createWorkshop(server.baseUrl, server.session, "Ours");
  theirs = await createWorkshop(server.baseUrl, other, "Theirs");
  joinCode = (await server.service.get(workshop.id)).state.joinCode;
  const published = await fetch(`${server.baseUrl}/api/workshops/${workshop.id}/publish`, {
    method: "POST",
    headers: restHeaders("owner"),
  });
  reportToken = ((await published.json()) as { token: string }).token;
  ballot = await openBallot();
});

/** A ballot on two themes of `workshop`, with two invitees. */
async function openBallot() {
  const owner = { role: "facilitator" as const, id: "owner" };
  await server.service.execute(workshop.id, owner, "ballot-phase", { type: "setPhase", phase: "brainstorm" });
  for (const themeId of ["b1", "b2"]) {
    await server.service.execute(workshop.id, owner, `theme-${themeId}`, { type: "createTheme", themeId });
  }
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { ...restHeaders("owner"), "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.json();
  };
  const opened = (await post(`/api/workshops/${workshop.id}/ballots`, { method: "irv" })) as {
    id: string;
    shareUrl: string;
  };
  const { invitees } = (await post(`/api/ballots/${opened.id}/invitees`, {
    csv: "name,email,group\nVoter,,Members\nRevoked,,Members\n",
  })) as { invitees: { id: string; link: string }[] };
  return {
    id: opened.id,
    voterToken: invitees[0]?.link.split("/").at(-1) ?? "",
    revokedId: invitees[1]?.id ?? "",
    shareToken: opened.shareUrl.split("/").at(-1) ?? "",
    themeId: "b1",
  };
}
afterAll(async () => {
  await server?.stop();
});

describe("the authorization table over REST", () => {
  it("has a row for every route the app serves and every command the protocol knows", () => {
    expect(servedRoutes(server.app.printRoutes({ commonPrefix: false })).sort()).toEqual(Object.keys(ROUTES).sort());
    const commands = commandSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(COMMANDS).sort()).toEqual(commands);
  });

  // DELETE last: it revokes the link that /r/:token is asked with.
  const routes = Object.keys(ROUTES).sort((a, b) => Number(a.startsWith("DELETE")) - Number(b.startsWith("DELETE")));
  const LOGOUT = "POST /api/auth/logout";
  for (const route of routes) {
    it.each(ROLES.map((role) => [role, ROUTES[route]?.[role]] as const))(
      `${route}: %s → %s`,
      async (role, cell) => {
        const [method] = route.split(" ");
        const { path, body } = requestFor(route);
        // Signing out ends the session it is sent with: a session of its own stands in for the role's.
        const headers: Record<string, string> =
          route === LOGOUT && restHeaders(role).cookie
            ? { ...restHeaders(role), cookie: await signUp(server.baseUrl) }
            : { ...restHeaders(role) };
        if (route === "GET /ws") headers["sec-websocket-version"] = "13";
        if (body !== undefined) headers["content-type"] = "application/json";
        const response = await fetch(`${server.baseUrl}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        await response.arrayBuffer();
        if (cell === "allow") expect([401, 403], `${route} as ${role}`).not.toContain(response.status);
        else expect([401, 403], `${route} as ${role}`).toContain(response.status);
      },
      60_000,
    );
  }
});

describe("the authorization table over the WebSocket", () => {
  const clients: TestClient[] = [];
  const track = <T extends TestClient>(client: T) => {
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  /**
   * A workshop in `phase` where every command has something to act on: two columns with a card
   * each, a table T1 with a round r1, the room's participant joined at T1, invited to co-write,
   * with a card "pc" of their own (and, naming, a proposal "pp"); voting open in prioritize.
   */
  async function room(phase: Phase, rounds: boolean) {
    const created = await createWorkshop(server.baseUrl, server.session, `Table ${phase}`);
    const key = created.facilitatorKey;
    const setup = track(
      await connectClient({ wsUrl: server.wsUrl, workshopId: created.id, role: "facilitator", facilitatorKey: key }),
    );
    const phone = track(
      await connectClient({
        wsUrl: server.wsUrl,
        workshopId: created.id,
        role: "participant",
        participantId: `phone-${created.id}`,
      }),
    );
    const steps: Command[] = [
      { type: "setPhase", phase: "brainstorm" },
      { type: "updateSettings", patch: { participantsMayMoveCards: true, useTables: true } },
      { type: "addTable", tableId: "T1", name: "One" },
      { type: "createTheme", themeId: "t1" },
      { type: "createTheme", themeId: "t2" },
      { type: "addCard", cardId: "fc", text: "Facilitator's", themeId: "t1" },
      { type: "addCard", cardId: "fc2", text: "Another", themeId: "t2" },
    ];
    for (const [at, step] of steps.entries()) await setup.expectAck(`setup-${at}`, step);
    await phone.expectAck("join", { type: "joinWorkshop", name: "Pat", tableId: "T1" });
    await phone.expectAck("pc", { type: "addCard", cardId: "pc", text: "Mine" });
    await setup.expectAck("writer", { type: "setWriter", participantId: phone.actorId, writer: true });
    if (rounds) {
      await setup.expectAck("rounds", { type: "updateSettings", patch: { brainstormMode: "rounds" } });
      await setup.expectAck("r1", { type: "startRound", roundId: "r1", prompt: "", perTable: null });
    }
    if (phase !== "brainstorm") await setup.expectAck("phase", { type: "setPhase", phase });
    if (phase === "name")
      await phone.expectAck("pp", { type: "proposeName", proposalId: "pp", themeId: "t1", text: "Idea" });
    if (phase === "prioritize") await setup.expectAck("open", { type: "openVoting" });
    return { created, phone };
  }

  /** Another workshop, where the other participant joined. */
  async function elsewhere() {
    const created = await createWorkshop(server.baseUrl, other, "Elsewhere");
    const phone = track(
      await connectClient({
        wsUrl: server.wsUrl,
        workshopId: created.id,
        role: "participant",
        participantId: `away-${created.id}`,
      }),
    );
    await phone.expectAck("join", { type: "joinWorkshop", name: "Away" });
    return phone;
  }

  /** The role's connection to the workshop, or undefined when the server turns it away at hello. */
  async function connectAs(role: Role, created: CreatedWorkshop, phone: TestClient): Promise<TestClient | undefined> {
    const base = { wsUrl: server.wsUrl, workshopId: created.id };
    const hello = async (client: TestClient) => {
      const outcome = await Promise.race([client.ready().then(() => "welcome"), client.closed.then(() => "closed")]);
      return outcome === "welcome" ? client : undefined;
    };
    switch (role) {
      case "owner":
        return hello(track(await openClient({ ...base, role: "facilitator", headers: { cookie: server.session } })));
      case "coFacilitator":
        return hello(track(await openClient({ ...base, role: "facilitator", facilitatorKey: created.facilitatorKey })));
      case "otherFacilitator":
        return hello(
          track(
            await openClient({
              ...base,
              role: "facilitator",
              facilitatorKey: theirs.facilitatorKey,
              headers: { cookie: other },
            }),
          ),
        );
      case "anonymous":
        return hello(track(await openClient({ ...base, role: "facilitator" })));
      case "participant":
        return phone;
      case "otherParticipant":
        return undefined;
    }
  }

  for (const [type, { phase, command, who }] of Object.entries(COMMANDS)) {
    it(`${type} (in ${phase}): ${ROLES.map((role) => `${role} ${who[role]}`).join(", ")}`, async () => {
      const { created, phone } = await room(phase, type === "submitTableCards" || type === "revealRound");
      // Those who should be refused go first, so that nothing the allowed do changes their answer.
      const order = [...ROLES].sort((a, b) => Number(who[a] === "allow") - Number(who[b] === "allow"));
      for (const role of order) {
        const before = (await server.service.get(created.id)).seq;
        const sent = command(phone.actorId, role);
        let outcome: Cell;
        if (role === "otherParticipant") {
          // A phone's connection is bound to the workshop it said hello to: the same command from a
          // participant of another workshop acts there, never here.
          const away = await elsewhere();
          await away.send(`${type}-${role}`, sent);
          outcome = (await server.service.get(created.id)).seq > before ? "allow" : "deny";
        } else {
          const client = await connectAs(role, created, phone);
          if (!client) outcome = "deny";
          else {
            const answer = await client.send(`${type}-${role}`, sent);
            outcome = answer.type === "error" && answer.code === "forbidden" ? "deny" : "allow";
          }
        }
        expect(outcome, `${type} as ${role}`).toBe(who[role]);
      }
    }, 60_000);
  }
});
