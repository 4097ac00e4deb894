import { poll } from "./board.js";
import { screenshot } from "./roles.js";
import type { RoomEnd } from "./roomEndContext.js";
import { goToPhase } from "./workshopEnd.js";

/** Naming: the console leads the naming, largest column first; phones propose; the projector follows. */
export function namingSteps(end: RoomEnd): void {
  end.step(
    "the console leads the naming, largest column first; phones propose; the projector follows",
    async () => {
      const { facilitator, projector, ana, carl, snapshot } = end.room();
      await goToPhase(facilitator.page, "name");
      const order = [
        "empower-all",
        "clarify-unify-elevate",
        "evidence-based-case",
        "co-create-community",
        "repair-disparities",
      ];
      const panel = facilitator.page.getByTestId("name-panel");
      for (const [index, themeId] of order.entries()) {
        const wanted = end.theme(themeId);
        await panel.getByTestId(`naming-current-${end.column(themeId)}`).waitFor();
        await projector
          .getByTestId("spotlight")
          .getByText(wanted.cards[0]?.text ?? "", { exact: true })
          .waitFor();
        if (index < 2) {
          // The phone shows the column on screen too, with its cards, to propose a name for it.
          await ana.page.getByTestId("phone-column").waitFor();
          await ana.page
            .getByText(wanted.cards[0]?.text ?? "", { exact: true })
            .first()
            .waitFor();
        }
        const nameInput = panel.getByTestId("theme-name-input");
        if (index === 0) {
          // Ana proposes the name the room settles on; Carl proposes a long one; the facilitator picks Ana's.
          await ana.page.getByTestId("propose-input").fill(wanted.name);
          await ana.page.getByTestId("word-count").filter({ hasText: "6 words" }).waitFor();
          await ana.page.getByTestId("propose-submit").click();
          const long = "Everyone everywhere should embrace career development for their whole lives";
          await carl.page.getByTestId("propose-input").fill(long);
          await carl.page.getByText("more than 7 words").waitFor();
          await carl.page.getByTestId("propose-submit").click();
          await panel.getByTestId("proposals").getByText(wanted.name, { exact: true }).waitFor();
          await panel.getByTestId("proposals").getByText(long, { exact: true }).waitFor();
          await projector.getByTestId("spotlight").getByText(long, { exact: true }).waitFor();
          await screenshot(ana.page, "20-name-phone");
          await screenshot(facilitator.page, "20-name-console");
          await screenshot(projector, "20-name-projector");
          await panel
            .getByTestId("proposals")
            .locator("li", { hasText: wanted.name })
            .getByRole("button", { name: "Use this name" })
            .click();
        } else {
          // Too short first: the editor warns, and saving is still possible; then the real name.
          await nameInput.fill("Repair");
          await panel.getByText("fewer than 3 words").waitFor();
          await nameInput.fill(wanted.name);
          await panel.getByTestId("word-count").first().filter({ hasNotText: "fewer" }).waitFor();
          await panel.getByTestId("save-theme-name").click();
        }
        await poll(async () => end.columnIn(await end.state(), themeId)?.name).toBe(wanted.name);
        await projector.getByTestId("spotlight-name").filter({ hasText: wanted.name }).waitFor();

        // Key points: added one by one; the first column's are typed out of order and reordered.
        const points = index === 0 ? [...wanted.keyPoints].reverse() : wanted.keyPoints;
        for (const point of points) {
          await panel.getByLabel("New key point").fill(point);
          await panel.getByRole("button", { name: "Add", exact: true }).click();
        }
        if (index === 0) {
          const last = wanted.keyPoints[0] ?? "";
          const middle = wanted.keyPoints[1] ?? "";
          await panel.getByRole("button", { name: `Move “${last}” up` }).click();
          await panel.getByRole("button", { name: `Move “${last}” up` }).click();
          await panel.getByRole("button", { name: `Move “${middle}” up` }).click();
        }
        await panel.getByTestId("save-key-points").click();
        await poll(async () => end.columnIn(await end.state(), themeId)?.keyPoints).toEqual(wanted.keyPoints);
        if (index < order.length - 1) await panel.getByTestId("next-column").click();
      }
      await snapshot("named");
    },
    end.longStep,
  );
}
