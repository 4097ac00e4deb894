import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  archivedSchema,
  campaignSummarySchema,
  createdWorkshopSchema,
  currentAccountSchema,
  eventPageSchema,
  exportedWorkshopSchema,
  joinAddressSchema,
  joinCodeSchema,
  joinInfoSchema,
  publicationSchema,
  publishedReportSchema,
  signedInSchema,
  signedOutSchema,
  suggestionAnswerSchemas,
  workshopListSchema,
  workshopSnapshotSchema,
} from "../../src/core/index.js";
import { makePublic } from "../../src/server/visibility.js";
import { cookieOf, PASSWORD } from "../support/accounts.js";
import { importFixture, withFixtureServer } from "../support/fixtureServer.js";
import { type CreatedWorkshop, fetchWorkshop, REPO_FIXTURE, readJson, requestJson } from "../support/server.js";

/**
 * The REST contract (src/core/api): each route's real answer, from a server started as the other
 * server tests start it, is exactly what the schema the web app reads it with describes — a field
 * missing or of the wrong type fails the parse, and a field the schema does not name (which the
 * parse drops, so that an older page still reads a newer server) fails the comparison — and the
 * OpenAPI document declares that schema for the route.
 */

/** One request, the status it should get, and the schema of its answer. */
interface Case {
  /** "METHOD /path/{param}" as the OpenAPI document names the route. */
  route: string;
  status: number;
  schema: z.ZodType;
  send: () => Promise<{ status: number; body: unknown }>;
}

const fixture = withFixtureServer();
const email = `contract-${process.pid}@example.test`;

beforeAll(async () => {
  // A public workshop, so that lists show one that is not the account's.
  const demo = await importFixture(fixture.server);
  await makePublic(fixture.server.store, demo.id);
});

const get = (path: string, credentials?: string | CreatedWorkshop) =>
  requestJson(fixture.server.baseUrl, "GET", path, undefined, credentials);
const post = (path: string, body: unknown, credentials?: string | CreatedWorkshop) =>
  requestJson(fixture.server.baseUrl, "POST", path, body, credentials);
const at = (path = "") => `/api/workshops/${encodeURIComponent(fixture.workshop.id)}${path}`;

