import type { DomainEvent } from "./events.js";
import { SEALED, type SealedEvent } from "./hiddenVotes.js";

/**
 * A campaign's links are the facilitators': the other workshops' ids. A phone connects to a
 * workshop with its id alone (the join code only tells a phone the id), so a participant told the
 * follow-up's id, or the earlier workshop's, could walk into a session whose code they never had.
 */

/** True when a participant must be sent the event without its campaign links. */
export function namesCampaign(event: DomainEvent): boolean {
  return (
    event.type === "followUpStarted" || (event.type === "workshopCreated" && event.workshop.campaign !== undefined)
  );
}

/** The event as a participant sees it: a follow-up sealed (something happened), a new workshop without its links. */
export function eventWithoutCampaign(event: DomainEvent): DomainEvent | SealedEvent {
  if (event.type === "followUpStarted") return SEALED;
  if (event.type === "workshopCreated") return { ...event, workshop: stateWithoutCampaign(event.workshop) };
  return event;
}

/** The board without its campaign links. */
export function stateWithoutCampaign<S extends { campaign?: unknown }>(state: S): S {
  if (state.campaign === undefined) return state;
  const { campaign: _links, ...rest } = state;
  return rest as S;
}
