import { z } from "zod";
import { LIMITS } from "./limits.js";
// Types only from model.ts, whose DEFAULT_SETTINGS reads DEFAULT_QUOTAS when it loads.
import type { Actor, WorkshopSettings, WorkshopState } from "./model.js";
import { fail, ok, type Result } from "./result.js";

/**
 * How much one participant may do, so that one device with the join code cannot flood a room:
 * cards a minute and on the board, and new participants from one network address a minute. The
 * facilitator is never held to them. Workshop settings, with these defaults.
 */
export interface ParticipantQuotas {
  /** Cards one participant may add within a minute. */
  cardsPerMinute: number;
  /** Cards of one participant the board may hold. */
  cardsPerParticipant: number;
  /**
   * Participants new to the workshop that one network address may bring within a minute (checked
   * by the server at `hello`). A venue's phones often share one public address, so it is generous.
   */
  newParticipantsPerMinute: number;
}

/** The quotas a facilitator may set (`updateSettings`), and what `workshop/v1` keeps of them. */
export const quotaSettingsSchema = z
  .object({
    cardsPerMinute: z.number().int().min(1).max(100_000),
    cardsPerParticipant: z.number().int().min(1).max(LIMITS.cardsPerWorkshop),
    newParticipantsPerMinute: z.number().int().min(1).max(100_000),
  })
  .strict();

export const DEFAULT_QUOTAS: ParticipantQuotas = {
  cardsPerMinute: 30,
  cardsPerParticipant: 100,
  newParticipantsPerMinute: 300,
};

/** A workshop's quotas; one created before quotas existed has none set and gets the defaults. */
export function quotasOf(settings: WorkshopSettings): ParticipantQuotas {
  return {
    cardsPerMinute: settings.cardsPerMinute ?? DEFAULT_QUOTAS.cardsPerMinute,
    cardsPerParticipant: settings.cardsPerParticipant ?? DEFAULT_QUOTAS.cardsPerParticipant,
    newParticipantsPerMinute: settings.newParticipantsPerMinute ?? DEFAULT_QUOTAS.newParticipantsPerMinute,
  };
}

/** The minute that counts a participant's cards: when it began and how many came in it. */
export interface CardPace {
  since: string;
  cards: number;
}

const MINUTE_MS = 60_000;

/**
 * Whether a participant may add one more card at `now` (an ISO timestamp: the core has no clock),
 * and if so their pace with it counted. A minute begins at the first card after the last one
 * ended, so at a limit of 5 the 6th card within 60 s of the 1st is refused, and the next is taken
 * once that minute is over. Without a time (a test of other rules) only the cards held count.
 */
export function nextCardPace(
  state: WorkshopState,
  actor: Actor,
  now: string | undefined,
): Result<CardPace | undefined> {
  const { cardsPerMinute, cardsPerParticipant } = quotasOf(state.settings);
  let held = 0;
  for (const card of state.cards.values()) if (card.authorId === actor.id) held++;
  if (held >= cardsPerParticipant)
    return fail("cardsPerParticipant", `Each person may have at most ${cardsPerParticipant} cards`, {
      max: cardsPerParticipant,
    });
  if (now === undefined) return ok(undefined);
  const pace = state.cardPace && Object.hasOwn(state.cardPace, actor.id) ? state.cardPace[actor.id] : undefined;
  const at = Date.parse(now);
  if (!pace || !(at - Date.parse(pace.since) < MINUTE_MS)) return ok({ since: now, cards: 1 });
  if (pace.cards >= cardsPerMinute)
    return fail("cardsPerMinute", `At most ${cardsPerMinute} cards a minute; wait a moment`, { max: cardsPerMinute });
  return ok({ since: pace.since, cards: pace.cards + 1 });
}
