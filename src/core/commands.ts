import { z } from "zod";
import { brandingSchema, idSchema, voteSchema } from "./interchange/schema.js";
import { LIMITS } from "./limits.js";
import { PHASES } from "./phases.js";
import { quotaSettingsSchema } from "./quotas.js";

const id = idSchema;
const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);
const cardText = z.string().trim().min(1).max(LIMITS.cardText);
const index = z.number().int().min(0);
const isoDate = z.iso.date();

/** Fields of the context a facilitator may change; every one is optional in a patch. */
export const contextPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.shortText),
    organization: shortText,
    preparedFor: shortText,
    preparedBy: shortText,
    event: shortText,
    heldOn: isoDate,
    reportDate: isoDate,
    language: z.enum(["en", "fr"]),
    facilitators: z.array(z.object({ name: shortText, organization: shortText })).max(LIMITS.listItems),
    participantGroups: z.array(z.string().trim().min(1).max(LIMITS.shortText)).max(LIMITS.listItems),
    overview: longText,
    goal: longText,
    focusQuestion: longText,
    method: longText,
    reflections: longText,
    nextSteps: longText,
    source: longText,
    rationalAim: longText,
    experientialAim: longText,
    branding: brandingSchema,
  })
  .partial()
  .strict();

export const settingsPatchSchema = z
  .object({
    anonymousCards: z.boolean(),
    participantsMayMoveCards: z.boolean(),
    cardMaxLength: z.number().int().min(10).max(LIMITS.cardText),
    voteBudget: z.number().int().min(1).max(100),
    votesPerThemeCap: z.number().int().min(1).max(100),
    brainstormMode: z.enum(["open", "rounds"]),
    useTables: z.boolean(),
    minVotersPerGroup: z.number().int().min(1).max(100),
    breakdownsOnProjector: z.boolean(),
    showAuthors: z.boolean(),
    ...quotaSettingsSchema.shape,
  })
  .partial()
  .strict();

/**
 * Every way to change a workshop. Commands are data: a `type` in verb-noun form and a payload.
 * Ids of new things are chosen by the client, so that a command retried after a dropped
 * connection names the same card and takes effect once.
 */
