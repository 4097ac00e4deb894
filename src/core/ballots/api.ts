import { z } from "zod";
import { LIMITS } from "../limits.js";
import type { IrvRound, OptionResult } from "../tally/results.js";
import { TALLY_METHODS, type TallyMethod, type TallyOption } from "../tally/schema.js";

// The REST contract of prioritization ballots: the server's routes parse requests with these
// schemas and answer these types, and the web app (src/web/api.ts, src/web/ballots/) sends and
// reads the same ones.

/** Dots: how many a voter has and how many may go on one theme. Other methods have no settings. */
export const ballotSettingsSchema = z
  .object({
    dotBudget: z.number().int().min(1).max(100).default(5),
    maxPerTheme: z.number().int().min(1).max(100).default(3),
  })
  .strict();
export type BallotSettings = z.infer<typeof ballotSettingsSchema>;

/** `POST /api/workshops/:id/ballots`: a ballot on the workshop's themes as they are now. */
export const openBallotBody = z
  .object({
    method: z.enum(TALLY_METHODS),
    settings: ballotSettingsSchema.default({ dotBudget: 5, maxPerTheme: 3 }),
    /** ISO-8601; votes after it are refused. */
    closesAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** `PATCH /api/ballots/:ballotId`: close or reopen, set or clear the closing time. */
export const changeBallotBody = z
  .object({
    status: z.enum(["open", "closed"]).optional(),
    closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();

const EMAIL = z.email();

/** One invitee as pasted or imported: a stakeholder group is required, the results are counted by it. */
export const inviteeInputSchema = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.shortText),
    // One address or none: a list or a line break would reach the mail's headers as more recipients.
    email: z
      .string()
      .trim()
      .max(LIMITS.shortText)
      .refine((email) => email === "" || EMAIL.safeParse(email).success, "Not an email address")
      .default(""),
    group: z.string().trim().min(1).max(LIMITS.shortText),
  })
  .strict();
export type InviteeInput = z.infer<typeof inviteeInputSchema>;

/** `POST /api/ballots/:ballotId/invitees`: CSV text with a header `name,email,group`. */
export const addInviteesBody = z.object({ csv: z.string().max(2_000_000) }).strict();

/** A voter's choice, in the shape of the method's `ballots/v1` ballot (without voter and group). */
export const ballotVoteSchema = z.union([
  z.object({ ranking: z.array(z.string().max(LIMITS.id)).max(LIMITS.themesPerWorkshop) }).strict(),
  z.object({ dots: z.record(z.string().max(LIMITS.id), z.number()) }).strict(),
  z.object({ ratings: z.record(z.string().max(LIMITS.id), z.number()) }).strict(),
]);
export type BallotVote = z.infer<typeof ballotVoteSchema>;

/** `PUT /api/vote/:token`. */
export const personalVoteBody = z.object({ vote: ballotVoteSchema }).strict();
/** `PUT /api/vote/share/:token`: the shareable link asks the voter's group. */
export const sharedVoteBody = z
  .object({ vote: ballotVoteSchema, group: z.string().trim().min(1).max(LIMITS.shortText) })
  .strict();

export type BallotStatus = "open" | "closed";

/**
 * How many were invited and voted, apart from the shareable link's votes: "6 voted of 6 invited"
 * must not count a stranger's vote against an invitee who has not voted.
 */
export interface TurnoutCounts {
  /** Invitees whose link still works. */
  invited: number;
  /** Of those, how many voted. */
  invitedVoted: number;
  /** Votes through the shareable link, one per device. */
  shared: number;
  /** Every ballot counted: the invitees', the shareable link's, and those cast before a link was revoked. */
  voted: number;
}

/** A ballot as its facilitators see it. */
export interface BallotSummary extends TurnoutCounts {
  id: string;
  workshopId: string;
  method: TallyMethod;
  settings: BallotSettings;
  options: TallyOption[];
  /** "closed" also once `closesAt` has passed. */
  status: BallotStatus;
  closesAt: string | null;
  createdAt: string;
  /** The link anyone may open (it asks their group). */
  shareUrl: string;
}

/** An invitee as the console lists them: never the token, which only its link carries. */
export interface InviteeView {
  id: string;
  name: string;
  email: string;
  group: string;
  revoked: boolean;
  voted: boolean;
}

/** An invitee just added, with the personal link shown this once (only its hash is kept). */
export interface IssuedInvitee extends InviteeView {
  link: string;
}

/** What a voter's page needs: never who else voted or how. */
export interface VoterBallot {
  title: string;
  language: "en" | "fr";
  method: TallyMethod;
  settings: BallotSettings;
  options: TallyOption[];
  status: BallotStatus;
  closesAt: string | null;
  /** The invitees' stakeholder groups, then the workshop's, offered on the shareable link (which asks for one). */
  groups: string[];
  /** The invitee's name on a personal link. */
  name?: string;
  /** The invitee's group, or the group this device voted in; absent when the page must ask. */
  group?: string;
  /** The vote already cast through this link or device, to edit it. */
  vote?: BallotVote;
}

/** One set of voters' count. */
export interface BallotCount {
  /** "" for the overall count. */
  group: string;
  ballots: number;
  results: OptionResult[];
  winner?: string;
  rounds?: IrvRound[];
}

/** `GET /api/ballots/:ballotId/results`. */
export interface BallotResults {
  method: TallyMethod;
  overall: BallotCount;
  /** Groups of at least `minVoters` voters, then "other" (`otherGroups` groups together) when there is one. */
  byGroup: BallotCount[];
  other?: BallotCount & { groups: number };
  minVoters: number;
  turnout: BallotTurnout;
}

/** Who voted, and when each first did. */
export interface BallotTurnout extends TurnoutCounts {
  /** Cumulative voters at each hour a first vote came in (ISO hour, UTC). */
  overTime: { at: string; voters: number }[];
}