const cases: Case[] = [
  { route: "GET /api/workshops", status: 200, schema: workshopListSchema, send: () => get("/api/workshops") },
  {
    route: "GET /api/workshops",
    status: 200,
    schema: workshopListSchema,
    send: () => get("/api/workshops", fixture.server.session),
  },
  {
    route: "POST /api/workshops",
    status: 201,
    schema: createdWorkshopSchema,
    send: () => post("/api/workshops", { title: "Contract" }, fixture.server.session),
  },
  {
    route: "POST /api/workshops/import",
    status: 201,
    schema: createdWorkshopSchema,
    send: () => post("/api/workshops/import", readJson(REPO_FIXTURE), fixture.server.session),
  },
  {
    route: "POST /api/workshops/{id}/duplicate",
    status: 201,
    schema: createdWorkshopSchema,
    send: () => post(at("/duplicate"), {}, fixture.server.session),
  },
  {
    route: "POST /api/workshops/{id}/follow-up",
    status: 201,
    schema: createdWorkshopSchema,
    send: () => post(at("/follow-up"), { title: "Next", start: "columns" }, fixture.server.session),
  },
  {
    // After the follow-up above: the campaign holds this workshop and the one it started.
    route: "GET /api/workshops/{id}/campaign",
    status: 200,
    schema: campaignSummarySchema,
    send: () => get(at("/campaign"), fixture.server.session),
  },
  {
    route: "POST /api/workshops/{id}/archive",
    status: 200,
    schema: archivedSchema,
    send: () => post(at("/archive"), { archived: false }, fixture.server.session),
  },
  {
    route: "POST /api/workshops/{id}/join-code",
    status: 200,
    schema: joinCodeSchema,
    send: () => post(at("/join-code"), undefined, fixture.server.session),
  },
  {
    route: "GET /api/workshops/{id}",
    status: 200,
    schema: workshopSnapshotSchema,
    send: () => get(at(), fixture.server.session),
  },
  {
    route: "GET /api/workshops/{id}/export",
    status: 200,
    schema: exportedWorkshopSchema,
    send: () => get(at("/export"), fixture.server.session),
  },
  {
    route: "GET /api/workshops/{id}/events",
    status: 200,
    schema: eventPageSchema,
    send: () => get(at("/events?limit=5000"), fixture.server.session),
  },
  {
    route: "POST /api/auth/register",
    status: 201,
    schema: signedInSchema,
    send: () => post("/api/auth/register", { email, name: "Contract", password: PASSWORD }),
  },
  {
    route: "POST /api/auth/login",
    status: 200,
    schema: signedInSchema,
    send: () => post("/api/auth/login", { email, password: PASSWORD }),
  },
  { route: "GET /api/auth/me", status: 200, schema: currentAccountSchema, send: () => get("/api/auth/me") },
  {
    route: "GET /api/auth/me",
    status: 200,
    schema: currentAccountSchema,
    send: () => get("/api/auth/me", fixture.server.session),
  },
  {
    route: "POST /api/auth/logout",
    status: 200,
    schema: signedOutSchema,
    send: async () => {
      const signedIn = cookieOf(
        await requestJson(fixture.server.baseUrl, "POST", "/api/auth/login", { email, password: PASSWORD }),
      );
      return post("/api/auth/logout", {}, signedIn);
    },
  },
  {
    route: "GET /api/join/{code}",
    status: 200,
    schema: joinInfoSchema,
    send: async () =>
      get(`/api/join/${(await fetchWorkshop(fixture.server.baseUrl, fixture.workshop)).state.joinCode}`),
  },
  { route: "GET /api/join-address", status: 200, schema: joinAddressSchema, send: () => get("/api/join-address") },
  {
    route: "GET /api/workshops/{id}/publish",
    status: 200,
    schema: publicationSchema,
    send: () => get(at("/publish"), fixture.server.session),
  },
  {
    route: "POST /api/workshops/{id}/publish",
    status: 200,
    schema: publishedReportSchema,
    send: () => post(at("/publish"), undefined, fixture.server.session),
  },
  {
    route: "GET /api/workshops/{id}/publish",
    status: 200,
    schema: publicationSchema,
    send: () => get(at("/publish"), fixture.server.session),
  },
  ...(["clusters", "placements", "duplicates", "names"] as const).map((kind) => ({
    route: `GET /api/workshops/{id}/suggestions/${kind}`,
    status: 200,
    schema: suggestionAnswerSchemas[kind],
    send: () => get(at(`/suggestions/${kind}`), fixture.server.session),
  })),
];

/** The routes of these areas whose answer is a file or a page, not JSON: they have no answer schema. */
const NOT_JSON = ["GET /api/workshops/{id}/report", "DELETE /api/workshops/{id}/publish", "GET /r/{token}"];
const AREAS = ["workshops", "auth", "join", "reports", "suggestions"];

interface Operation {
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe("the REST contract", () => {
  // In order: registering comes before signing in, reading the publication before and after publishing.
  it.each(cases.map((testCase, index) => [`${index + 1}. ${testCase.route}`, testCase] as const))(
    "%s answers what its schema says",
    async (_, { status, schema, send }) => {
      const response = await send();
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      const parsed = schema.safeParse(response.body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // Nothing dropped: every field the server sent is one the schema names.
      expect(parsed.data).toStrictEqual(response.body);
    },
  );

  it("declares an answer schema in the OpenAPI document for every JSON route of these areas", async () => {
    const docs = await get("/api/docs/json");
    const paths = (docs.body as { paths: Record<string, Record<string, Operation>> }).paths;
    const documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.tags?.some((tag) => AREAS.includes(tag)))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    const jsonRoutes = documented.filter(({ route }) => !NOT_JSON.includes(route));
    // Every JSON route is exercised above, with the status it documents.
    expect(jsonRoutes.map(({ route }) => route).sort()).toEqual([...new Set(cases.map(({ route }) => route))].sort());
    for (const { route, operation } of jsonRoutes) {
      const status = cases.find((testCase) => testCase.route === route)?.status ?? 200;
      expect(operation.responses?.[status]?.content?.["application/json"]?.schema, route).toBeDefined();
    }
  });
});
