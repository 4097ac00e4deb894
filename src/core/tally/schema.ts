import { z } from "zod";
import { idSchema } from "../interchange/schema.js";
import { LIMITS } from "../limits.js";

export const BALLOTS_FORMAT = "ballots/v1";

/** The ways a ballot is counted: dots, a ranking by Borda or by instant run-off, or 1–5 ratings. */
export const TALLY_METHODS = ["dots", "borda", "irv", "rating"] as const;
export type TallyMethod = (typeof TALLY_METHODS)[number];

/** One thing voted on, usually a theme. */
export const tallyOptionSchema = z.object({ id: idSchema, name: z.string().max(LIMITS.shortText) }).strict();
export type TallyOption = z.infer<typeof tallyOptionSchema>;

// Ids inside a ballot are taken as written (no trim): one that is not exactly an option's id is refused.
const optionRef = z.string();

const voterFields = {
  voter: idSchema,
  group: z.string().trim().min(1).max(LIMITS.shortText),
};

/** Options from most to least wanted; those left out are not ranked (`borda`, `irv`). */
export const rankingBallotSchema = z
  .object({ ...voterFields, ranking: z.array(optionRef).max(LIMITS.themesPerWorkshop) })
  .strict();
/** Whole dots per option, none on an option left out (`dots`). */
export const dotsBallotSchema = z
  .object({
    ...voterFields,
    dots: z.record(optionRef, z.number().int().min(0)),
  })
  .strict();
/** A rating from 1 to 5 per option, none for an option left out (`rating`). */
export const ratingBallotSchema = z
  .object({
    ...voterFields,
    ratings: z.record(optionRef, z.number().int().min(1).max(5)),
  })
  .strict();

export type RankingBallot = z.infer<typeof rankingBallotSchema>;
export type DotsBallot = z.infer<typeof dotsBallotSchema>;
export type RatingBallot = z.infer<typeof ratingBallotSchema>;

const documentFields = {
  format: z.literal(BALLOTS_FORMAT, { error: `must be "${BALLOTS_FORMAT}"` }),
  options: z.array(tallyOptionSchema).min(1).max(LIMITS.themesPerWorkshop),
};

/**
 * A `ballots/v1` file: the method decides the one kind of ballot it holds. Ids that refer to
 * options are checked against them afterwards (`validateBallotsDocument`), so that each bad one
 * is named by its own path.
 */
export const ballotsDocumentSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ ...documentFields, method: z.literal("dots"), ballots: z.array(dotsBallotSchema) }).strict(),
    z.object({ ...documentFields, method: z.enum(["borda", "irv"]), ballots: z.array(rankingBallotSchema) }).strict(),
    z.object({ ...documentFields, method: z.literal("rating"), ballots: z.array(ratingBallotSchema) }).strict(),
  ],
  { error: `must be one of ${TALLY_METHODS.join(", ")}` },
);
export type BallotsDocument = z.infer<typeof ballotsDocumentSchema>;
