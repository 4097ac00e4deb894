import { randomBytes } from "node:crypto";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { personalVoteBody, sharedVoteBody } from "../../core/index.js";
import { type RateLimitStore, rateLimitStoreOptions } from "../edge/rateLimits.js";
import { JOIN_LOOKUPS_PER_MINUTE } from "../routes/join.js";
import { jsonSchema, parse } from "../routes/schemas.js";
import type { BallotService } from "./ballotService.js";
import { newVoterAdmission } from "./newVoterAdmission.js";

export interface VoterRoutesOptions {
  ballots: BallotService;
  /** Requests per address and minute; a venue's voters may share one address, as phones joining do. */
  requestsPerMinute?: number;
  /** New voters one network address may add to one ballot through its shareable link in an hour. */
  newSharedVotersPerHour?: number;
  rateLimits?: RateLimitStore;
  secureCookies: boolean;
}

const tokenParams = z.object({ token: z.string().min(1).max(100) });
/** The shareable link keeps one vote per browser with this cookie: a random id, stored only hashed. */
export const DEVICE_COOKIE = "concord_ballot_device";
const DEVICE = /^[A-Za-z0-9_-]{32}$/;

/**
 * The voter's side: read the ballot and put a vote, by personal token or by the shareable link.
 * Nothing here needs an account; the token is the voter's key, so the routes are rate-limited
 * like the join-code lookups (guessing a 192-bit token is hopeless; flooding is what is limited).
 */
export async function voterRoutes(app: FastifyInstance, options: VoterRoutesOptions) {
  const { ballots } = options;
  await app.register(rateLimit, { global: false, ...rateLimitStoreOptions(options.rateLimits) });
  const config = {
    rateLimit: { max: options.requestsPerMinute ?? JOIN_LOOKUPS_PER_MINUTE, timeWindow: "1 minute" },
  };
  const tags = ["voting"];
  const admitNewVoter = newVoterAdmission(
    app,
    (request) => parse(tokenParams, request.params).token,
    options.newSharedVotersPerHour,
  );

  /** This browser's device id, set now if it has none. */
  const device = (request: FastifyRequest, reply: FastifyReply): string => {
    const existing = request.cookies[DEVICE_COOKIE];
    if (existing && DEVICE.test(existing)) return existing;
    const id = randomBytes(24).toString("base64url");
    reply.setCookie(DEVICE_COOKIE, id, {
      path: "/api/vote/share",
      httpOnly: true,
      sameSite: "lax",
      secure: options.secureCookies,
      maxAge: 60 * 60 * 24 * 365,
    });
    return id;
  };

  app.get(
    "/api/vote/:token",
    { config, schema: { tags, summary: "The ballot of a personal link, with the vote already cast" } },
    async (request) => ballots.personalBallot(parse(tokenParams, request.params).token),
  );

  app.put(
    "/api/vote/:token",
    {
      config,
      schema: {
        tags,
        summary: "Vote, or change the vote, through a personal link",
        body: jsonSchema(personalVoteBody),
      },
    },
    async (request) => {
      const { token } = parse(tokenParams, request.params);
      return ballots.personalVote(token, parse(personalVoteBody, request.body).vote);
    },
  );

  app.get(
    "/api/vote/share/:token",
    { config, schema: { tags, summary: "The ballot of the shareable link, with this device's vote" } },
    async (request, reply) => ballots.sharedBallot(parse(tokenParams, request.params).token, device(request, reply)),
  );

  app.put(
    "/api/vote/share/:token",
    {
      config,
      schema: {
        tags,
        summary: "Vote through the shareable link: one vote per device",
        body: jsonSchema(sharedVoteBody),
      },
    },
    async (request, reply) => {
      const { token } = parse(tokenParams, request.params);
      const { vote, group } = parse(sharedVoteBody, request.body);
      return ballots.sharedVote(token, device(request, reply), group, vote, admitNewVoter(request));
    },
  );
}
