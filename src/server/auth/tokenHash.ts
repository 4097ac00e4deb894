import { createHash } from "node:crypto";

/**
 * The one hash under which a bearer secret is stored (session tokens, facilitator keys): a copy of
 * the database opens no session and no console. The secrets are random, so a plain SHA-256 is
 * enough (no salt or stretching: nothing to guess from a dictionary).
 */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
