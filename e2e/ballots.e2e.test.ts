import { describe, expect, it } from "vitest";
import { inviteOn, openBallotOn, voteAs } from "../test/support/ballots.js";
import {
  importWorkshop,
  needsReferenceExample,
  readReferenceExample,
  requestJson,
  signUp,
} from "../test/support/server.js";
import { seriousViolations } from "./support/axe.js";
import { bordaRows, random, rankingFor, type Theme } from "./support/ballotCount.js";
import { rankOnPage, tableRows } from "./support/ballotPages.js";
import { browserAvailable } from "./support/browser.js";
import { withServerAndBrowser } from "./support/serverAndBrowser.js";

/**
 * A prioritization ballot over days, end to end: the example workshop's 5 themes, a ranking
 * counted by Borda, 200 invitees in 3 stakeholder groups voting through their personal links
 * (most over HTTP, a few on the real voter page in Chromium, on a 360 px phone at an insecure
 * origin), the results dashboard, and the report's Prioritization section, checked against a
 * count written here from the rules (with m themes, the k-th ranked gets m − k points), not by
 * the server's tally.
 */

const GROUPS = [
  { name: "Members", size: 110 },
  { name: "Employers", size: 60 },
  { name: "Educators", size: 30 },
];
/** Voters whose ballot goes through the voter page in Chromium; the others vote with fetch. */
const IN_BROWSER = 4;

