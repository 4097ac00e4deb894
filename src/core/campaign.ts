import { z } from "zod";
import type { DomainEvent, WorkshopContent } from "./events.js";
import type { Card, Theme, WorkshopState } from "./model.js";
import { ok, type Result } from "./result.js";
import { blankContent } from "./workshop.js";

/**
 * Campaigns: a session is one step of a campaign (topic prioritization, then theme development,
 * then message testing), and the next step starts from the themes of the one before. Each
 * workshop keeps where it sits: the workshop it started from, and those started from it.
 */

/** Another workshop of the campaign, as this one names it: enough to show it and open it. */
export interface CampaignLink {
  workshopId: string;
  /** Its title when the link was made. */
  title: string;
  /**
   * How the later workshop of the two started from the earlier one's themes. Absent in links made
   * before it was kept.
   */
  start?: FollowUpStart;
}

export interface CampaignPlace {
  previous?: CampaignLink;
  next: CampaignLink[];
}

/**
 * `POST /api/workshops/:id/follow-up`: the next workshop's title, and how it starts from this
 * one's themes. The server validates with it and the web app's request is typed by it.
 */
export const followUpRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    start: z.enum(["cards", "columns"]),
  })
  .strict();

export type FollowUpRequest = z.infer<typeof followUpRequestSchema>;

/** How a follow-up starts from the earlier workshop's themes. */
export type FollowUpStart = FollowUpRequest["start"];

/**
 * Notes on the earlier workshop that a follow-up started from it. Only the server gives it, after
 * it created the follow-up for a facilitator of both (like `changeJoinCode`, no client sends it).
 */
export interface NoteFollowUp {
  type: "noteFollowUp";
  link: CampaignLink;
}

export function decideNoteFollowUp(state: WorkshopState, command: NoteFollowUp): Result<DomainEvent[]> {
  if (state.campaign?.next.some((link) => link.workshopId === command.link.workshopId)) return ok([]);
  return ok([{ type: "followUpStarted", link: command.link }]);
}

export function withFollowUp(state: WorkshopState, link: CampaignLink): WorkshopState {
  const place = state.campaign ?? { next: [] };
  return { ...state, campaign: { ...place, next: [...place.next, link] } };
}

/**
 * The content of a workshop that follows `earlier`: the same client, organisation, facilitators
 * and groups, a new title, and the earlier workshop's themes — as cards on the pile, each theme's
 * name an idea to cluster again, or as its starting columns, named and with their key points, for
 * the room to fill. Themes without a name or headline (columns never named) are left behind.
 */
export function followUpContent(
  earlier: WorkshopState,
  input: { title: string; start: FollowUpStart },
  now: string,
  newId: () => string,
): WorkshopContent {
  const blank = blankContent({ title: input.title, language: earlier.context.language }, now);
  const { organization, preparedFor, preparedBy, facilitators, participantGroups } = earlier.context;
  const context = { ...blank.context, organization, preparedFor, preparedBy, facilitators, participantGroups };
  const previous = { workshopId: earlier.id, title: earlier.context.title, start: input.start };
  const campaign: CampaignPlace = { previous, next: [] };
  const themes = earlier.themes.filter((theme) => themeWords(theme) !== "");
  if (input.start === "columns") {
    const columns: Theme[] = themes.map((theme) => ({
      id: newId(),
      name: themeWords(theme),
      keyPoints: [...theme.keyPoints],
      headline: "",
      narrative: "",
      cardIds: [],
    }));
    return { ...blank, context, campaign, themes: columns };
  }
  const cards: Card[] = themes.map((theme) => ({ id: newId(), text: themeWords(theme) }));
  return {
    ...blank,
    context,
    campaign,
    cards: Object.fromEntries(cards.map((card) => [card.id, card])),
    unclustered: cards.map((card) => card.id),
  };
}

/** What a theme is called: its name, else its headline ("" for a column never named). */
export function themeWords(theme: Theme): string {
  return theme.name.trim() || theme.headline.trim();
}
