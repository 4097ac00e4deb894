import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  type CampaignPlaceFound,
  type CampaignStep,
  type CampaignSummary,
  campaignSummarySchema,
  campaignThemes,
  type WorkshopState,
  walkCampaign,
  workshopParams,
} from "../../core/index.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import type { BallotService } from "../ballots/ballotService.js";
import type { WorkshopService } from "../workshopService.js";
import { jsonSchema, parse, responds } from "./schemas.js";

export interface CampaignRoutesOptions {
  service: WorkshopService;
  ballots: BallotService;
  auth: FacilitatorAuth;
}

/**
 * `GET /api/workshops/:id/campaign`: the campaign summary — its workshops in order, each one's
 * themes and ballots' results — for a facilitator of `:id`. Each other workshop is read only if
 * the same request may facilitate it too; the others are named by their links alone.
 */
export async function campaignRoutes(app: FastifyInstance, { service, ballots, auth }: CampaignRoutesOptions) {
  app.get(
    "/api/workshops/:id/campaign",
    {
      schema: {
        tags: ["workshops"],
        summary:
          "The workshop's campaign: its workshops in order, how each started, their themes and ballots' results (those the asker facilitates)",
        params: jsonSchema(workshopParams),
        response: responds(campaignSummarySchema),
      },
    },
    async (request): Promise<CampaignSummary> => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      const places = await walkCampaign((await service.get(id)).state, (other) => readable(request, other));
      return { workshopId: id, steps: await Promise.all(places.map(step)) };
    },
  );

  /** Another workshop's state when this request facilitates it. */
  const readable = async (request: FastifyRequest, workshopId: string): Promise<WorkshopState | undefined> =>
    (await auth.canFacilitate(request, workshopId)) ? (await service.get(workshopId)).state : undefined;

  const step = async ({ workshopId, title, startedFrom, state }: CampaignPlaceFound): Promise<CampaignStep> => {
    const base = { workshopId, title, ...(startedFrom ? { startedFrom } : {}) };
    if (!state) return { ...base, shared: false };
    return {
      ...base,
      shared: true,
      phase: state.phase,
      themes: campaignThemes(state),
      ballots: await ballots.withResults(workshopId),
    };
  };
}
