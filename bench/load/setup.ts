/**
 * Prepares workshops on a Concord under test the way a facilitator does: sign up, create the
 * workshop over REST, then over the WebSocket with the facilitator key open the brainstorm, let
 * participants move cards and make a few columns.
 */
import { createWorkshop, signUp } from "../../test/support/server.js";
import { connectClient } from "../../test/support/wsClient.js";
import type { Target } from "./targets.js";
import type { ClientSpec } from "./workerMessages.js";

/**
 * The load is many cards a second from each simulated phone, all from one address: far beyond a
 * person's quotas, which the bench lifts (they are still checked on every card and hello).
 */
export const BENCH_QUOTAS = {
  cardsPerMinute: 100_000,
  cardsPerParticipant: 20_000,
  newParticipantsPerMinute: 100_000,
} as const;

export interface PreparedWorkshop {
  workshopId: string;
  facilitatorKey: string;
  themeIds: string[];
}

/** Creates `count` workshops in the brainstorm phase with `themes` columns each. */
export async function prepareWorkshops(target: Target, count: number, themes: number): Promise<PreparedWorkshop[]> {
  if (target.kind === "relay") {
    // The relay has one room, no state and no permissions: any ids do.
    return Array.from({ length: count }, (_, at) => ({
      workshopId: `relay-${at}`,
      facilitatorKey: "",
      themeIds: Array.from({ length: themes }, (_, theme) => `theme-${theme}`),
    }));
  }
  const session = await signUp(target.baseUrl);
  const prepared: PreparedWorkshop[] = [];
  for (let at = 0; at < count; at++) {
    const created = await createWorkshop(target.baseUrl, session, `Load test ${at + 1}`);
    const facilitator = await connectClient({
      wsUrl: target.wsUrl,
      workshopId: created.id,
      role: "facilitator",
      facilitatorKey: created.facilitatorKey,
    });
    await facilitator.expectAck("setup-phase", { type: "setPhase", phase: "brainstorm" });
    await facilitator.expectAck("setup-settings", {
      type: "updateSettings",
      patch: { participantsMayMoveCards: true, ...BENCH_QUOTAS },
    });
    const themeIds = Array.from({ length: themes }, (_, theme) => `theme-${theme}`);
    for (const [theme, themeId] of themeIds.entries()) {
      await facilitator.expectAck(`setup-${themeId}`, { type: "createTheme", themeId, name: `Column ${theme + 1}` });
    }
    await facilitator.close();
    prepared.push({ workshopId: created.id, facilitatorKey: created.facilitatorKey, themeIds });
  }
  return prepared;
}

/**
 * A room's load clients: the facilitator first (so that it lands in the first load process, which
 * sends the moves), then `participants` phones that join with a name.
 */
export function roomClients({ workshopId, facilitatorKey }: PreparedWorkshop, participants: number): ClientSpec[] {
  return [
    { participantId: "bench-facilitator", role: "facilitator", facilitatorKey, workshopId },
    ...Array.from({ length: participants }, (_, at) => ({
      participantId: `phone-${at}`,
      role: "participant" as const,
      name: `Person ${at + 1}`,
      workshopId,
    })),
  ];
}
