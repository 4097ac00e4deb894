import { z } from "zod";

/** What a participant needs to know before joining: `GET /api/join/:code`. */
const joinInfoSchema = z.object({
  workshopId: z.string().min(1),
  title: z.string(),
  language: z.enum(["en", "fr"]).catch("en"),
  anonymousCards: z.boolean(),
  showAuthors: z.boolean().default(false),
  useTables: z.boolean(),
  tables: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  participantGroups: z.array(z.string()).default([]),
  focusQuestion: z.string().default(""),
});

export type JoinInfo = z.infer<typeof joinInfoSchema>;

export type JoinLookup =
  | { kind: "found"; info: JoinInfo }
  | { kind: "notFound" }
  /** The server could not be reached or answered something unexpected: worth a retry. */
  | { kind: "unreachable" };

/** Looks a join code up on the server; never throws. */
export async function lookUpJoinCode(code: string): Promise<JoinLookup> {
  try {
    const response = await fetch(`/api/join/${encodeURIComponent(code)}`, { headers: { accept: "application/json" } });
    if (response.status === 404) return { kind: "notFound" };
    if (!response.ok) return { kind: "unreachable" };
    const parsed = joinInfoSchema.safeParse(await response.json());
    return parsed.success ? { kind: "found", info: parsed.data } : { kind: "unreachable" };
  } catch {
    return { kind: "unreachable" };
  }
}
