import { z } from "zod";
import type { DomainEvent, SerializedState } from "../events.js";
import { workshopDocumentSchema } from "../interchange/schema.js";
import type { EventEnvelope } from "../protocol.js";

// The REST contract of workshops: the server's routes (src/server/routes/workshops.ts) parse
// requests and declare their answers with these schemas, and src/web/api.ts sends and reads the
// same ones. Answers' objects drop unknown keys rather than refuse them, so that a page loaded
// before an upgrade still reads the new server; test/server/contract.test.ts fails instead when
// the server sends a field that a schema here does not name.

/** `:id` of every `/api/workshops/:id…` route. */
export const workshopParams = z.object({ id: z.string().min(1).max(100) });

/** `POST /api/workshops`. */
export const createWorkshopBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    language: z.enum(["en", "fr"]).default("en"),
  })
  .strict();

/** `GET /api/workshops?archived=`. */
export const listWorkshopsQuery = z.object({ archived: z.enum(["true", "false"]).default("false") });

/** `POST /api/workshops/:id/archive`. */
export const archiveBody = z.object({ archived: z.boolean() }).strict();

/** `GET /api/workshops/:id/export?format=`. */
export const exportQuery = z.object({ format: z.enum(["json"]).default("json") });

/** `GET /api/workshops/:id/events?since=&limit=`. */
export const eventsQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** One workshop in a list: the account's own ones carry its role and whether it archived them. */
export const workshopListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  seq: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Everyone's to see and copy, such as the demo. */
  public: z.boolean(),
  /** Absent when signed out; null for a public workshop that is not the account's. */
  role: z.enum(["owner", "cofacilitator"]).nullable().optional(),
  archived: z.boolean().optional(),
});
export type WorkshopListItem = z.infer<typeof workshopListItemSchema>;

/** `GET /api/workshops`, newest first. */
export const workshopListSchema = z.object({ workshops: z.array(workshopListItemSchema) });

/** A workshop just created, imported, duplicated or followed up: its links and facilitator key. */
export const createdWorkshopSchema = z.object({
  id: z.string(),
  url: z.string(),
  facilitatorKey: z.string(),
});
export type CreatedWorkshop = z.infer<typeof createdWorkshopSchema>;

/** `POST /api/workshops/:id/archive`. */
export const archivedSchema = z.object({ id: z.string(), archived: z.boolean() });

/** `POST /api/workshops/:id/join-code`: the new code. */
export const joinCodeSchema = z.object({ joinCode: z.string() });

const isObject = (value: unknown) => typeof value === "object" && value !== null;

/**
 * `GET /api/workshops/:id`. The state is checked as an object only: its shape is the reducer's,
 * typed by `SerializedState`, and a full schema of it would be a second copy of the model.
 */
export const workshopSnapshotSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  state: z.custom<SerializedState>(isObject),
});

/** One committed event as the log serves it; the event itself is typed, not re-validated (see above). */
export const eventEnvelopeSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ role: z.enum(["facilitator", "participant"]), id: z.string() }),
  commandId: z.string(),
  event: z.custom<DomainEvent>((value) => isObject(value) && typeof (value as { type?: unknown }).type === "string"),
}) satisfies z.ZodType<EventEnvelope>;

/** `GET /api/workshops/:id/events`: a page of the log, oldest first. */
export const eventPageSchema = z.object({ events: z.array(eventEnvelopeSchema) });

/** `GET /api/workshops/:id/export`: the workshop as a `workshop/v1` document. */
export const exportedWorkshopSchema = workshopDocumentSchema;
