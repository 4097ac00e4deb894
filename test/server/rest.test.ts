import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventEnvelope } from "../../src/core/index.js";
import {
  createWorkshop,
  fetchExport,
  HAS_REFERENCE_EXAMPLE,
  importWorkshop,
  listWorkshops,
  needsReferenceExample,
  readReferenceExample,
  requestJson,
  startTestServer,
  type TestServer,
} from "../support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe("REST API", () => {
  it("answers /healthz with 200", async () => {
    const response = await requestJson(server.baseUrl, "GET", "/healthz");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("sends Cross-Origin-Opener-Policy only where browsers heed it: HTTPS or this computer, not plain HTTP at a network address", async () => {
    const at = async (host: string) =>
      (await server.app.inject({ url: "/healthz", headers: { host } })).headers["cross-origin-opener-policy"];
    expect(await at("localhost:4321")).toBe("same-origin");
    expect(await at("127.0.0.1:4321")).toBe("same-origin");
    // A phone on the venue's Wi-Fi: Chromium would log an error for the header on every page.
    expect(await at("192.168.1.20:4321")).toBeUndefined();
    expect(await at("concord.test:4321")).toBeUndefined();
  });

  it("refuses to create or import without a signed-in facilitator (401) and writes nothing", async () => {
    const before = await server.service.list();
    const create = await requestJson<ErrorBody>(server.baseUrl, "POST", "/api/workshops", { title: "Anonymous" });
    expect(create.status).toBe(401);
    expect(create.body.error.code).toBe("unauthorized");
    const imported = await requestJson<ErrorBody>(server.baseUrl, "POST", "/api/workshops/import", {});
    expect(imported.status).toBe(401);
    expect(await server.service.list()).toEqual(before);
  });

  it("creates a blank workshop (201 with id, url, facilitatorKey) that the listing shows", async () => {
    const response = await requestJson<{ id: string; url: string; facilitatorKey: string }>(
      server.baseUrl,
      "POST",
      "/api/workshops",
      { title: "Board retreat" },
      server.session,
    );
    expect(response.status).toBe(201);
    const { id, url, facilitatorKey } = response.body;
    expect(id).toEqual(expect.any(String));
    expect(url).toBe(`${server.publicUrl}/w/${id}`);
    expect(facilitatorKey.length).toBeGreaterThanOrEqual(16);

    const listed = await listWorkshops(server.baseUrl, server.session);
    expect(listed.filter((workshop) => workshop.id === id)).toEqual([
      expect.objectContaining({ id, title: "Board retreat", seq: 1 }),
    ]);
    const read = await requestJson<{ id: string; seq: number; state: { phase: string } }>(
      server.baseUrl,
      "GET",
      `/api/workshops/${id}`,
      undefined,
      server.session,
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      seq: 1,
      state: { id, phase: "context", context: { title: "Board retreat" } },
    });
  });

  it("refuses a create without a title with 400 naming the field", async () => {
    const before = (await listWorkshops(server.baseUrl, server.session)).length;
    const response = await requestJson<ErrorBody>(
      server.baseUrl,
      "POST",
      "/api/workshops",
      { language: "en" },
      server.session,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    expect(response.body.error.issues?.map((issue) => issue.path)).toContain("title");
    expect(await listWorkshops(server.baseUrl, server.session)).toHaveLength(before);
  });

  describe.skipIf(!HAS_REFERENCE_EXAMPLE)(needsReferenceExample("import and export of the reference example"), () => {
    it("exports exactly the document that was imported", async () => {
      const doc = readReferenceExample();
      const created = await importWorkshop(server.baseUrl, server.session, doc);
      expect(created.url).toBe(`${server.publicUrl}/w/${created.id}`);
      const exported = await fetchExport(server.baseUrl, created);
      expect(exported.status).toBe(200);
      expect(exported.body).toStrictEqual(doc);
      // Key order is part of "gives the file back": the export follows the reference's field order.
      expect(Object.keys(exported.body as object)).toEqual(Object.keys(doc as object));
    });

    it("lists the imported workshop's events with seq 1..N", async () => {
      const created = await importWorkshop(server.baseUrl, server.session, readReferenceExample());
      const read = await requestJson<{ seq: number }>(
        server.baseUrl,
        "GET",
        `/api/workshops/${created.id}`,
        undefined,
        created,
      );
      const events = await requestJson<{ events: EventEnvelope[] }>(
        server.baseUrl,
        "GET",
        `/api/workshops/${created.id}/events?since=0`,
        undefined,
        created,
      );
      expect(events.status).toBe(200);
      const seqs = events.body.events.map((envelope) => envelope.seq);
      expect(seqs.length).toBeGreaterThan(0);
      expect(seqs).toEqual(Array.from({ length: read.body.seq }, (_, index) => index + 1));
      expect(events.body.events[0]?.event.type).toBe("workshopCreated");
    });
  });

  describe("an invalid import", () => {
    const valid = () => ({
      format: "workshop/v1",
      title: "Small",
      organization: "",
      preparedFor: "",
      preparedBy: "",
      event: "",
      heldOn: "2025-03-01",
      reportDate: "2025-03-02",
      language: "en",
      facilitators: [],
      participantGroups: [],
      overview: "",
      goal: "",
      focusQuestion: "",
      method: "",
      themes: [
        {
          id: "t1",
          name: "One",
          keyPoints: [],
          headline: "",
          narrative: "",
          cards: [{ id: "c1", text: "First" }],
        },
      ],
      unclusteredCards: [],
      footnotes: [],
      reflections: "",
      nextSteps: "",
    });

    const variants: [string, (doc: ReturnType<typeof valid>) => unknown, string][] = [
      ["a missing title", ({ title: _title, ...rest }) => rest, "title"],
      [
        "a card text of the wrong type",
        (doc) => ({ ...doc, themes: [{ ...doc.themes[0], cards: [{ id: "c1", text: 42 }] }] }),
        "themes[0].cards[0].text",
      ],
      [
        "a card in two places",
        (doc) => ({ ...doc, unclusteredCards: [{ id: "c1", text: "Again" }] }),
        "unclusteredCards[0].id",
      ],
      ["an unknown format", (doc) => ({ ...doc, format: "workshop/v9" }), "format"],
    ];

    it("accepts the valid base document (control)", async () => {
      const response = await requestJson(server.baseUrl, "POST", "/api/workshops/import", valid(), server.session);
      expect(response.status).toBe(201);
    });

    it.each(variants)("with %s answers 400 naming the path and writes nothing", async (_name, spoil, path) => {
      const before = await listWorkshops(server.baseUrl, server.session);
      const response = await requestJson<ErrorBody>(
        server.baseUrl,
        "POST",
        "/api/workshops/import",
        spoil(valid()),
        server.session,
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid");
      expect(response.body.error.issues?.map((issue) => issue.path)).toContain(path);
      expect(await listWorkshops(server.baseUrl, server.session)).toEqual(before);
    });

    it("that is not JSON answers 400 and writes nothing", async () => {
      const before = await listWorkshops(server.baseUrl, server.session);
      const response = await fetch(`${server.baseUrl}/api/workshops/import`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: server.session },
        body: '{"format": "workshop/v1",',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("invalid");
      expect(await listWorkshops(server.baseUrl, server.session)).toEqual(before);
    });
  });

  describe("an unknown workshop id", () => {
    it.each([
      "/api/workshops/no-such-workshop",
      "/api/workshops/no-such-workshop/export",
      "/api/workshops/no-such-workshop/events?since=0",
    ])("GET %s answers 403, as for a workshop that is not one's own: whether it exists is not told", async (path) => {
      const response = await requestJson<ErrorBody>(server.baseUrl, "GET", path, undefined, server.session);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ error: { code: "forbidden" } });
    });
  });

  it("lists a created workshop's events since a seq, numbered gap-free from 1", async () => {
    const created = await createWorkshop(server.baseUrl, server.session, "Events");
    const all = await requestJson<{ events: EventEnvelope[] }>(
      server.baseUrl,
      "GET",
      `/api/workshops/${created.id}/events?since=0`,
      undefined,
      created,
    );
    expect(all.body.events.map((envelope) => envelope.seq)).toEqual([1]);
    const after = await requestJson<{ events: EventEnvelope[] }>(
      server.baseUrl,
      "GET",
      `/api/workshops/${created.id}/events?since=1`,
      undefined,
      created,
    );
    expect(after.body.events).toEqual([]);
  });

  it("serves an OpenAPI document at /api/docs/json that lists the workshop paths", async () => {
    const response = await requestJson<{ openapi: string; paths: Record<string, unknown> }>(
      server.baseUrl,
      "GET",
      "/api/docs/json",
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/workshops",
        "/api/workshops/import",
        "/api/workshops/{id}",
        "/api/workshops/{id}/export",
        "/api/workshops/{id}/events",
      ]),
    );
    expect(response.body.paths).not.toHaveProperty("/ws");
  });
});
