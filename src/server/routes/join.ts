import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { WorkshopService } from "../workshopService.js";
import { jsonSchema, parse } from "./schemas.js";

const joinParams = z.object({ code: z.string().trim().min(1).max(20) });

/** What a participant's phone needs before joining: never the facilitator's secrets. */
export async function joinRoutes(app: FastifyInstance, options: { service: WorkshopService }) {
  const { service } = options;
  app.get(
    "/api/join/:code",
    { schema: { tags: ["join"], summary: "Find the workshop a join code opens", params: jsonSchema(joinParams) } },
    async (request) => {
      const { code } = parse(joinParams, request.params);
      const workshopId = await service.findByJoinCode(code);
      if (!workshopId) throw new AppError("not_found", "No workshop has this code");
      const { state } = await service.get(workshopId);
      return {
        workshopId,
        title: state.context.title,
        language: state.context.language,
        anonymousCards: state.settings.anonymousCards,
        useTables: state.settings.useTables,
        tables: state.tables,
        participantGroups: state.context.participantGroups,
        focusQuestion: state.context.focusQuestion,
      };
    },
  );
}
