import { describe, expect, it } from "vitest";
import { inviteOn, openBallotOn, voteAs } from "../test/support/ballots.js";
import { importWorkshop, needsReferenceExample, readReferenceExample, signUp } from "../test/support/server.js";
import { seriousViolations } from "./support/axe.js";
import { roundsTable, runOff, type Theme } from "./support/ballotCount.js";
import { shownRounds } from "./support/ballotPages.js";
import { browserAvailable } from "./support/browser.js";
import { screenshot } from "./support/roles.js";
import { withServerAndBrowser } from "./support/serverAndBrowser.js";

/**
 * An instant run-off ballot on the example workshop's 5 themes, voted over HTTP in 2 groups: the
 * results dashboard shows each round — the votes per theme, who went out, the winner — overall and
 * per group, as a run-off counted here from the rules, in English and in French.
 */

describe.skipIf(!browserAvailable())(needsReferenceExample("an instant run-off ballot's rounds"), () => {
  const started = withServerAndBrowser();

  it("an instant run-off's dashboard shows each round — the votes per theme, who went out, the winner — as a count made here", async () => {
    const doc = readReferenceExample() as { themes: Theme[] };
    const themes = doc.themes.map(({ id, name }) => ({ id, name }));
    const workshop = await importWorkshop(started.server.apiUrl, await signUp(started.server.apiUrl), doc);
    const opened = await openBallotOn(started.server.apiUrl, workshop, { method: "irv" });
    // Theme places per voter: no theme has a majority at first, and a tie for the fewest votes comes up.
    const voters = [
      { group: "Members", ranking: [0, 1] },
      { group: "Members", ranking: [0, 2] },
      { group: "Members", ranking: [1, 0] },
      { group: "Members", ranking: [2, 1] },
      { group: "Members", ranking: [3, 1] },
      { group: "Members", ranking: [4, 0] },
      { group: "Members", ranking: [1] },
      { group: "Members", ranking: [0] },
      { group: "Members", ranking: [3, 2] },
      { group: "Employers", ranking: [1, 0] },
      { group: "Employers", ranking: [2, 1] },
      { group: "Employers", ranking: [2] },
      { group: "Employers", ranking: [4, 1] },
      { group: "Employers", ranking: [3, 0] },
      { group: "Employers", ranking: [1, 2] },
    ].map((voter) => ({ ...voter, ranking: voter.ranking.map((place) => themes[place]?.id ?? "") }));
    const csv = ["name,email,group", ...voters.map((voter, index) => `Voter ${index},,${voter.group}`)].join("\n");
    const added = await inviteOn(started.server.apiUrl, workshop, opened.body.id, csv);
    for (const [index, invitee] of added.body.invitees.entries()) {
      expect((await voteAs(started.server.apiUrl, invitee, { ranking: voters[index]?.ranking })).status).toBe(200);
    }

    const context = await started.browser.newContext({ locale: "en-CA" });
    try {
      const page = await context.newPage();
      await page.goto(
        `${started.server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`,
      );
      const tables = page.getByTestId("irv-rounds");
      await expect.poll(() => tables.count()).toBe(3);
      const overall = runOff(
        themes,
        voters.map((voter) => voter.ranking),
      );
      expect(overall.length).toBeGreaterThan(2);
      expect(await shownRounds(tables.filter({ hasText: "Everyone: round by round" }))).toEqual(
        roundsTable(themes, overall),
      );
      for (const group of ["Members", "Employers"]) {
        const rankings = voters.filter((voter) => voter.group === group).map((voter) => voter.ranking);
        expect(await shownRounds(tables.filter({ hasText: `${group}: round by round` })), group).toEqual(
          roundsTable(themes, runOff(themes, rankings)),
        );
      }
      expect(await seriousViolations(page, "run-off dashboard")).toEqual([]);
      await screenshot(page, "ballot-irv-rounds", { fullPage: true });
      // In French, as a French-speaking facilitator reads it.
      const french = await started.browser.newContext({ locale: "fr-CA" });
      try {
        const frPage = await french.newPage();
        await frPage.goto(
          `${started.server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`,
        );
        await frPage.getByText("Tout le monde\u00a0: tour par tour").waitFor();
        await frPage.getByRole("columnheader", { name: "Tour 1" }).first().waitFor();
        expect(await seriousViolations(frPage, "run-off dashboard in French")).toEqual([]);
      } finally {
        await french.close();
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});
