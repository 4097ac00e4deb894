import { useEffect, useState } from "react";
import { facilitatorKey, participantId } from "./identity.js";
import { LiveClient, type LiveSnapshot } from "./liveClient.js";

/** Connects to a workshop for as long as the component is mounted. */
export function useLiveWorkshop(workshopId: string): {
  client: LiveClient | undefined;
  live: LiveSnapshot | undefined;
} {
  const [client, setClient] = useState<LiveClient>();
  const [live, setLive] = useState<LiveSnapshot>();
  useEffect(() => {
    const key = facilitatorKey(workshopId);
    const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
    const next = new LiveClient({
      url: `${protocol}//${window.location.host}/ws`,
      workshopId,
      role: key ? "facilitator" : "participant",
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
  }, [workshopId]);
  return { client, live };
}
