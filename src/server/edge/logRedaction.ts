import type { FastifyRequest } from "fastify";

/**
 * Addresses whose next segment is a bearer secret: a personal or shareable voting link's token
 * (the voter's page and its API) and a published report's token. Whoever reads the log — an
 * operator, a log service, a backup of it — must not be able to vote as someone or open a report.
 */
const SECRET_SEGMENT = /^(\/(?:api\/vote\/share|api\/vote|ballot\/share|ballot|r)\/)[^/?#]+/;

/** The request's address with any such secret replaced by `[token]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_SEGMENT, "$1[token]");
}

/** What Fastify logs of each request (its own default fields), the address redacted. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
