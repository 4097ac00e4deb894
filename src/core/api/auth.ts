import { z } from "zod";

// The REST contract of facilitator accounts (src/server/routes/auth.ts, src/web/api.ts).

const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

/** `POST /api/auth/register`. */
export const registerBody = z
  .object({ email, name: z.string().trim().min(1).max(120), password: z.string().min(10).max(200) })
  .strict();

/** `POST /api/auth/login`. */
export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();

/** A facilitator's account as the API shows it: never its password hash. */
export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

/** `POST /api/auth/register` and `/login`: the account now signed in. */
export const signedInSchema = z.object({ account: accountSchema });

/** `GET /api/auth/me`: null when signed out. */
export const currentAccountSchema = z.object({ account: accountSchema.nullable() });

/** `POST /api/auth/logout`. */
export const signedOutSchema = z.object({ ok: z.literal(true) });
