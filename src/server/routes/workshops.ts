import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import {
  archiveBody,
  archivedSchema,
  type CreatedWorkshop,
  createdWorkshopSchema,
  createWorkshopBody,
  eventPageSchema,
  eventsQuery,
  exportedWorkshopSchema,
  exportQuery,
  followUpRequestSchema,
  joinCodeSchema,
  listWorkshopsQuery,
  MAX_DOCUMENT_BYTES,
  stateToDocument,
  validateWorkshopDocument,
  type WorkshopListItem,
  type WorkshopState,
  workshopListSchema,
  workshopParams,
  workshopSnapshotSchema,
} from "../../core/index.js";
import type { AccountStore } from "../accounts/accountStore.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import { AppError } from "../errors.js";
import { issueFacilitatorKey } from "../facilitatorKeys.js";
import { type EventStore, toEnvelope } from "../store/eventStore.js";
import { isPublic as isWorkshopPublic } from "../visibility.js";
import type { WorkshopService } from "../workshopService.js";
import { jsonSchema, parse, responds, workshopDocumentJsonSchema } from "./schemas.js";

export interface WorkshopRoutesOptions {
  service: WorkshopService;
  store: EventStore;
  accounts: AccountStore;
  auth: FacilitatorAuth;
  publicUrl: string;
}

