import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { currentAccountSchema, loginBody, registerBody, signedInSchema, signedOutSchema } from "../../core/index.js";
import { type AccountStore, EmailTakenError } from "../accounts/accountStore.js";
import { hashPassword, verifyPassword } from "../accounts/passwords.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import { endSession, startSession } from "../auth/sessions.js";
import { type RateLimitStore, rateLimitStoreOptions } from "../edge/rateLimits.js";
import { AppError } from "../errors.js";
import { jsonSchema, parse, responds } from "./schemas.js";

export interface AuthRoutesOptions {
  accounts: AccountStore;
  auth: FacilitatorAuth;
  secureCookies: boolean;
  /** Shared counts when several processes run (REDIS_URL); this process's memory otherwise. */
  rateLimits?: RateLimitStore;
}

/**
 * Sign-in attempts per account, whatever address they come from: guessing one person's password
 * from many addresses is slowed too. Far above a person mistyping theirs.
 */
export const SIGN_INS_PER_ACCOUNT = { max: 10, timeWindow: "10 minutes" };

/** Facilitator accounts: register, sign in, sign out, who am I. */
export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions) {
  const { accounts, auth, secureCookies } = options;
  // Password guessing is slowed per address and per account; everything else in the API is not limited.
  await app.register(rateLimit, { global: false, ...rateLimitStoreOptions(options.rateLimits) });
  const limited = { rateLimit: { max: 10, timeWindow: "1 minute" } };
  // Its own limiter, checked once the body names the account (the per-address one runs first).
  const accountLimit = app.createRateLimit({
    ...SIGN_INS_PER_ACCOUNT,
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `sign-in:${typeof email === "string" ? email.trim().toLowerCase() : ""}`;
    },
  });
  const perAccount = async (request: FastifyRequest) => {
    const limit = await accountLimit(request);
    if (!limit.isAllowed && limit.isExceeded) {
      const minutes = Math.ceil(limit.ttlInSeconds / 60);
      throw Object.assign(new Error(`Too many sign-in attempts for this account; try again in ${minutes} min`), {
        statusCode: 429,
      });
    }
  };

  app.post(
    "/api/auth/register",
    {
      config: limited,
      schema: {
        tags: ["auth"],
        summary: "Create a facilitator account and sign in",
        body: jsonSchema(registerBody),
        response: responds(signedInSchema, 201),
      },
    },
    async (request, reply): Promise<z.output<typeof signedInSchema>> => {
      const body = parse(registerBody, request.body);
      const account = {
        id: crypto.randomUUID(),
        email: body.email,
        name: body.name,
        createdAt: new Date().toISOString(),
      };
      try {
        await accounts.createAccount({ ...account, passwordHash: await hashPassword(body.password) });
      } catch (error) {
        if (error instanceof EmailTakenError) throw new AppError("conflict", error.message);
        throw error;
      }
      await startSession(accounts, reply, account.id, secureCookies);
      reply.code(201);
      return { account };
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: limited,
      preHandler: perAccount,
      schema: { tags: ["auth"], summary: "Sign in", body: jsonSchema(loginBody), response: responds(signedInSchema) },
    },
    async (request, reply): Promise<z.output<typeof signedInSchema>> => {
      const body = parse(loginBody, request.body);
      const found = await accounts.findAccountByEmail(body.email);
      // The same answer for an unknown email and a wrong password: no probing for accounts.
      if (!found || !(await verifyPassword(body.password, found.passwordHash))) {
        throw new AppError("unauthorized", "Wrong email or password");
      }
      await startSession(accounts, reply, found.id, secureCookies);
      const { passwordHash: _secret, ...account } = found;
      return { account };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: responds(signedOutSchema) } },
    async (request, reply): Promise<z.output<typeof signedOutSchema>> => {
      await endSession(accounts, request, reply);
      return { ok: true };
    },
  );

  // Asking who is signed in is not an error when nobody is: every signed-out page load asks.
  app.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in account, or null when signed out",
        response: responds(currentAccountSchema),
      },
    },
    async (request): Promise<z.output<typeof currentAccountSchema>> => {
      const accountId = await auth.accountId(request);
      return { account: (accountId && (await accounts.getAccount(accountId))) || null };
    },
  );
}
