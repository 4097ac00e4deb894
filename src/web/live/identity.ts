import { newId } from "../newId.js";

const PARTICIPANT_KEY = "concord.participantId";
const facilitatorKeyName = (workshopId: string) => `concord.facilitatorKey.${workshopId}`;

/** This device's participant id: stable across reloads so a reconnect is the same person. */
export function participantId(): string {
  let id = localStorage.getItem(PARTICIPANT_KEY);
  if (!id) {
    id = newId();
    localStorage.setItem(PARTICIPANT_KEY, id);
  }
  return id;
}

/**
 * The facilitator key for a workshop, taken from a `#key=…` link once (the fragment never
 * reaches the server's logs) and then remembered on this device.
 */
export function facilitatorKey(workshopId: string): string | undefined {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get("key");
  if (fromLink) {
    rememberFacilitatorKey(workshopId, fromLink);
    history.replaceState(null, "", window.location.pathname);
  }
  return localStorage.getItem(facilitatorKeyName(workshopId)) ?? undefined;
}

/**
 * Remembers the key of a `/w/:id…#key=…` link as the app starts, before any page renders: a
 * projector opened on this device a moment later finds it.
 */
export function rememberKeyFromLink(): void {
  const workshopId = /^\/w\/([^/]+)/.exec(window.location.pathname)?.[1];
  if (workshopId) facilitatorKey(decodeURIComponent(workshopId));
}

export function rememberFacilitatorKey(workshopId: string, key: string): void {
  localStorage.setItem(facilitatorKeyName(workshopId), key);
}