/** REST API for workshops: create, import, duplicate, archive, list, read, export, the event log and the join code. */
export async function workshopRoutes(app: FastifyInstance, options: WorkshopRoutesOptions) {
  const { service, store, accounts, auth, publicUrl } = options;

  /** Gives the new workshop to its creator and returns its links and facilitator key. */
  const created = async (state: WorkshopState, accountId: string): Promise<CreatedWorkshop> => {
    await accounts.grantAccess(state.id, accountId, "owner");
    return {
      id: state.id,
      url: `${publicUrl}/w/${state.id}`,
      facilitatorKey: await issueFacilitatorKey(store, state.id),
    };
  };

  const isPublic = (workshopId: string) => isWorkshopPublic(store, workshopId);

  app.get(
    "/api/workshops",
    {
      schema: {
        tags: ["workshops"],
        summary: "Workshops of the signed-in facilitator (or the public ones, such as the demo), newest first",
        querystring: jsonSchema(listWorkshopsQuery),
        response: responds(workshopListSchema),
      },
    },
    async (request): Promise<z.output<typeof workshopListSchema>> => {
      const { archived } = parse(listWorkshopsQuery, request.query);
      const all = await service.list();
      const accountId = await auth.accountId(request);
      if (!accountId) {
        const visible = await Promise.all(
          all.map(async (summary) => ((await isPublic(summary.id)) ? summary : undefined)),
        );
        return {
          workshops: visible
            .filter((summary) => summary !== undefined)
            .map((summary) => ({ ...summary, public: true })),
        };
      }
      const access = new Map((await accounts.listAccess(accountId)).map((entry) => [entry.workshopId, entry]));
      const workshops: WorkshopListItem[] = [];
      for (const summary of all) {
        const entry = access.get(summary.id);
        const shown = entry
          ? entry.archived === (archived === "true")
          : archived === "false" && (await isPublic(summary.id));
        if (shown)
          workshops.push({ ...summary, role: entry?.role ?? null, archived: entry?.archived ?? false, public: !entry });
      }
      return { workshops };
    },
  );

  app.post(
    "/api/workshops",
    {
      schema: {
        tags: ["workshops"],
        summary: "Create a blank workshop",
        body: jsonSchema(createWorkshopBody),
        response: responds(createdWorkshopSchema, 201),
      },
    },
    async (request, reply) => {
      const accountId = await auth.requireAccount(request);
      const body = parse(createWorkshopBody, request.body);
      reply.code(201);
      return created(await service.create(body), accountId);
    },
  );

  app.post(
    "/api/workshops/import",
    {
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ["workshops"],
        summary: "Import a workshop/v1 document; nothing is written if it is invalid",
        body: workshopDocumentJsonSchema,
        response: responds(createdWorkshopSchema, 201),
      },
    },
    async (request, reply) => {
      const accountId = await auth.requireAccount(request);
      const validated = validateWorkshopDocument(request.body);
      if (!validated.ok) throw AppError.from(validated.error);
      reply.code(201);
      return created(await service.importDocument(validated.value), accountId);
    },
  );

  app.post(
    "/api/workshops/:id/duplicate",
    {
      schema: {
        tags: ["workshops"],
        summary: "Copy a workshop's content into a new one",
        params: jsonSchema(workshopParams),
        response: responds(createdWorkshopSchema, 201),
      },
    },
    async (request, reply) => {
      const accountId = await auth.requireAccount(request);
      const { id } = parse(workshopParams, request.params);
      await auth.assertCanCopy(request, id);
      const doc = stateToDocument((await service.get(id)).state);
      reply.code(201);
      return created(await service.importDocument(doc), accountId);
    },
  );

  app.post(
    "/api/workshops/:id/archive",
    {
      schema: {
        tags: ["workshops"],
        summary: "Archive or restore a workshop in your list",
        params: jsonSchema(workshopParams),
        body: jsonSchema(archiveBody),
        response: responds(archivedSchema),
      },
    },
    async (request): Promise<z.output<typeof archivedSchema>> => {
      const accountId = await auth.requireAccount(request);
      const { id } = parse(workshopParams, request.params);
      const { archived } = parse(archiveBody, request.body);
      if (!(await accounts.getAccess(id, accountId)))
        throw new AppError("forbidden", "This is not one of your workshops");
      await accounts.setArchived(id, accountId, archived);
      return { id, archived };
    },
  );

  app.post(
    "/api/workshops/:id/join-code",
    {
      schema: {
        tags: ["workshops"],
        summary: "Give the workshop a new join code; the old one opens it no more (those in stay connected)",
        params: jsonSchema(workshopParams),
        response: responds(joinCodeSchema),
      },
    },
    async (request): Promise<z.output<typeof joinCodeSchema>> => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      // The log names who rotated it: the account, or the key's holder when there is none.
      const actor = { role: "facilitator" as const, id: (await auth.accountId(request)) ?? "facilitator-key" };
      return { joinCode: await service.rotateJoinCode(id, actor) };
    },
  );

  app.post(
    "/api/workshops/:id/follow-up",
    {
      schema: {
        tags: ["workshops"],
        summary:
          "Start the campaign's next workshop from this one's themes (as cards on its pile, or as its columns); each shows the other",
        params: jsonSchema(workshopParams),
        body: jsonSchema(followUpRequestSchema),
        response: responds(createdWorkshopSchema, 201),
      },
    },
    async (request, reply) => {
      const accountId = await auth.requireAccount(request);
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      const body = parse(followUpRequestSchema, request.body);
      const followUp = await service.followUp(id, body, { role: "facilitator", id: accountId });
      reply.code(201);
      return created(followUp, accountId);
    },
  );

  app.get(
    "/api/workshops/:id",
    {
      schema: {
        tags: ["workshops"],
        summary: "The current state of a workshop",
        params: jsonSchema(workshopParams),
        response: responds(workshopSnapshotSchema),
      },
    },
    // The state goes out as JSON writes it (its cards map as a record): `SerializedState`.
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
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
        response: responds(exportedWorkshopSchema),
      },
    },
    async (request): Promise<z.output<typeof exportedWorkshopSchema>> => {
      const { id } = parse(workshopParams, request.params);
      parse(exportQuery, request.query);
      await auth.assertFacilitator(request, id);
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
        response: responds(eventPageSchema),
      },
    },
    async (request): Promise<z.output<typeof eventPageSchema>> => {
      const { id } = parse(workshopParams, request.params);
      const { since, limit } = parse(eventsQuery, request.query);
      await auth.assertFacilitator(request, id);
      const events = await service.eventsSince(id, since, limit);
      return { events: events.map(toEnvelope) };
    },
  );
}
