import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES, type HelloMessage, PROTOCOL_VERSION, type ServerMessage } from "../../src/core/index.js";
import { seedDemoOnce } from "../../src/server/demo.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  type JsonResponse,
  type listWorkshops,
  REPO_FIXTURE,
  readJson,
  requestJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";
import { connectClient, openClient, type TestClient } from "../support/wsClient.js";

/**
 * Facilitator accounts over real HTTP: registration, sign-in, sessions, rate limiting, whose
 * workshops are whose, the public demo, and the session cookie as facilitator proof on /ws.
 *
 * Register and login are rate limited per address (10 a minute each), and every test here runs
 * from 127.0.0.1, so each group below gets a server of its own to stay within that budget.
 */

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

interface AccountBody {
  account: { id: string; email: string; name: string; createdAt: string };
}

type ListedWorkshop = Awaited<ReturnType<typeof listWorkshops>>[number] & {
  role?: string | null;
  archived?: boolean;
};

const PASSWORD = "correct horse battery staple";

/** The session cookie (`name=value`) a response sets, or undefined. */
const cookieOf = (response: JsonResponse) => response.headers.getSetCookie()[0]?.split(";")[0];

async function register(baseUrl: string, email: string, password = PASSWORD, name = "Ann Facilitator") {
  return requestJson<AccountBody & ErrorBody>(baseUrl, "POST", "/api/auth/register", { email, name, password });
}

async function login(baseUrl: string, email: string, password = PASSWORD) {
  return requestJson<AccountBody & ErrorBody>(baseUrl, "POST", "/api/auth/login", { email, password });
}

async function me(baseUrl: string, session?: string) {
  return requestJson<AccountBody & ErrorBody>(baseUrl, "GET", "/api/auth/me", undefined, session);
}

/** The account id behind a session cookie. */
async function accountIdOf(baseUrl: string, session: string): Promise<string> {
  const response = await me(baseUrl, session);
  if (response.status !== 200) throw new Error(`me answered ${response.status}`);
  return response.body.account.id;
}

/** GET /api/workshops with an optional query, as `session` (or anonymously). */
async function list(baseUrl: string, session?: string, query = ""): Promise<ListedWorkshop[]> {
  const response = await requestJson<{ workshops: ListedWorkshop[] }>(
    baseUrl,
    "GET",
    `/api/workshops${query}`,
    undefined,
    session,
  );
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  return response.body.workshops;
}

const ids = (workshops: { id: string }[]) => workshops.map((workshop) => workshop.id);

describe("registration and sign-in over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("register answers 201 with the account, no password hash, and an httpOnly SameSite=Lax session cookie", async () => {
    const response = await register(server.baseUrl, "register@example.org", PASSWORD, "Regina");
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      account: { id: expect.any(String), email: "register@example.org", name: "Regina", createdAt: expect.any(String) },
    });
    const raw = JSON.stringify(response.body);
    expect(raw).not.toMatch(/password|hash|scrypt/i);
    expect(raw).not.toContain(PASSWORD);

    const setCookies = response.headers.getSetCookie();
    expect(setCookies).toHaveLength(1);
    const [pair, ...attributes] = (setCookies[0] ?? "").split(";").map((part) => part.trim());
    expect(pair).toMatch(/^concord_session=[^;]{20,}$/);
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    expect(lower).toContain("httponly");
    expect(lower).toContain("samesite=lax");
    expect(lower).toContain("path=/");
    // The test server's public URL is http:, so the cookie may travel without TLS.
    expect(lower).not.toContain("secure");
    // The token itself is not stored: the cookie value is not the account id.
    expect(pair).not.toContain(response.body.account.id);
  });

  it("treats email as case-insensitive: registered as Ann@X.org, signs in as ann@x.org", async () => {
    const registered = await register(server.baseUrl, "Ann@X.org");
    expect(registered.status).toBe(201);
    expect(registered.body.account.email).toBe("ann@x.org");

    const signedIn = await login(server.baseUrl, "ann@x.org");
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account).toEqual(registered.body.account);
    expect(JSON.stringify(signedIn.body)).not.toMatch(/password|hash|scrypt/i);
    const session = cookieOf(signedIn);
    expect(session).toMatch(/^concord_session=/);
    expect((await me(server.baseUrl, session)).body.account.id).toBe(registered.body.account.id);

    // The other spelling of the same address is the same account, not a second one.
    const again = await register(server.baseUrl, "ANN@x.ORG");
    expect(again.status).toBe(409);
  });

  it("refuses a password shorter than 10 characters with 400 naming `password`, and creates nothing", async () => {
    const response = await register(server.baseUrl, "short@example.org", "123456789");
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    expect(response.body.error.issues?.map((issue) => issue.path)).toContain("password");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await server.accounts.findAccountByEmail("short@example.org")).toBeUndefined();
  });

  it("refuses a second account with the same email with 409 and keeps the first password", async () => {
    const first = await register(server.baseUrl, "dup@example.org");
    expect(first.status).toBe(201);
    const second = await register(server.baseUrl, "dup@example.org", "another long password", "Impostor");
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(second.headers.getSetCookie()).toEqual([]);
    expect((await login(server.baseUrl, "dup@example.org", "another long password")).status).toBe(401);
    const original = await login(server.baseUrl, "dup@example.org");
    expect(original.status).toBe(200);
    expect(original.body.account).toEqual(first.body.account);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    expect((await register(server.baseUrl, "probe@example.org")).status).toBe(201);
    const wrongPassword = await login(server.baseUrl, "probe@example.org", "not the password at all");
    const unknownEmail = await login(server.baseUrl, "nobody-here@example.org", "not the password at all");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.code).toBe("unauthorized");
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(unknownEmail.headers.getSetCookie()).toEqual([]);
  });
});

