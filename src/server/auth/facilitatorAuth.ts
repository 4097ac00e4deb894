import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.js";
import { isFacilitatorKey } from "../facilitatorKeys.js";
import type { EventStore } from "../store/eventStore.js";

/**
 * Refuses a REST request unless it comes from the workshop's facilitator. Every route that
 * changes or publishes a workshop calls this one function, so the way a facilitator proves who
 * they are (a workshop key today, an account session later) changes in one place.
 */
export async function assertFacilitator(store: EventStore, request: FastifyRequest, workshopId: string): Promise<void> {
  const key = request.headers["x-facilitator-key"];
  if (typeof key === "string" && (await isFacilitatorKey(store, workshopId, key))) return;
  throw new AppError("forbidden", "Only the workshop's facilitator may do this");
}
