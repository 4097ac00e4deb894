import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandSchema } from "../../src/core/index.js";
import { COMMANDS, ROLES, ROUTES, type Role } from "../support/authorizationTable.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  REPO_FIXTURE,
  readJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";

// Every REST route against every role, as the authorization table says (test/support/authorizationTable.ts).

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