describe.skipIf(!browserAvailable())(needsReferenceExample("a ranked ballot over HTTP, over days"), () => {
  const started = withServerAndBrowser();

  it("200 voters in 3 groups rank the example's 5 themes; the dashboard and the report agree with a count made here", async () => {
    const doc = readReferenceExample() as { themes: Theme[] };
    const themes = doc.themes.map(({ id, name }) => ({ id, name }));
    expect(themes).toHaveLength(5);
    const workshop = await importWorkshop(started.server.apiUrl, await signUp(started.server.apiUrl), doc);
    const opened = await openBallotOn(started.server.apiUrl, workshop, { method: "borda" });
    expect(opened.status).toBe(201);
    const csv = [
      "name,email,group",
      ...GROUPS.flatMap((group) =>
        Array.from({ length: group.size }, (_, index) => `${group.name} voter ${index + 1},,${group.name}`),
      ),
    ].join("\n");
    const added = await inviteOn(started.server.apiUrl, workshop, opened.body.id, csv);
    expect(added.body.invitees).toHaveLength(200);

    const next = random(22);
    const cast = added.body.invitees.map((invitee, index) => {
      const groupIndex = GROUPS.findIndex((group) => group.name === invitee.group);
      // The page always sends every theme in order; fetch voters may rank only some.
      return { invitee, ranking: rankingFor(themes, groupIndex, next, index < IN_BROWSER) };
    });

    // A few on the real voter page, on a phone-sized screen at the insecure origin.
    const context = await started.browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-CA" });
    try {
      for (const [index, { invitee, ranking }] of cast.slice(0, IN_BROWSER).entries()) {
        const page = await context.newPage();
        // The link names the server's PUBLIC_URL; the phone opens the same path at the insecure address.
        await page.goto(`${started.server.baseUrl}${new URL(invitee.link).pathname}`);
        await page.getByTestId("ranked-theme").first().waitFor();
        expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
        if (index === 0) {
          expect(await seriousViolations(page, "voter page")).toEqual([]);
          // The first voter sends another ranking first, then comes back and edits it: one ballot.
          await page.getByTestId("cast-vote").click();
          await page.getByTestId("vote-saved").waitFor();
          await page.reload();
          await page.getByText("Update my vote").waitFor();
        }
        await rankOnPage(page, themes, ranking, index % 2 === 1);
        await page.getByTestId("cast-vote").click();
        await page.getByTestId("vote-saved").waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        if (index === IN_BROWSER - 1) {
          // In French, on the voter's choice: the page follows the workshop's language until then.
          await page.getByTestId("language-switch").click();
          await page.getByText("Vote de priorisation").waitFor();
          await page.getByRole("button", { name: "Modifier mon vote" }).waitFor();
          expect(await seriousViolations(page, "voter page in French")).toEqual([]);
        }
        await page.close();
      }
    } finally {
      await context.close();
    }

    // The others over HTTP, ten at a time.
    const rest = cast.slice(IN_BROWSER);
    for (let start = 0; start < rest.length; start += 10) {
      await Promise.all(
        rest.slice(start, start + 10).map(async ({ invitee, ranking }) => {
          const response = await voteAs(started.server.apiUrl, invitee, { ranking });
          expect(response.status).toBe(200);
        }),
      );
    }

    const expected = bordaRows(
      themes,
      cast.map((entry) => entry.ranking),
    );
    const expectedByGroup = new Map(
      GROUPS.map((group) => [
        group.name,
        bordaRows(
          themes,
          cast.filter((entry) => entry.invitee.group === group.name).map((entry) => entry.ranking),
        ),
      ]),
    );

    // The dashboard, as the facilitator opens it from a co-facilitator link.
    const facilitator = await started.browser.newContext({ locale: "en-CA" });
    try {
      const page = await facilitator.newPage();
      await page.goto(
        `${started.server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`,
      );
      await expect.poll(() => page.getByTestId("ballot-turnout").textContent()).toBe("200 voted of 200 invited");
      const tables = page.getByTestId("ballot-count");
      expect(await tables.count()).toBe(1 + GROUPS.length);
      const overallNames = await tables.first().locator("tbody tr td:nth-child(2)").allTextContents();
      expect(overallNames).toEqual(expected.map((row) => row.name));
      const overallScores = await tables.first().locator("tbody tr td:nth-child(3)").allTextContents();
      expect(overallScores.map(Number)).toEqual(expected.map((row) => row.points));
      const captions = await page.locator("[data-testid=ballot-count] caption").allTextContents();
      for (const group of GROUPS) expect(captions).toContain(`${group.name} (${group.size} voters)`);
      expect(await seriousViolations(page, "ballot dashboard")).toEqual([]);
    } finally {
      await facilitator.close();
    }

    // The report's Prioritization section.
    const report = await fetch(`${started.server.apiUrl}/api/workshops/${workshop.id}/report?format=md`, {
      headers: { "x-facilitator-key": workshop.facilitatorKey },
    });
    const markdown = await report.text();
    const section = markdown.slice(markdown.indexOf("## Prioritization results: ballot"));
    expect(section).toContain("Method: ranking, counted by Borda points · Turnout: 200 of 200 invited (100%)");
    const [overallBlock, ...groupBlocks] = section.split(/^#### /m);
    expect(tableRows(overallBlock ?? "")).toEqual(expected);
    expect(groupBlocks.map((block) => block.split("\n")[0])).toEqual(GROUPS.map((group) => group.name));
    for (const block of groupBlocks) {
      const group = block.split("\n")[0] ?? "";
      expect(block).toContain(`Ballots: ${GROUPS.find((entry) => entry.name === group)?.size}`);
      expect(tableRows(block), group).toEqual(expectedByGroup.get(group));
    }

    // The console's ballot panel: one more invitee pasted, their link offered as a file, then the ballot closed.
    const consoleContext = await started.browser.newContext({ locale: "en-CA", acceptDownloads: true });
    try {
      const page = await consoleContext.newPage();
      await page.goto(`${started.server.baseUrl}/w/${workshop.id}#key=${workshop.facilitatorKey}`);
      const item = page.getByTestId("ballot-item");
      await expect.poll(() => item.textContent()).toContain("200 voted of 200 invited");
      expect(await seriousViolations(page, "console with a ballot")).toEqual([]);
      await item
        .getByLabel("Invitees: paste CSV with a first line name,email,group")
        .fill("name,email,group\nLate,,Members");
      await item.getByTestId("add-invitees").click();
      const [download] = await Promise.all([page.waitForEvent("download"), item.getByTestId("download-links").click()]);
      const links = await download.createReadStream().then(async (stream) => {
        let text = "";
        for await (const chunk of stream) text += String(chunk);
        return text;
      });
      const late = links.trim().split("\r\n")[1]?.split(",").at(-1) ?? "";
      expect(late).toMatch(/\/ballot\/[A-Za-z0-9_-]{32}$/);
      await item.getByTestId("toggle-ballot").click();
      await expect.poll(() => item.getByTestId("ballot-status").textContent()).toBe("closed");
      const refused = await requestJson<{ error: { message: string } }>(
        started.server.apiUrl,
        "PUT",
        `/api/vote/${late.split("/").at(-1)}`,
        { vote: { ranking: [themes[0]?.id] } },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe("This ballot closed: votes are no longer accepted");
    } finally {
      await consoleContext.close();
    }
  }, 300_000);
});
