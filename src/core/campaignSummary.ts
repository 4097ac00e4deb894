import type { BallotResults, BallotStatus } from "./ballots/api.js";
import { type CampaignLink, themeWords } from "./campaign.js";
import type { WorkshopState } from "./model.js";
import type { Phase } from "./phases.js";
import type { TallyMethod } from "./tally/schema.js";

// `GET /api/workshops/:id/campaign`: the campaign summary page's data. The server answers these
// types and the web app reads them.

/** A ballot of one workshop of the campaign, with its results under the room's privacy rule. */
export interface CampaignBallot {
  id: string;
  method: TallyMethod;
  status: BallotStatus;
  createdAt: string;
  closesAt: string | null;
  results: BallotResults;
}

interface StepBase {
  workshopId: string;
  title: string;
  /** The workshop it started from, and how (`start`), when it did. */
  startedFrom?: CampaignLink;
}

/** A workshop of the campaign that the asker facilitates: what it holds. */
export interface SharedStep extends StepBase {
  shared: true;
  phase: Phase;
  /** Its named themes, in the board's order. */
  themes: { id: string; name: string }[];
  /** Its ballots, oldest first. */
  ballots: CampaignBallot[];
}

/** A workshop of the campaign the asker does not facilitate: only the link they already see. */
export interface UnsharedStep extends StepBase {
  shared: false;
}

export type CampaignStep = SharedStep | UnsharedStep;

export interface CampaignSummary {
  /** The workshop the summary was asked from. */
  workshopId: string;
  /** First workshop first; each workshop's follow-ups right after it, in the order they started. */
  steps: CampaignStep[];
}

/** One workshop found by `walkCampaign`: its state when the asker may read it. */
export interface CampaignPlaceFound {
  workshopId: string;
  title: string;
  startedFrom?: CampaignLink;
  state?: WorkshopState;
}

/**
 * At most this many workshops in one summary: links are made one follow-up at a time, so this is
 * a bound on one request's work, not a campaign anyone runs.
 */
export const MAX_CAMPAIGN_STEPS = 100;

/**
 * The workshops of `from`'s campaign, in order: up through the earlier workshops to the first,
 * then down through each one's follow-ups, depth first. `open` gives a workshop's state when the
 * asker may read it; one it refuses is listed by the link that names it (its title as the
 * neighbour knows it) and the walk goes no further through it, so nothing is learnt from a
 * workshop the asker does not facilitate.
 */
export async function walkCampaign(
  from: WorkshopState,
  open: (workshopId: string) => Promise<WorkshopState | undefined>,
): Promise<CampaignPlaceFound[]> {
  const found: CampaignPlaceFound[] = [];
  const seen = new Set([from.id]);
  let first = from;
  for (let link = first.campaign?.previous; link && !seen.has(link.workshopId); link = first.campaign?.previous) {
    if (seen.size >= MAX_CAMPAIGN_STEPS) break;
    seen.add(link.workshopId);
    const earlier = await open(link.workshopId);
    if (!earlier) {
      found.push({ workshopId: link.workshopId, title: link.title });
      break;
    }
    first = earlier;
  }
  const placed = new Set(found.map((place) => place.workshopId));
  const visit = async (state: WorkshopState, startedFrom: CampaignLink | undefined) => {
    placed.add(state.id);
    found.push({ workshopId: state.id, title: state.context.title, state, ...(startedFrom ? { startedFrom } : {}) });
    for (const link of state.campaign?.next ?? []) {
      if (placed.has(link.workshopId) || found.length >= MAX_CAMPAIGN_STEPS) continue;
      const parent = { workshopId: state.id, title: state.context.title, ...(link.start ? { start: link.start } : {}) };
      const later = await open(link.workshopId);
      if (later) await visit(later, parent);
      else {
        placed.add(link.workshopId);
        found.push({ workshopId: link.workshopId, title: link.title, startedFrom: parent });
      }
    }
  };
  await visit(first, first.campaign?.previous);
  return found;
}

/** A workshop's named themes as the summary lists them. */
export function campaignThemes(state: WorkshopState): { id: string; name: string }[] {
  return state.themes.map((theme) => ({ id: theme.id, name: themeWords(theme) })).filter((theme) => theme.name);
}
