import { useEffect, useState } from "react";
import { facilitatorKey, participantId } from "./identity.js";
import { LiveClient, type LiveSnapshot } from "./liveClient.js";

export interface LiveWorkshopOptions {
  /**
   * Always join as a participant, even on a device that holds this workshop's facilitator key
   * (the join link opened on the facilitator's own phone must behave like everyone else's).
   */
  asParticipant?: boolean;
}

/**
 * Connects to a workshop for as long as the component is mounted: as its facilitator (console,
 * projector) unless `asParticipant`.
 */
export function useLiveWorkshop(
  workshopId: string,
  options: LiveWorkshopOptions = {},
): {
  client: LiveClient | undefined;
  live: LiveSnapshot | undefined;
} {
  const { asParticipant = false } = options;
  const [client, setClient] = useState<LiveClient>();
  const [live, setLive] = useState<LiveSnapshot>();
  useEffect(() => {
    const key = asParticipant ? undefined : facilitatorKey(workshopId);
    const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
    const next = new LiveClient({
      // The workshop in the URL lets a load balancer send all of its sockets to one process (deploy/nginx.conf).
      url: `${protocol}//${window.location.host}/ws?workshop=${encodeURIComponent(workshopId)}`,
      workshopId,
      // Facilitators prove their role with a session cookie (sent with the upgrade) or a key.
      role: asParticipant ? "participant" : "facilitator",
      participantId: participantId(),
      ...(key ? { facilitatorKey: key } : {}),
    });
    setClient(next);
    setLive(next.current);
    const unsubscribe = next.subscribe(setLive);
    return () => {
      unsubscribe();
      next.close();
    };
  }, [workshopId, asParticipant]);
  return { client, live };
}