describe("sessions over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("/api/auth/me answers the account with the cookie and 401 without one", async () => {
    const registered = await register(server.baseUrl, "me@example.org", PASSWORD, "Mia");
    const session = cookieOf(registered);
    const signedIn = await me(server.baseUrl, session);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(registered.body);

    const anonymous = await me(server.baseUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");

    const forged = await me(server.baseUrl, "concord_session=not-a-real-token");
    expect(forged.status).toBe(401);
  });

  it("logout ends the session: the old cookie no longer signs in, other sessions stay", async () => {
    const registered = await register(server.baseUrl, "leaver@example.org");
    const first = cookieOf(registered);
    const second = cookieOf(await login(server.baseUrl, "leaver@example.org"));
    expect(first).not.toBe(second);
    expect((await me(server.baseUrl, first)).status).toBe(200);

    const out = await requestJson(server.baseUrl, "POST", "/api/auth/logout", undefined, first);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    // The browser is told to drop the cookie.
    const cleared = out.headers.getSetCookie().find((cookie) => cookie.startsWith("concord_session="));
    expect(cleared).toMatch(/^concord_session=;/);

    expect((await me(server.baseUrl, first)).status).toBe(401);
    const create = await requestJson(server.baseUrl, "POST", "/api/workshops", { title: "After logout" }, first);
    expect(create.status).toBe(401);
    expect((await me(server.baseUrl, second)).status).toBe(200);
  });

  it("logout without a session is harmless", async () => {
    const out = await requestJson(server.baseUrl, "POST", "/api/auth/logout");
    expect(out.status).toBe(200);
  });
});

describe("login rate limit", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("answers the 11th login attempt within a minute from one address with 429, even with the right password", async () => {
    expect((await register(server.baseUrl, "target@example.org")).status).toBe(201);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await login(server.baseUrl, "target@example.org", `guess number ${attempt}`)).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));

    const eleventh = await login(server.baseUrl, "target@example.org");
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.getSetCookie()).toEqual([]);
    // Only the password routes are limited: the rest of the API still answers.
    expect((await me(server.baseUrl, server.session)).status).toBe(200);
    expect((await requestJson(server.baseUrl, "GET", "/healthz")).status).toBe(200);
  });
});

