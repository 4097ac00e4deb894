import { describe, expect, it } from "vitest";
import type { CampaignLink, CampaignPlace } from "./campaign.js";
import { campaignThemes, walkCampaign } from "./campaignSummary.js";
import type { Theme, WorkshopState } from "./model.js";
import { emptyWorkshop } from "./workshop.js";

const link = (workshopId: string, start?: "cards" | "columns"): CampaignLink => ({
  workshopId,
  title: `Title of ${workshopId}`,
  ...(start ? { start } : {}),
});

function workshop(id: string, campaign: CampaignPlace): WorkshopState {
  const state = emptyWorkshop(id);
  return { ...state, context: { ...state.context, title: `Title of ${id}` }, campaign };
}

/**
 * a → b (cards) → d (columns)
 *   → c (columns)
 */
const CAMPAIGN = [
  workshop("a", { next: [link("b", "cards"), link("c", "columns")] }),
  workshop("b", { previous: link("a", "cards"), next: [link("d", "columns")] }),
  workshop("c", { previous: link("a", "columns"), next: [] }),
  workshop("d", { previous: link("b", "columns"), next: [] }),
];

const opener =
  (readable: string[]) =>
  async (id: string): Promise<WorkshopState | undefined> =>
    readable.includes(id) ? CAMPAIGN.find((state) => state.id === id) : undefined;

const summary = (places: Awaited<ReturnType<typeof walkCampaign>>) =>
  places.map((place) => [place.workshopId, place.startedFrom?.workshopId, place.startedFrom?.start, !!place.state]);

describe("walkCampaign", () => {
  it("lists the whole campaign from any of its workshops: the first, then each follow-up after the one it started from", async () => {
    const expected = [
      ["a", undefined, undefined, true],
      ["b", "a", "cards", true],
      ["d", "b", "columns", true],
      ["c", "a", "columns", true],
    ];
    for (const from of CAMPAIGN) {
      expect(summary(await walkCampaign(from, opener(["a", "b", "c", "d"]))), from.id).toEqual(expected);
    }
  });

  it("names a workshop the asker does not facilitate by its link, and learns nothing through it", async () => {
    const d = CAMPAIGN[3] as WorkshopState;
    // From d, b is closed to the asker: a and c lie beyond it, so they are not found.
    expect(summary(await walkCampaign(d, opener(["d", "a", "c"])))).toEqual([
      ["b", undefined, undefined, false],
      ["d", "b", "columns", true],
    ]);
    const a = CAMPAIGN[0] as WorkshopState;
    const fromA = await walkCampaign(a, opener(["a", "c"]));
    expect(summary(fromA)).toEqual([
      ["a", undefined, undefined, true],
      ["b", "a", "cards", false],
      ["c", "a", "columns", true],
    ]);
    expect(fromA[1]?.title).toBe("Title of b");
  });

  it("stops at a link that leads back to a workshop already listed", async () => {
    const loop = [
      workshop("x", { previous: link("y"), next: [link("y")] }),
      workshop("y", { previous: link("x"), next: [link("x")] }),
    ];
    const open = async (id: string) => loop.find((state) => state.id === id);
    expect(summary(await walkCampaign(loop[0] as WorkshopState, open)).map(([id]) => id)).toEqual(["y", "x"]);
  });
});

describe("campaignThemes", () => {
  it("names each theme by its name, else its headline, and leaves out columns never named", () => {
    const theme = (id: string, name: string, headline: string): Theme => ({
      id,
      name,
      headline,
      keyPoints: [],
      narrative: "",
      cardIds: [],
    });
    const state = {
      ...emptyWorkshop("w"),
      themes: [theme("1", "Pay", ""), theme("2", " ", "Hours"), theme("3", "", "")],
    };
    expect(campaignThemes(state)).toEqual([
      { id: "1", name: "Pay" },
      { id: "2", name: "Hours" },
    ]);
  });
});
