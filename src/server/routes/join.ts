import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { type JoinInfo, joinInfoSchema, joinParams, privacySettings } from "../../core/index.js";
import { type RateLimitStore, rateLimitStoreOptions } from "../edge/rateLimits.js";
import { AppError } from "../errors.js";
import type { WorkshopService } from "../workshopService.js";
import { jsonSchema, parse, responds } from "./schemas.js";

/**
 * Join-code lookups per address and minute. A conference room's phones often share one public
 * address (the venue's Wi-Fi), and a phone looks its code up twice (the code page, then the join
 * page), so the limit is far above a 2,000-person room. It makes guessing slow, not impossible:
 * with W workshops stored, one address finds some workshop's code in about 31^6 / (6,000 × W)
 * minutes (a day at W = 100), and a join code only lets one in as a participant.
 */
export const JOIN_LOOKUPS_PER_MINUTE = 6000;

export interface JoinRoutesOptions {
  service: Pick<WorkshopService, "findByJoinCode" | "get">;
  lookupsPerMinute?: number;
  /** Shared counts when several processes run (REDIS_URL); this process's memory otherwise. */
  rateLimits?: RateLimitStore;
}

/** What a participant's phone needs before joining: never the facilitator's secrets. */
export async function joinRoutes(app: FastifyInstance, options: JoinRoutesOptions) {
  const { service } = options;
  await app.register(rateLimit, { global: false, ...rateLimitStoreOptions(options.rateLimits) });
  app.get(
    "/api/join/:code",
    {
      config: { rateLimit: { max: options.lookupsPerMinute ?? JOIN_LOOKUPS_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags: ["join"],
        summary: "Find the workshop a join code opens",
        params: jsonSchema(joinParams),
        response: responds(joinInfoSchema),
      },
    },
    async (request): Promise<JoinInfo> => {
      const { code } = parse(joinParams, request.params);
      const workshopId = await service.findByJoinCode(code);
      if (!workshopId) throw new AppError("not_found", "No workshop has this code");
      const { state } = await service.get(workshopId);
      return {
        workshopId,
        title: state.context.title,
        language: state.context.language,
        anonymousCards: state.settings.anonymousCards,
        showAuthors: privacySettings(state.settings).showAuthors,
        useTables: state.settings.useTables,
        tables: state.tables,
        participantGroups: state.context.participantGroups,
        focusQuestion: state.context.focusQuestion,
      };
    },
  );
}
