import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { validateWorkshopDocument, type WorkshopState } from "../../core/index.js";
import { AppError } from "../errors.js";
import { issueFacilitatorKey } from "../facilitatorKeys.js";
import { type EventStore, toEnvelope } from "../store/eventStore.js";
import type { WorkshopService } from "../workshopService.js";
import {
  createWorkshopBody,
  eventsQuery,
  exportQuery,
  jsonSchema,
  workshopDocumentJsonSchema,
  workshopParams,
} from "./schemas.js";

export interface WorkshopRoutesOptions {
  service: WorkshopService;
  store: EventStore;
  publicUrl: string;
}

/** Parses with Zod, or answers 400 with the path-named issues. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join(".") || "(root)",
    message: issue.message,
  }));
  throw new AppError("invalid", issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"), issues);
}

/** REST API for workshops: create, import, list, read, export, and the event log. */
export async function workshopRoutes(app: FastifyInstance, options: WorkshopRoutesOptions) {
  const { service, store, publicUrl } = options;

  const created = async (state: WorkshopState) => ({
    id: state.id,
    url: `${publicUrl}/w/${state.id}`,
    facilitatorKey: await issueFacilitatorKey(store, state.id),
  });

  app.get(
    "/api/workshops",
    { schema: { tags: ["workshops"], summary: "List workshops, most recently changed first" } },
    async () => ({ workshops: await service.list() }),
  );

  app.post(
    "/api/workshops",
    { schema: { tags: ["workshops"], summary: "Create a blank workshop", body: jsonSchema(createWorkshopBody) } },
    async (request, reply) => {
      const body = parse(createWorkshopBody, request.body);
      reply.code(201);
      return created(await service.create(body));
    },
  );

  app.post(
    "/api/workshops/import",
    {
      schema: {
        tags: ["workshops"],
        summary: "Import a workshop/v1 document; nothing is written if it is invalid",
        body: workshopDocumentJsonSchema,
      },
    },
    async (request, reply) => {
      const validated = validateWorkshopDocument(request.body);
      if (!validated.ok) throw AppError.from(validated.error);
      reply.code(201);
      return created(await service.importDocument(validated.value));
    },
  );

  app.get(
    "/api/workshops/:id",
    { schema: { tags: ["workshops"], summary: "The current state of a workshop", params: jsonSchema(workshopParams) } },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      const { state, seq } = await service.get(id);
      return { id, seq, state };
    },
  );

  app.get(
    "/api/workshops/:id/export",
    {
      schema: {
        tags: ["workshops"],
        summary: "Export as workshop/v1",
        params: jsonSchema(workshopParams),
        querystring: jsonSchema(exportQuery),
      },
    },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      parse(exportQuery, request.query);
      return service.exportDocument(id);
    },
  );

  app.get(
    "/api/workshops/:id/events",
    {
      schema: {
        tags: ["workshops"],
        summary: "Committed events after a sequence number, for replay",
        params: jsonSchema(workshopParams),
        querystring: jsonSchema(eventsQuery),
      },
    },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      const { since, limit } = parse(eventsQuery, request.query);
      const events = await service.eventsSince(id, since, limit);
      return { events: events.map(toEnvelope) };
    },
  );
}
