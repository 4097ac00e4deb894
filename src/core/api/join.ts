import { z } from "zod";

// The REST contract of joining (src/server/routes/join.ts and joinAddress.ts; the participant's
// phone and the console's join links in src/web).

/** `GET /api/join/:code`. */
export const joinParams = z.object({ code: z.string().trim().min(1).max(20) });

/** What a participant's phone needs before joining: never the facilitator's secrets. */
export const joinInfoSchema = z.object({
  workshopId: z.string().min(1),
  title: z.string(),
  language: z.enum(["en", "fr"]),
  anonymousCards: z.boolean(),
  showAuthors: z.boolean(),
  useTables: z.boolean(),
  tables: z.array(z.object({ id: z.string(), name: z.string() })),
  participantGroups: z.array(z.string()),
  focusQuestion: z.string(),
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;

/** `GET /api/join-address`: PUBLIC_URL when it is set, otherwise the server's network origins. */
export const joinAddressSchema = z.object({
  publicUrl: z.string().nullable(),
  networkOrigins: z.array(z.string()),
});
export type JoinAddress = z.infer<typeof joinAddressSchema>;