describe("workshops belong to accounts", () => {
  let server: TestServer;
  let other: string;

  beforeAll(async () => {
    server = await startTestServer();
    other = await signUp(server.baseUrl);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("refuses create and import without a session with 401 and writes nothing", async () => {
    const before = await server.service.list();
    const create = await requestJson<ErrorBody>(server.baseUrl, "POST", "/api/workshops", { title: "Anonymous" });
    expect(create.status).toBe(401);
    expect(create.body.error.code).toBe("unauthorized");
    // A valid document, so that the refusal is about who asks, not what they send.
    const imported = await requestJson<ErrorBody>(
      server.baseUrl,
      "POST",
      "/api/workshops/import",
      readJson(REPO_FIXTURE),
    );
    expect(imported.status).toBe(401);
    expect(imported.body.error.code).toBe("unauthorized");
    expect(await server.service.list()).toEqual(before);
  });

  it("lists a created workshop for its owner only; another account can neither duplicate nor archive it", async () => {
    const created = await createWorkshop(server.baseUrl, server.session, "Mine alone");
    const imported = await requestJson<CreatedWorkshop>(
      server.baseUrl,
      "POST",
      "/api/workshops/import",
      readJson(REPO_FIXTURE),
      server.session,
    );
    expect(imported.status).toBe(201);

    const mine = await list(server.baseUrl, server.session);
    expect(ids(mine)).toEqual(expect.arrayContaining([created.id, imported.body.id]));
    expect(mine.find((workshop) => workshop.id === created.id)).toMatchObject({
      title: "Mine alone",
      role: "owner",
      archived: false,
      public: false,
    });

    const theirs = await list(server.baseUrl, other);
    expect(ids(theirs)).not.toContain(created.id);
    expect(ids(theirs)).not.toContain(imported.body.id);
    expect(ids(await list(server.baseUrl))).not.toContain(created.id);

    const countBefore = (await server.service.list()).length;
    const duplicate = await requestJson<ErrorBody>(
      server.baseUrl,
      "POST",
      `/api/workshops/${created.id}/duplicate`,
      undefined,
      other,
    );
    expect(duplicate.status).toBe(403);
    expect(duplicate.body.error.code).toBe("forbidden");
    const archive = await requestJson<ErrorBody>(
      server.baseUrl,
      "POST",
      `/api/workshops/${created.id}/archive`,
      { archived: true },
      other,
    );
    expect(archive.status).toBe(403);
    expect(archive.body.error.code).toBe("forbidden");
    expect((await server.service.list()).length).toBe(countBefore);
    expect(await list(server.baseUrl, server.session)).toEqual(mine);

    // Anonymous visitors get 401, not 403: they are asked to sign in.
    const anonymousDuplicate = await requestJson(server.baseUrl, "POST", `/api/workshops/${created.id}/duplicate`);
    expect(anonymousDuplicate.status).toBe(401);
  });

  it("archive hides a workshop from the default list, ?archived=true shows it, and restore brings it back", async () => {
    const created = await createWorkshop(server.baseUrl, server.session, "To archive");
    const kept = await createWorkshop(server.baseUrl, server.session, "To keep");

    const archived = await requestJson(
      server.baseUrl,
      "POST",
      `/api/workshops/${created.id}/archive`,
      { archived: true },
      server.session,
    );
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ id: created.id, archived: true });

    const active = await list(server.baseUrl, server.session);
    expect(ids(active)).not.toContain(created.id);
    expect(ids(active)).toContain(kept.id);
    const inArchive = await list(server.baseUrl, server.session, "?archived=true");
    expect(ids(inArchive)).toEqual([created.id]);
    expect(inArchive[0]).toMatchObject({ id: created.id, title: "To archive", archived: true, role: "owner" });

    const restored = await requestJson(
      server.baseUrl,
      "POST",
      `/api/workshops/${created.id}/archive`,
      { archived: false },
      server.session,
    );
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ id: created.id, archived: false });
    expect(ids(await list(server.baseUrl, server.session))).toContain(created.id);
    expect(ids(await list(server.baseUrl, server.session, "?archived=true"))).toEqual([]);
  });

  it("duplicate gives a new id, owned by the caller, whose export deep-equals the source's", async () => {
    const source = await requestJson<CreatedWorkshop>(
      server.baseUrl,
      "POST",
      "/api/workshops/import",
      readJson(REPO_FIXTURE),
      server.session,
    );
    expect(source.status).toBe(201);
    const copy = await requestJson<CreatedWorkshop>(
      server.baseUrl,
      "POST",
      `/api/workshops/${source.body.id}/duplicate`,
      undefined,
      server.session,
    );
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(source.body.id);
    expect(copy.body.url).toBe(`${server.publicUrl}/w/${copy.body.id}`);
    expect(copy.body.facilitatorKey).not.toBe(source.body.facilitatorKey);

    const sourceExport = await requestJson(server.baseUrl, "GET", `/api/workshops/${source.body.id}/export`);
    const copyExport = await requestJson(server.baseUrl, "GET", `/api/workshops/${copy.body.id}/export`);
    expect(copyExport.status).toBe(200);
    expect(copyExport.body).toStrictEqual(sourceExport.body);

    const mine = await list(server.baseUrl, server.session);
    expect(mine.find((workshop) => workshop.id === copy.body.id)).toMatchObject({ role: "owner", public: false });
    expect(ids(await list(server.baseUrl, other))).not.toContain(copy.body.id);
  });
});

