import { z } from "zod";
import { formatPath, workshopDocumentSchema } from "../../core/index.js";
import { AppError } from "../errors.js";

// Zod validates every request inside the handlers (so HTTP, WebSocket and CLI report problems
// the same way); these JSON Schemas, generated from the same Zod schemas (src/core/api), document
// the API. The REST contract itself lives in src/core/api and src/core/ballots/api.ts.

/** JSON Schema of a request part (body, query, params) for the OpenAPI document. */
export const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" });

/**
 * A route's `schema.response` for the OpenAPI document: the answer for `status` (200 unless
 * told), as its Zod schema writes it. It documents only: the app serializes answers as they are
 * (see `setSerializerCompiler` in app.ts), and test/server/contract.test.ts holds them to it.
 */
export const responds = (schema: z.ZodType, status = 200) => ({
  [status]: z.toJSONSchema(schema, { target: "openapi-3.0", io: "output", unrepresentable: "any" }),
});

export const workshopDocumentJsonSchema = jsonSchema(workshopDocumentSchema);

/** Parses with Zod, or throws a 400 that names each problem's path. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  throw new AppError("invalid", issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"), issues);
}
