import { z } from "zod";
import type { BallotResults } from "../ballots/api.js";
import type { CampaignSummary } from "../campaignSummary.js";
import { PHASES } from "../phases.js";
import { TALLY_METHODS } from "../tally/schema.js";

const linkSchema = z.object({
  workshopId: z.string(),
  title: z.string(),
  start: z.enum(["cards", "columns"]).optional(),
});

/**
 * A ballot's results are checked as an object only: their shape is the counting module's
 * (`BallotResults`), served by the ballots' own routes too.
 */
const ballotSchema = z.object({
  id: z.string(),
  method: z.enum(TALLY_METHODS),
  status: z.enum(["open", "closed"]),
  createdAt: z.string(),
  closesAt: z.string().nullable(),
  results: z.custom<BallotResults>((value) => typeof value === "object" && value !== null),
});

const stepBase = { workshopId: z.string(), title: z.string(), startedFrom: linkSchema.optional() };

/** `GET /api/workshops/:id/campaign`: the campaign summary page's data. */
export const campaignSummarySchema = z.object({
  workshopId: z.string(),
  steps: z.array(
    z.discriminatedUnion("shared", [
      z.object({
        ...stepBase,
        shared: z.literal(true),
        phase: z.enum(PHASES),
        themes: z.array(z.object({ id: z.string(), name: z.string() })),
        ballots: z.array(ballotSchema),
      }),
      z.object({ ...stepBase, shared: z.literal(false) }),
    ]),
  ),
}) satisfies z.ZodType<CampaignSummary>;
