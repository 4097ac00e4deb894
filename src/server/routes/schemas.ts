import { z } from "zod";
import { formatPath, workshopDocumentSchema } from "../../core/index.js";
import { AppError } from "../errors.js";

// Zod validates every request inside the handlers (so HTTP, WebSocket and CLI report problems
// the same way); these JSON Schemas, generated from the same Zod schemas, document the API.

export const createWorkshopBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    language: z.enum(["en", "fr"]).default("en"),
  })
  .strict();

export const workshopParams = z.object({ id: z.string().min(1).max(100) });

export { followUpRequestSchema as followUpBody } from "../../core/index.js";

export const exportQuery = z.object({ format: z.enum(["json"]).default("json") });

export const eventsQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** JSON Schema for the OpenAPI document. */
export const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" });

export const workshopDocumentJsonSchema = jsonSchema(workshopDocumentSchema);

/** Parses with Zod, or throws a 400 that names each problem's path. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  throw new AppError("invalid", issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"), issues);
}
