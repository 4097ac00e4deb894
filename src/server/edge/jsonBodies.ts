import type { FastifyInstance } from "fastify";
import { formatIssues, nestingProblem } from "../../core/index.js";
import { AppError } from "../errors.js";

/** A REST body beyond this is refused (413); the import route allows a workshop file's limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Parses JSON bodies as Fastify does (prototype poisoning refused), then refuses one nested deeper
 * than MAX_NESTING_DEPTH with a 400 that names where, before any handler, schema or worker thread
 * recurses into it.
 */
export function limitJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parseJson(request, body.toString(), (error, value) => {
      if (error) return done(error, undefined);
      const tooDeep = nestingProblem(value);
      if (tooDeep) return done(new AppError("invalid", formatIssues([tooDeep]), [tooDeep]), undefined);
      done(null, value);
    });
  });
}