export const commandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("updateContext"), patch: contextPatchSchema }).strict(),
  z.object({ type: z.literal("updateSettings"), patch: settingsPatchSchema }).strict(),
  z.object({ type: z.literal("setPhase"), phase: z.enum(PHASES) }).strict(),
  /** The line the room sees for a phase ("Write 3–5 cards, one idea each"); "" gives the default back. */
  z
    .object({
      type: z.literal("setInstruction"),
      phase: z.enum(PHASES),
      text: z.string().trim().max(LIMITS.instruction),
    })
    .strict(),
  z
    .object({
      type: z.literal("joinWorkshop"),
      name: z.string().trim().max(80),
      group: z.string().trim().max(LIMITS.shortText).optional(),
      tableId: id.optional(),
    })
    .strict(),
  z.object({ type: z.literal("addTable"), tableId: id, name: z.string().trim().min(1).max(80) }).strict(),
  z.object({ type: z.literal("removeTable"), tableId: id }).strict(),
  z
    .object({
      type: z.literal("startRound"),
      roundId: id,
      prompt: z.string().trim().max(LIMITS.shortText),
      perTable: z.number().int().min(1).max(50).nullable(),
    })
    .strict(),
  z.object({ type: z.literal("revealRound"), roundId: id }).strict(),
  z.object({ type: z.literal("submitTableCards"), tableId: id, cardIds: z.array(id).max(50) }).strict(),
  z
    .object({
      type: z.literal("startTimer"),
      durationSeconds: z
        .number()
        .int()
        .min(1)
        .max(24 * 3600),
    })
    .strict(),
  z.object({ type: z.literal("stopTimer") }).strict(),
  z.object({ type: z.literal("addCard"), cardId: id, text: cardText, themeId: id.optional() }).strict(),
  z.object({ type: z.literal("editCard"), cardId: id, text: cardText }).strict(),
  z.object({ type: z.literal("removeCard"), cardId: id }).strict(),
  z
    .object({
      type: z.literal("restoreCard"),
      // Everything a removed card had, so that undo gives it back to its author and its round.
      card: z
        .object({
          id,
          text: cardText,
          author: shortText.optional(),
          group: shortText.optional(),
          authorId: id.optional(),
          roundId: id.optional(),
          tableId: id.optional(),
          stage: z.enum(["candidate", "submitted"]).optional(),
        })
        .strict(),
      toThemeId: id.nullable(),
      toIndex: index,
    })
    .strict(),
  z.object({ type: z.literal("mergeCards"), sourceCardId: id, targetCardId: id }).strict(),
  z
    .object({
      type: z.literal("moveCard"),
      cardId: id,
      toThemeId: id.nullable(),
      toIndex: index,
    })
    .strict(),
  z
    .object({
      type: z.literal("createTheme"),
      themeId: id,
      name: shortText.optional(),
      index: index.optional(),
      /** Cards to gather into the new column, in order: one step for everyone, and for undo. */
      cardIds: z.array(id).max(LIMITS.cardsPerWorkshop).optional(),
    })
    .strict(),
  z.object({ type: z.literal("deleteTheme"), themeId: id }).strict(),
  z.object({ type: z.literal("moveTheme"), themeId: id, toIndex: index }).strict(),
  z.object({ type: z.literal("mergeThemes"), sourceThemeId: id, targetThemeId: id }).strict(),
  z.object({ type: z.literal("nameTheme"), themeId: id, name: shortText }).strict(),
  z
    .object({
      type: z.literal("setKeyPoints"),
      themeId: id,
      keyPoints: z.array(z.string().trim().min(1).max(LIMITS.shortText)).max(LIMITS.keyPoints),
    })
    .strict(),
  // `base` is the text the writer started from: with it, concurrent edits merge instead of
  // the last one silently winning.
  z.object({ type: z.literal("setHeadline"), themeId: id, headline: longText, base: longText.optional() }).strict(),
  z.object({ type: z.literal("setNarrative"), themeId: id, narrative: longText, base: longText.optional() }).strict(),
  z
    .object({
      type: z.literal("setFootnote"),
      mark: z.string().trim().min(1).max(10),
      text: z.string().trim().min(1).max(LIMITS.shortText),
    })
    .strict(),
  z.object({ type: z.literal("removeFootnote"), mark: z.string().min(1).max(10) }).strict(),
  z.object({ type: z.literal("castVote"), themeId: id, count: z.number().int().min(0).max(100) }).strict(),
  z
    .object({
      type: z.literal("recordVotes"),
      /** Who raised their hands, e.g. "Show of hands, back tables". */
      voterLabel: z.string().trim().min(1).max(120),
      themeId: id,
      count: z.number().int().min(0).max(10_000),
    })
    .strict(),
  z.object({ type: z.literal("openVoting") }).strict(),
  z.object({ type: z.literal("closeVoting") }).strict(),
  z.object({ type: z.literal("revealResults"), revealed: z.boolean() }).strict(),
  z
    .object({
      type: z.literal("proposeName"),
      proposalId: id,
      themeId: id,
      text: z.string().trim().min(1).max(LIMITS.shortText),
    })
    .strict(),
  z.object({ type: z.literal("withdrawNameProposal"), proposalId: id }).strict(),
  /** Puts a column on screen for naming: the one phones propose names for; null takes it down. */
  z.object({ type: z.literal("spotlightTheme"), themeId: id.nullable() }).strict(),
  /** Invites a participant to co-write headlines and narratives (or takes the invitation back). */
  z.object({ type: z.literal("setWriter"), participantId: id, writer: z.boolean() }).strict(),
  z.object({ type: z.literal("undo") }).strict(),
  z
    .object({
      type: z.literal("restoreTheme"),
      theme: z
        .object({
          id,
          name: shortText,
          keyPoints: z.array(z.string().max(LIMITS.shortText)).max(LIMITS.keyPoints),
          headline: longText,
          narrative: longText,
          cardIds: z.array(id).max(LIMITS.cardsPerWorkshop),
          symbol: z.number().int().min(0).max(1000).optional(),
        })
        .strict(),
      index,
      votes: z.array(voteSchema).max(LIMITS.cardsPerWorkshop),
    })
    .strict(),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type ContextPatch = z.infer<typeof contextPatchSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
