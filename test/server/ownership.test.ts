import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES, type HelloMessage, PROTOCOL_VERSION, type ServerMessage } from "../../src/core/index.js";
import { cookieOf, type ErrorBody, ids, list, login, me } from "../support/accounts.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  credentialHeaders,
  fetchExport,
  REPO_FIXTURE,
  readJson,
  requestJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";
import { connectClient, openClient, type TestClient } from "../support/wsClient.js";

/**
 * Whose workshops are whose, over real HTTP, and the session cookie as facilitator proof on /ws.
 * Each group gets a server of its own (register and login are rate limited per address).
 */

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

  it("lets only its facilitators read a workshop over REST: state, log, export and report", async () => {
    const workshop = await createWorkshop(server.baseUrl, server.session, "Board retreat, in confidence");
    const paths = ["", "/events?since=0", "/export", "/report?format=md"].map(
      (path) => `/api/workshops/${workshop.id}${path}`,
    );
    const read = async (path: string, credentials?: Parameters<typeof requestJson>[4]) => {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: credentialHeaders(credentials) });
      return { status: response.status, body: await response.text() };
    };
    for (const path of paths) {
      for (const stranger of [undefined, other]) {
        const refused = await read(path, stranger);
        expect(refused.status, `${path} as ${stranger ? "another account" : "nobody"}`).toBe(403);
        expect(refused.body).not.toContain("in confidence");
      }
      // The owner's session and the co-facilitator link's key both read it.
      expect((await read(path, server.session)).status, path).toBe(200);
      expect((await read(path, workshop)).status, path).toBe(200);
      expect((await read(path, { facilitatorKey: "not-the-key" })).status, path).toBe(403);
    }
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

    const sourceExport = await fetchExport(server.baseUrl, source.body);
    const copyExport = await fetchExport(server.baseUrl, copy.body);
    expect(copyExport.status).toBe(200);
    expect(copyExport.body).toStrictEqual(sourceExport.body);

    const mine = await list(server.baseUrl, server.session);
    expect(mine.find((workshop) => workshop.id === copy.body.id)).toMatchObject({ role: "owner", public: false });
    expect(ids(await list(server.baseUrl, other))).not.toContain(copy.body.id);
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
    const { account } = (await me(server.baseUrl, session)).body;
    if (!account) throw new Error("signed out");
    return account.email;
  }
});
