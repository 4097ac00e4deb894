import { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

/**
 * The shareable link's device cookie costs a script nothing (it sends none, or makes one up), so
 * the first vote of each new device is counted per network address (an IPv6 /64 as one) and
 * ballot. Enough for a room on one venue's Wi-Fi voting together; a script is held to it, and
 * stuffing then needs as many networks as the ballots it adds.
 */
export const NEW_SHARED_VOTERS_PER_HOUR = 200;

/**
 * For each shareable-link vote request, the admission `BallotService.sharedVote` asks before a new
 * device's first vote is stored: it throws a 429 once this address has added its share of voters
 * to this ballot in the hour. Needs @fastify/rate-limit registered on `app`.
 */
export function newVoterAdmission(
  app: FastifyInstance,
  shareToken: (request: FastifyRequest) => string,
  perHour = NEW_SHARED_VOTERS_PER_HOUR,
): (request: FastifyRequest) => () => Promise<void> {
  const newVoters = app.createRateLimit({
    max: perHour,
    timeWindow: "1 hour",
    keyGenerator: (request) => `new-shared-voter:${shareToken(request)}:${normalizeIP(request.ip)}`,
  });
  return (request) => async () => {
    const limit = await newVoters(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    throw new AppError(
      "busy",
      "Too many new ballots from this network in the last hour: try again later, or ask the facilitator for a personal link",
      undefined,
      undefined,
      limit.ttlInSeconds,
    );
  };
}
