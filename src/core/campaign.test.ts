import { describe, expect, it } from "vitest";
import { followUpContent } from "./campaign.js";
import { decide } from "./decide.js";
import type { Theme } from "./model.js";
import { reduce, reduceAll } from "./reducer.js";
import { blankContent, emptyWorkshop } from "./workshop.js";

const NOW = "2026-12-07T17:00:00.000Z";

function earlier(themes: Theme[]) {
  const content = blankContent({ title: "Topic prioritization", language: "fr" }, NOW, "ABCDEF");
  const state = reduceAll(emptyWorkshop("w1"), [{ type: "workshopCreated", workshop: { ...content, themes } }]);
  return {
    ...state,
    context: { ...state.context, organization: "Union", facilitators: [{ name: "Ana", organization: "Union" }] },
  };
}

const theme = (id: string, name: string, headline = ""): Theme => ({
  id,
  name,
  keyPoints: [`${id} point`],
  headline,
  narrative: "",
  cardIds: [],
});

describe("a follow-up workshop's content", () => {
  const themes = [theme("t1", "Empower all members"), theme("t2", "  ", "Repair disparities"), theme("t3", "")];
  let counter = 0;
  const newId = () => `id-${++counter}`;

  it("takes the themes' names (else headlines) as cards, leaving behind columns never named", () => {
    const content = followUpContent(earlier(themes), { title: "Theme development", start: "cards" }, NOW, newId);
    expect(content.unclustered.map((id) => content.cards[id]?.text)).toEqual([
      "Empower all members",
      "Repair disparities",
    ]);
    expect(content.context).toMatchObject({
      title: "Theme development",
      language: "fr",
      organization: "Union",
      facilitators: [{ name: "Ana", organization: "Union" }],
      goal: "",
    });
    expect(content.campaign).toEqual({
      previous: { workshopId: "w1", title: "Topic prioritization", start: "cards" },
      next: [],
    });
  });

  it("or as columns with their key points", () => {
    const content = followUpContent(earlier(themes), { title: "Next", start: "columns" }, NOW, newId);
    expect(content.themes.map(({ name, keyPoints }) => [name, keyPoints])).toEqual([
      ["Empower all members", ["t1 point"]],
      ["Repair disparities", ["t2 point"]],
    ]);
    expect(content.unclustered).toEqual([]);
    expect(content.campaign?.previous?.start).toBe("columns");
  });

  it("is noted once on the earlier workshop, whoever repeats it", () => {
    const state = earlier(themes);
    const command = { type: "noteFollowUp" as const, link: { workshopId: "w2", title: "Next" } };
    const actor = { role: "facilitator" as const, id: "f" };
    const first = decide(state, command, actor);
    if (!first.ok) throw new Error("refused");
    const noted = first.value.reduce(reduce, state);
    expect(noted.campaign?.next).toEqual([{ workshopId: "w2", title: "Next" }]);
    expect(decide(noted, command, actor)).toEqual({ ok: true, value: [] });
  });
});