describe("the public demo", () => {
  it("is not listed to anonymous visitors when it was not seeded", async () => {
    const server = await startTestServer();
    try {
      await createWorkshop(server.baseUrl, server.session, "Private");
      expect(await list(server.baseUrl)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  describe("once seeded", () => {
    let server: TestServer;
    let demoId: string;

    beforeAll(async () => {
      server = await startTestServer();
      const seeded = await seedDemoOnce(server.store, server.service);
      if (!seeded) throw new Error("the demo was not seeded");
      demoId = seeded.id;
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("is listed, alone and marked public, to anonymous visitors; private workshops are not", async () => {
      const hidden = await createWorkshop(server.baseUrl, server.session, "Private next to the demo");
      const anonymous = await list(server.baseUrl);
      expect(ids(anonymous)).toEqual([demoId]);
      expect(anonymous[0]).toMatchObject({ id: demoId, public: true });
      expect(ids(anonymous)).not.toContain(hidden.id);
    });

    it("is listed as public (no role) to a signed-in account that has no access to it", async () => {
      const fresh = await signUp(server.baseUrl);
      const listed = await list(server.baseUrl, fresh);
      expect(listed.find((workshop) => workshop.id === demoId)).toMatchObject({ public: true, role: null });
    });

    it("can be duplicated by any signed-in account, which owns the copy", async () => {
      const fresh = await signUp(server.baseUrl);
      const accountId = await accountIdOf(server.baseUrl, fresh);
      const copy = await requestJson<CreatedWorkshop>(
        server.baseUrl,
        "POST",
        `/api/workshops/${demoId}/duplicate`,
        undefined,
        fresh,
      );
      expect(copy.status).toBe(201);
      expect(copy.body.id).not.toBe(demoId);
      expect(await server.accounts.getAccess(copy.body.id, accountId)).toEqual({
        workshopId: copy.body.id,
        role: "owner",
        archived: false,
      });
      // Copying gives no rights over the demo itself.
      expect(await server.accounts.getAccess(demoId, accountId)).toBeUndefined();

      const listed = await list(server.baseUrl, fresh);
      expect(listed.find((workshop) => workshop.id === copy.body.id)).toMatchObject({ role: "owner", public: false });
      // The copy is private: neither anonymous visitors nor the facilitator who started the server see it.
      expect(ids(await list(server.baseUrl))).toEqual([demoId]);
      expect(ids(await list(server.baseUrl, server.session))).not.toContain(copy.body.id);

      const demoExport = await requestJson(server.baseUrl, "GET", `/api/workshops/${demoId}/export`);
      const copyExport = await requestJson(server.baseUrl, "GET", `/api/workshops/${copy.body.id}/export`);
      expect(copyExport.body).toStrictEqual(demoExport.body);
    });

    it("cannot be duplicated anonymously (401), nor archived by an account without access (403)", async () => {
      const anonymous = await requestJson(server.baseUrl, "POST", `/api/workshops/${demoId}/duplicate`);
      expect(anonymous.status).toBe(401);
      const fresh = await signUp(server.baseUrl);
      const archive = await requestJson(
        server.baseUrl,
        "POST",
        `/api/workshops/${demoId}/archive`,
        { archived: true },
        fresh,
      );
      expect(archive.status).toBe(403);
    });
  });
});

/** What a raw socket with a Cookie header saw after its hello: a welcome, or a close. */
interface HelloOutcome {
  socket: WebSocket;
  messages: ServerMessage[];
  welcome?: Extract<ServerMessage, { type: "welcome" }>;
  close?: { code: number; reason: string };
}

/**
 * Opens /ws sending `cookie` with the upgrade request, as a browser does, says hello, and
 * resolves at the welcome or the close. (TestClient cannot send headers, hence this.)
 */
async function helloWithCookie(wsUrl: string, cookie: string | undefined, hello: HelloMessage): Promise<HelloOutcome> {
  const socket = new WebSocket(wsUrl, cookie ? { headers: { cookie } } : {});
  const outcome: HelloOutcome = { socket, messages: [] };
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return new Promise<HelloOutcome>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no welcome and no close within 5 s")), 5_000);
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      outcome.messages.push(message);
      if (message.type === "welcome") {
        clearTimeout(timer);
        outcome.welcome = message;
        resolve(outcome);
      }
    });
    socket.on("close", (code, reason) => {
      clearTimeout(timer);
      outcome.close = { code, reason: reason.toString() };
      resolve(outcome);
    });
    socket.send(JSON.stringify(hello));
  });
}

/** Sends a command on a raw socket and resolves with its ack or error. */
function commandOn(socket: WebSocket, id: string, command: unknown): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${id} within 5 s`)), 5_000);
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if ((message.type === "ack" || message.type === "error") && message.id === id) {
        clearTimeout(timer);
        socket.off("message", onMessage);
        resolve(message);
      }
    };
    socket.on("message", onMessage);
    socket.send(JSON.stringify({ type: "command", id, command }));
  });
}

describe("facilitator authority over WebSocket", () => {
  let server: TestServer;
  let workshop: CreatedWorkshop;
  const sockets: WebSocket[] = [];
  const clients: TestClient[] = [];

  const facilitatorHello = (extra: Partial<HelloMessage> = {}): HelloMessage => ({
    type: "hello",
    protocol: PROTOCOL_VERSION,
    workshopId: workshop.id,
    role: "facilitator",
    ...extra,
  });

  async function hello(cookie: string | undefined, message: HelloMessage): Promise<HelloOutcome> {
    const outcome = await helloWithCookie(server.wsUrl, cookie, message);
    sockets.push(outcome.socket);
    return outcome;
  }

  beforeAll(async () => {
    server = await startTestServer();
    workshop = await createWorkshop(server.baseUrl, server.session, "Cookie facilitation");
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("an account with access is welcomed as facilitator on its session cookie alone, and may facilitate", async () => {
    const outcome = await hello(server.session, facilitatorHello());
    expect(outcome.close).toBeUndefined();
    expect(outcome.welcome).toMatchObject({
      type: "welcome",
      workshopId: workshop.id,
      actor: { role: "facilitator", id: expect.any(String) },
    });
    // The role is real: a facilitator-only command is acknowledged.
    const answer = await commandOn(outcome.socket, "open-brainstorm", { type: "setPhase", phase: "brainstorm" });
    expect(answer).toMatchObject({ type: "ack", id: "open-brainstorm", duplicate: false });
  });

  it("another account's cookie is closed with 4001", async () => {
    const stranger = await signUp(server.baseUrl);
    const outcome = await hello(stranger, facilitatorHello());
    expect(outcome.welcome).toBeUndefined();
    expect(outcome.close?.code).toBe(CLOSE_CODES.unauthorized);
    expect(outcome.messages.map((message) => message.type)).not.toContain("snapshot");
  });

  it("no cookie and no key, or a signed-out cookie, is closed with 4001", async () => {
    expect((await hello(undefined, facilitatorHello())).close?.code).toBe(CLOSE_CODES.unauthorized);
    expect((await hello("concord_session=forged", facilitatorHello())).close?.code).toBe(CLOSE_CODES.unauthorized);

    const leaving = cookieOf(await login(server.baseUrl, `${await emailOf(server.session)}`));
    expect(leaving).toBeDefined();
    expect((await requestJson(server.baseUrl, "POST", "/api/auth/logout", undefined, leaving)).status).toBe(200);
    expect((await hello(leaving, facilitatorHello())).close?.code).toBe(CLOSE_CODES.unauthorized);
  });

  it("a stranger's cookie does not unlock a workshop, but the facilitator key still does (co-facilitator link)", async () => {
    const stranger = await signUp(server.baseUrl);
    const withKey = await hello(stranger, facilitatorHello({ facilitatorKey: workshop.facilitatorKey }));
    expect(withKey.close).toBeUndefined();
    expect(withKey.welcome?.actor.role).toBe("facilitator");

    // And with no cookie at all, through the shared test client.
    const client = await connectClient({
      wsUrl: server.wsUrl,
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    clients.push(client);
    expect(client.welcome?.actor.role).toBe("facilitator");
    await client.expectAck("co-title", { type: "updateContext", patch: { title: "Co-facilitated" } });
  });

  it("a wrong key with a stranger's cookie is closed with 4001", async () => {
    const stranger = await signUp(server.baseUrl);
    const outcome = await hello(stranger, facilitatorHello({ facilitatorKey: "not-the-key" }));
    expect(outcome.close?.code).toBe(CLOSE_CODES.unauthorized);
  });

  it("a participant needs neither cookie nor key", async () => {
    const client = await openClient({ wsUrl: server.wsUrl, workshopId: workshop.id, role: "participant" });
    clients.push(client);
    await client.ready();
    expect(client.welcome?.actor.role).toBe("participant");
  });

  /** The email behind a session, to sign the same account in a second time. */
  async function emailOf(session: string): Promise<string> {
    const response = await me(server.baseUrl, session);
    return response.body.account.email;
  }
});
