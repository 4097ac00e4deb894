import { type JoinInfo, joinInfoSchema } from "../../core/index.js";

export type { JoinInfo } from "../../core/index.js";

export type JoinLookup =
  | { kind: "found"; info: JoinInfo }
  | { kind: "notFound" }
  /** The server could not be reached or answered something unexpected: worth a retry. */
  | { kind: "unreachable" };

/** Looks a join code up on the server (`GET /api/join/:code`); never throws. */
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
