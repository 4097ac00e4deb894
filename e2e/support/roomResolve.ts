import { expect } from "vitest";
import { poll } from "./board.js";
import { screenshot, serverSnapshot } from "./roles.js";
import type { RoomEnd } from "./roomEndContext.js";
import { coWritingReport, eventLog, goToPhase, typeOver, writeText } from "./workshopEnd.js";

/** Resolve: headlines and narratives written together, and no one's edit lost. */
export function resolveSteps(end: RoomEnd): void {
  end.step(
    "headlines and narratives are written together, and no one's edit is lost",
    async () => {
      const { baseUrl, example, facilitator, projector, ana, bea, workshopId, snapshot } = end.room();
      await goToPhase(facilitator.page, "resolve");
      await facilitator.page.getByTestId("resolve-panel").waitFor();
      // The facilitator invites Ana and Bea to write from their own devices.
      for (const name of ["Ana", "Bea"]) {
        // The box shows the server's answer, so it is ticked once the invitation made the round trip.
        const box = facilitator.page.getByLabel(`${name} may write`);
        await box.click();
        await poll(() => box.isChecked()).toBe(true);
      }
      await poll(async () =>
        Object.values((await end.state()).participants)
          .filter((person) => person.writer)
          .map((person) => person.name)
          .sort(),
      ).toEqual(["Ana", "Bea"]);

      // Empower all: Ana writes the headline on her phone while the facilitator writes the narrative.
      const empower = end.theme("empower-all");
      const empowerId = end.column(empower.id);
      await ana.page.getByTestId("pick-theme").selectOption(empowerId);
      await ana.page.getByTestId(`headline-${empowerId}`).click();
      // The console sees where Ana is writing: her name on the field and her caret in it.
      const consoleHeadline = facilitator.page.getByTestId(`writer-${empowerId}`);
      await consoleHeadline.getByTestId("peer-chip").filter({ hasText: "Ana is writing here" }).waitFor();
      await Promise.all([
        ana.page.getByTestId(`headline-${empowerId}`).pressSequentially(empower.headline),
        (async () => {
          await facilitator.page.getByTestId(`narrative-${empowerId}`).click();
          await facilitator.page.keyboard.insertText(empower.narrative);
        })(),
      ]);
      await consoleHeadline.getByTestId("peer-caret").waitFor();
      await ana.page.getByTestId(`writer-${empowerId}`).getByTestId("peer-caret").waitFor();
      await screenshot(facilitator.page, "21-resolve-console");
      await screenshot(ana.page, "21-resolve-phone");
      await poll(async () => {
        const now = end.columnIn(await end.state(), empower.id);
        return [now?.headline, now?.narrative];
      }).toEqual([empower.headline, empower.narrative]);
      await ana.page.getByTestId(`headline-${empowerId}`).blur();

      // Clarify: the facilitator drafts the narrative with two gaps; the co-facilitator fills
      // the first sentence's and Bea the last sentence's, at the same time.
      const clarify = end.theme("clarify-unify-elevate");
      const clarifyNarrative = `narrative-${end.column(clarify.id)}`;
      const [first, second] = ["clarity and understanding", "national credential"];
      expect(clarify.narrative).toContain(first);
      expect(clarify.narrative).toContain(second);
      const draft = clarify.narrative.replace(first, "[gap one]").replace(second, "[gap two]");
      await writeText(facilitator.page, clarifyNarrative, draft);
      await poll(async () => end.columnIn(await end.state(), clarify.id)?.narrative).toBe(draft);
      await bea.page.getByTestId("pick-theme").selectOption(end.column(clarify.id));
      await bea.page.getByTestId(clarifyNarrative).waitFor();
      await poll(() => bea.page.getByTestId(clarifyNarrative).inputValue()).toBe(draft);
      await poll(() => end.cofacilitator.getByTestId(clarifyNarrative).inputValue()).toBe(draft);
      const seqBefore = (await serverSnapshot(facilitator.page, baseUrl, workshopId)).seq;
      await Promise.all([
        typeOver(end.cofacilitator, clarifyNarrative, "[gap one]", first),
        typeOver(bea.page, clarifyNarrative, "[gap two]", second),
      ]);
      await poll(async () => end.columnIn(await end.state(), clarify.id)?.narrative)
        .toBe(clarify.narrative)
        .catch(async (error: Error) => {
          const pages = { cofacilitator: end.cofacilitator, bea: bea.page };
          const report = await coWritingReport(pages, clarifyNarrative).catch((failure) => `no report: ${failure}`);
          throw new Error(`${error.message}\n${report}`);
        });
      // Two writers, two edits, both in the log.
      const writers = (await eventLog(facilitator.page, baseUrl, workshopId))
        .filter((envelope) => envelope.seq > seqBefore && envelope.event.type === "narrativeSet")
        .map((envelope) => envelope.actor.role);
      expect(writers.sort()).toEqual(["facilitator", "participant"]);
      for (const page of [facilitator.page, end.cofacilitator, bea.page]) {
        await poll(() => page.getByTestId(clarifyNarrative).inputValue()).toBe(clarify.narrative);
      }

      // Repair: both consoles type over the same word of the headline at once. The second edit
      // to arrive is refused as a conflict and shown beside the other; nothing is lost.
      const repair = end.theme("repair-disparities");
      const repairHeadline = `headline-${end.column(repair.id)}`;
      const word = "practice";
      expect(repair.headline).toContain(word);
      const headlineDraft = repair.headline.replace(word, "[verb]");
      await writeText(facilitator.page, repairHeadline, headlineDraft);
      await poll(() => end.cofacilitator.getByTestId(repairHeadline).inputValue()).toBe(headlineDraft);
      await Promise.all([
        typeOver(facilitator.page, repairHeadline, "[verb]", word),
        typeOver(end.cofacilitator, repairHeadline, "[verb]", "preach"),
      ]);
      const conflictId = `conflict-${repairHeadline}`;
      const conflictOn = await Promise.race(
        [facilitator.page, end.cofacilitator].map((page) =>
          page
            .getByTestId(conflictId)
            .waitFor()
            .then(() => page),
        ),
      );
      const conflict = conflictOn.getByTestId(conflictId);
      await screenshot(conflictOn, "21b-resolve-conflict-console");
      if (conflictOn === facilitator.page) {
        await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("practice");
        await conflict.getByRole("button", { name: "Keep mine" }).click();
      } else {
        await expect(conflict.getByTestId("conflict-theirs").textContent()).resolves.toContain("practice");
        await expect(conflict.getByTestId("conflict-mine").textContent()).resolves.toContain("preach");
        await conflict.getByRole("button", { name: "Keep theirs" }).click();
      }
      await poll(async () => end.columnIn(await end.state(), repair.id)?.headline).toBe(repair.headline);

      // The rest, by the facilitator alone.
      for (const wanted of example.themes) {
        const now = end.columnIn(await end.state(), wanted.id);
        const id = end.column(wanted.id);
        if (now?.headline !== wanted.headline) await writeText(facilitator.page, `headline-${id}`, wanted.headline);
        if (now?.narrative !== wanted.narrative) await writeText(facilitator.page, `narrative-${id}`, wanted.narrative);
      }
      const reflections = facilitator.page.getByRole("form", { name: "Reflections and next steps" });
      await reflections.getByLabel("Reflections").fill(example.reflections);
      await reflections.getByLabel("Next steps").fill(example.nextSteps);
      await reflections.getByTestId("save-reflections").click();
      await poll(async () => {
        const now = await end.state();
        return [
          now.themes.map((candidate) => [candidate.headline, candidate.narrative]),
          now.context.reflections,
          now.context.nextSteps,
        ];
      }).toEqual([
        example.themes.map((candidate) => [candidate.headline, candidate.narrative]),
        example.reflections,
        example.nextSteps,
      ]);
      // Headlines read in capitals on the projector; the text is stored as typed.
      const headline = projector.getByTestId(`statement-${empowerId}`).getByTestId("statement-headline");
      await headline.filter({ hasText: empower.headline }).waitFor();
      expect(await headline.evaluate((element) => getComputedStyle(element).textTransform)).toBe("uppercase");
      // The rendered text, capitals and all, is what innerText gives (textContent is the stored text).
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      expect(await headline.innerText()).toBe(empower.headline.toUpperCase());
      await screenshot(projector, "21-resolve-projector");
      await snapshot("resolved");
    },
    end.longStep,
  );
}
