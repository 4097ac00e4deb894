import { z } from "zod";
import { workshopDocumentSchema } from "../../core/index.js";

// Zod validates every request inside the handlers (so HTTP, WebSocket and CLI report problems
// the same way); these JSON Schemas, generated from the same Zod schemas, document the API.

export const createWorkshopBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    language: z.enum(["en", "fr"]).default("en"),
  })
  .strict();

export const workshopParams = z.object({ id: z.string().min(1).max(100) });

export const exportQuery = z.object({ format: z.enum(["json"]).default("json") });

export const eventsQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** JSON Schema for the OpenAPI document. */
export const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" });

export const workshopDocumentJsonSchema = jsonSchema(workshopDocumentSchema);
