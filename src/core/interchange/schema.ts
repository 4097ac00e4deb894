import { z } from "zod";
import { LIMITS } from "../limits.js";
import { quotaSettingsSchema } from "../quotas.js";

export const WORKSHOP_FORMAT = "workshop/v1";

// "__proto__" and "constructor" are the ids the cards' map leaves out of its JSON (immutable's
// toJSON skips them), so a snapshot or the wire would lose such a card: refused.
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.id)
  .refine((value) => value !== "__proto__" && value !== "constructor", "this id is reserved");
const id = idSchema;
const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);
const isoDate = z.iso.date({ error: "must be an ISO date (YYYY-MM-DD)" });

/** Dots one voter put on one theme (`proxy`: recorded by the facilitator for someone without a device). */
export const voteSchema = z
  .object({
    themeId: id,
    voterId: id,
    count: z.number().int().min(1).max(10_000),
    proxy: z.boolean().optional(),
  })
  .strict();

/** A logo is embedded data, never a URL: at most 1 MB once decoded. */
const LOGO_MAX_BASE64 = Math.ceil((1024 * 1024) / 3) * 4;
/** The first bytes of each allowed image type, in base64, so a mislabelled file is refused here. */
const LOGO_SIGNATURE = { "image/png": "iVBORw0KGgo", "image/jpeg": "/9j/" } as const;

/** An organization's branding: the report's accent colour and an optional logo. */
export const brandingSchema = z
  .object({
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like "#1F6F8B"' }),
    logo: z
      .object({
        mediaType: z.enum(["image/png", "image/jpeg"], { error: 'must be "image/png" or "image/jpeg"' }),
        dataBase64: z.base64({ error: "must be base64" }).max(LOGO_MAX_BASE64, { error: "must be at most 1 MB" }),
      })
      .strict()
      .refine((logo) => logo.dataBase64.startsWith(LOGO_SIGNATURE[logo.mediaType]), {
        error: "is not an image of its media type",
        path: ["dataBase64"],
      })
      .optional(),
  })
  .strict();

const cardSchema = z
  .object({
    id,
    text: z.string().trim().min(1).max(LIMITS.cardText),
    author: shortText.optional(),
    group: shortText.optional(),
  })
  .strict();

const themeSchema = z
  .object({
    id,
    name: shortText,
    keyPoints: z.array(z.string().max(LIMITS.shortText)).max(LIMITS.keyPoints),
    headline: longText,
    narrative: longText,
    cards: z.array(cardSchema).max(LIMITS.cardsPerWorkshop),
  })
  .strict();

/**
 * How the workshop shows its people, kept with its content because a copy must stay as private as
 * the original: names on cards or not, and the smallest group results by group may show. Absent
 * when every one is at its default.
 */
export const privacySchema = z
  .object({
    anonymousCards: z.boolean().optional(),
    showAuthors: z.boolean().optional(),
    minVotersPerGroup: z.number().int().min(1).max(100).optional(),
    breakdownsOnProjector: z.boolean().optional(),
  })
  .strict();

/**
 * `workshop/v1`, the interchange format: the content of a session, not its live runtime
 * (phase, settings, who is connected). Unknown fields are refused at every level, the top one
 * too: they catch typos, and what is not understood is never stored, then sent to every phone.
 */
export const workshopDocumentSchema = z
  .object({
    format: z.literal(WORKSHOP_FORMAT, { error: `must be "${WORKSHOP_FORMAT}"` }),
    title: z.string().trim().min(1).max(LIMITS.shortText),
    organization: shortText,
    preparedFor: shortText,
    preparedBy: shortText,
    event: shortText,
    heldOn: isoDate,
    reportDate: isoDate,
    language: z.enum(["en", "fr"], { error: 'must be "en" or "fr"' }),
    branding: brandingSchema.optional(),
    facilitators: z.array(z.object({ name: shortText, organization: shortText }).strict()).max(LIMITS.listItems),
    participantGroups: z.array(shortText).max(LIMITS.listItems),
    overview: longText,
    goal: longText,
    focusQuestion: longText,
    method: longText,
    rationalAim: longText.optional(),
    experientialAim: longText.optional(),
    themes: z.array(themeSchema).max(LIMITS.themesPerWorkshop),
    unclusteredCards: z.array(cardSchema).max(LIMITS.cardsPerWorkshop),
    footnotes: z
      .array(z.object({ mark: z.string().trim().min(1).max(10), text: shortText }).strict())
      .max(LIMITS.listItems),
    reflections: longText,
    nextSteps: longText,
    source: longText.optional(),
    votes: z.array(voteSchema).max(LIMITS.cardsPerWorkshop).optional(),
    privacy: privacySchema.optional(),
    /** The participant quotas the facilitator set, when they differ from the defaults. */
    quotas: quotaSettingsSchema.partial().optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const themeOfCard = new Map<string, string | null>();
    const seenThemes = new Set<string>();
    doc.themes.forEach((theme, t) => {
      if (seenThemes.has(theme.id))
        ctx.addIssue({ code: "custom", path: ["themes", t, "id"], message: `duplicate theme id "${theme.id}"` });
      seenThemes.add(theme.id);
      theme.cards.forEach((card, c) => {
        const other = themeOfCard.get(card.id);
        if (other !== undefined) {
          const message =
            other !== null && other !== theme.id
              ? `card "${card.id}" is in two themes ("${other}" and "${theme.id}")`
              : `duplicate card id "${card.id}"`;
          ctx.addIssue({ code: "custom", path: ["themes", t, "cards", c, "id"], message });
        }
        themeOfCard.set(card.id, theme.id);
      });
    });
    doc.unclusteredCards.forEach((card, c) => {
      const other = themeOfCard.get(card.id);
      if (other !== undefined) {
        const where = other === null ? "" : ` (already in theme "${other}")`;
        ctx.addIssue({
          code: "custom",
          path: ["unclusteredCards", c, "id"],
          message: `duplicate card id "${card.id}"${where}`,
        });
      }
      themeOfCard.set(card.id, null);
    });
    if (themeOfCard.size > LIMITS.cardsPerWorkshop) {
      ctx.addIssue({
        code: "custom",
        path: ["themes"],
        message: `at most ${LIMITS.cardsPerWorkshop} cards in a workshop`,
      });
    }
    const marks = new Set<string>();
    doc.footnotes.forEach((footnote, f) => {
      if (marks.has(footnote.mark))
        ctx.addIssue({
          code: "custom",
          path: ["footnotes", f, "mark"],
          message: `duplicate footnote mark "${footnote.mark}"`,
        });
      marks.add(footnote.mark);
    });
    doc.votes?.forEach((vote, v) => {
      if (!seenThemes.has(vote.themeId))
        ctx.addIssue({ code: "custom", path: ["votes", v, "themeId"], message: `unknown theme "${vote.themeId}"` });
    });
  });

/** A valid `workshop/v1` document. */
export type WorkshopDocument = z.infer<typeof workshopDocumentSchema>;
