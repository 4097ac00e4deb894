import { expect } from "vitest";
import { poll } from "./board.js";
import { type Participant, screenshot } from "./roles.js";
import type { Room } from "./roomEnd.js";
import type { RoomEnd } from "./roomEndContext.js";
import { goToPhase } from "./workshopEnd.js";

/** Each person's dots, by the example's theme id. */
export const dots = (room: Room): [Participant, Record<string, number>][] => {
  const { ana, bea, carl } = room;
  return [
    [ana, { "empower-all": 2, "evidence-based-case": 1 }],
    [bea, { "clarify-unify-elevate": 3 }],
    [carl, { "empower-all": 1, "co-create-community": 1, "repair-disparities": 1 }],
  ];
};
/** The show of hands the facilitator enters for those without a device. */
export const hands = { who: "Back row", counts: { "empower-all": 4, "co-create-community": 2 } };

/** Prioritize: a dot vote on the phones and one show of hands, hidden until revealed. */
export function votingSteps(end: RoomEnd): void {
  end.step(
    "a dot vote on the phones and one show of hands; results stay hidden until revealed",
    async () => {
      const { example, facilitator, projector, ana, snapshot } = end.room();
      await goToPhase(facilitator.page, "prioritize");
      await facilitator.page.getByTestId("open-voting").click();
      await poll(async () => (await end.state()).voting.status).toBe("open");
      // Ana changes her mind: a dot on one theme, taken off again.
      const repairName = end.theme("repair-disparities").name;
      await ana.page.getByRole("button", { name: `Add a dot to ${repairName}` }).click();
      await ana.page.getByTestId("dots-left").filter({ hasText: "2 of 3 dots left" }).waitFor();
      await poll(async () => (await end.state()).votes.length).toBe(1);
      await ana.page.getByRole("button", { name: `Take a dot off ${repairName}` }).click();
      await poll(async () => (await end.state()).votes.length).toBe(0);
      for (const [person, given] of dots(end.room())) {
        await person.page.getByTestId("dots-left").filter({ hasText: "3 of 3 dots left" }).waitFor();
        for (const [themeId, count] of Object.entries(given)) {
          for (let tap = 0; tap < count; tap++) {
            await person.page.getByRole("button", { name: `Add a dot to ${end.theme(themeId).name}` }).click();
          }
        }
        await person.page.getByTestId("dots-left").filter({ hasText: "0 of 3 dots left" }).waitFor();
        // The budget is spent: every + is off.
        for (const candidate of example.themes) {
          await expect(
            person.page.getByRole("button", { name: `Add a dot to ${candidate.name}` }).isDisabled(),
          ).resolves.toBe(true);
        }
      }
      await screenshot(ana.page, "22-vote-phone");
      // A show of hands for the people at the back, recorded by the facilitator.
      const form = facilitator.page.getByRole("form", { name: "Show of hands" });
      await form.getByLabel("Whose hands").fill(hands.who);
      for (const [themeId, count] of Object.entries(hands.counts)) {
        await form.getByTestId(`hands-${end.column(themeId)}`).fill(String(count));
      }
      await form.getByTestId("record-hands").click();
      await poll(async () => (await end.state()).votes.length).toBe(8);
      // Nobody sees results before the reveal.
      for (const page of [projector, ana.page, facilitator.page]) {
        expect(await page.getByTestId("results-chart").count()).toBe(0);
      }
      await projector.getByTestId("voting-wait").getByText("3 people have voted").waitFor();
      await facilitator.page.getByTestId("close-voting").click();
      await poll(async () => (await end.state()).voting.status).toBe("closed");
      // A room of three: the facilitator shows every group and table, on the projector and phones too
      // (by default no group of fewer than 3 voters is shown, and breakdowns stay on the console).
      await facilitator.page.getByTestId("setting-breakdownsOnProjector").check();
      const minVoters = facilitator.page.getByTestId("setting-min-voters");
      await minVoters.fill("1");
      await minVoters.blur();
      await poll(async () => (await end.state()).settings.minVotersPerGroup).toBe(1);
      await poll(async () => (await end.state()).settings.breakdownsOnProjector).toBe(true);
      await facilitator.page.getByTestId("reveal-results").click();
      const totals = {
        "empower-all": 7,
        "clarify-unify-elevate": 3,
        "repair-disparities": 1,
        "evidence-based-case": 1,
        "co-create-community": 3,
      };
      for (const page of [facilitator.page, projector, ana.page]) {
        const chart = page.getByTestId("results-chart");
        await chart.waitFor();
        for (const [themeId, total] of Object.entries(totals)) {
          await expect(
            chart
              .locator(".results-bars:not(.is-small)")
              .getByTestId(`result-${end.column(themeId)}`)
              .getAttribute("data-total"),
          ).resolves.toBe(String(total));
        }
        // By participant group and by table, with the show of hands marked as such.
        await chart.getByTestId("results-by-group").getByText(`Show of hands: ${hands.who}`).waitFor();
        await chart.getByTestId("results-by-table").getByText("Table 1", { exact: false }).first().waitFor();
      }
      await facilitator.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
      await screenshot(facilitator.page, "22-results-console");
      await ana.page.getByTestId("results-chart").scrollIntoViewIfNeeded();
      await screenshot(ana.page, "22-results-phone");
      await screenshot(projector, "22-results-projector");
      await snapshot("voted and revealed");
    },
    end.longStep,
  );
}
