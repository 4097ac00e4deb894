import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

/** Methods that change something: a page on another site must not be able to send them with our cookie. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** `https://host[:port]` as browsers write it in `Origin`, or undefined for anything else (`null` too). */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request's `Origin` may act here: PUBLIC_URL's origin, the request's own scheme and host
 * (behind a proxy only when TRUST_PROXY lets Fastify believe X-Forwarded-Proto and -Host), or one of
 * ALLOWED_ORIGINS. A sibling subdomain or another port of the same host is another site to a
 * browser's cookies only by name: it is foreign here. `Origin: null` (sandboxed frames, file:
 * pages, some redirects) is foreign too.
 */
export function isAllowedOrigin(origin: string, ownOrigin: string, allowed: ReadonlySet<string>): boolean {
  const normalized = normalizeOrigin(origin);
  if (normalized === undefined) return false;
  return normalized === normalizeOrigin(ownOrigin) || allowed.has(normalized);
}

/**
 * Refuses, with 403 and before any handler, a WebSocket upgrade or a state-changing request that
 * carries an `Origin` header from elsewhere: cross-site WebSocket hijacking and cross-site form
 * posts both ride on the facilitator's cookie. Clients that send no `Origin` (the CLI, scripts,
 * the benches) are not browsers acting for someone else, and pass.
 */
export function guardOrigins(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins.map(normalizeOrigin).filter((origin) => origin !== undefined));
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const upgrade = request.headers.upgrade?.toLowerCase() === "websocket";
    if (!upgrade && !STATE_CHANGING.has(request.method)) return;
    if (isAllowedOrigin(origin, `${request.protocol}://${request.host}`, allowed)) return;
    request.log.warn({ origin, url: request.url }, "request from a foreign origin refused");
    throw new AppError("forbidden", `Requests from ${origin} are not allowed here`);
  });
}

/** Characters a Host header may carry into the CSP: anything else could add a directive. */
const PLAIN_HOST = /^[A-Za-z0-9.:[\]-]+$/;

/**
 * CSP `connect-src`: this server only — `'self'`, PUBLIC_URL's origin and its WebSocket form, and
 * the WebSocket form of the address the page was loaded from (some browsers do not let `'self'`
 * cover `ws:`), never any `ws:`/`wss:` host.
 */
export function cspConnectSources(publicUrl: string): (string | ((req: { headers: { host?: string } }) => string))[] {
  const publicOrigin = new URL(publicUrl);
  const publicWs = `${publicOrigin.protocol === "https:" ? "wss" : "ws"}://${publicOrigin.host}`;
  const ownWs = (req: { headers: { host?: string } }) => {
    const host = req.headers.host ?? "";
    return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
  };
  return ["'self'", publicOrigin.origin, publicWs, ownWs];
}
