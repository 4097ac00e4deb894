import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BallotSummary, IssuedInvitee } from "../src/core/index.js";
import {
  importWorkshop,
  needsReferenceExample,
  readReferenceExample,
  requestJson,
  signUp,
} from "../test/support/server.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { seriousViolations } from "./support/axe.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { screenshot } from "./support/roles.js";

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

interface Theme {
  id: string;
  name: string;
}

/** A small seeded generator (mulberry32), so that a failing run can be run again as it was. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A ranking of some of the themes; each group leans towards its own favourite, so the groups differ. */
function rankingFor(themes: Theme[], groupIndex: number, next: () => number, full: boolean): string[] {
  const weights = themes.map((_, index) => next() + (index === groupIndex ? 0.6 : 0) + (index === 4 ? 0.2 : 0));
  const order = themes.map((theme, index) => ({ id: theme.id, weight: weights[index] ?? 0 }));
  order.sort((a, b) => b.weight - a.weight);
  const length = full ? themes.length : 1 + Math.floor(next() * themes.length);
  return order.slice(0, length).map((entry) => entry.id);
}

/** The independent count: Borda points per theme, then competition ranks (ties in the themes' order). */
function bordaRows(themes: Theme[], rankings: string[][]): { rank: number; name: string; points: number }[] {
  const points = new Map(themes.map((theme) => [theme.id, 0]));
  for (const ranking of rankings) {
    for (const [index, id] of ranking.entries()) points.set(id, (points.get(id) ?? 0) + themes.length - (index + 1));
  }
  const rows = themes
    .map((theme, order) => ({ name: theme.name, points: points.get(theme.id) ?? 0, order }))
    .sort((a, b) => b.points - a.points || a.order - b.order);
  return rows.map((row) => ({
    rank: rows.findIndex((other) => other.points === row.points) + 1,
    name: row.name,
    points: row.points,
  }));
}

/** The table rows `| rank | name | points | share |` of one Markdown block. */
function tableRows(block: string): { rank: number; name: string; points: number }[] {
  return [...block.matchAll(/^\| (\d+) \| (.+?) \| (\d+) \| [^|]+ \|$/gm)].map((match) => ({
    rank: Number(match[1]),
    name: match[2] ?? "",
    points: Number(match[3]),
  }));
}

interface Round {
  counts: Map<string, number>;
  eliminated?: string;
  winner?: string;
}

/**
 * The independent run-off: each round counts each ranking for its highest-ranked theme still in;
 * a theme with more than half of the rankings still counting wins; else the one with the fewest
 * votes goes (ties: the fewest Borda points over all rankings, then the one listed last).
 */
function runOff(themes: Theme[], rankings: string[][]): Round[] {
  const borda = (id: string) =>
    rankings.reduce((sum, ranking) => sum + (ranking.includes(id) ? themes.length - 1 - ranking.indexOf(id) : 0), 0);
  const listed = (id: string) => themes.findIndex((theme) => theme.id === id);
  let still = themes.map((theme) => theme.id);
  const rounds: Round[] = [];
  for (;;) {
    const counts = new Map(still.map((id) => [id, 0]));
    let counting = 0;
    for (const ranking of rankings) {
      const choice = ranking.find((id) => counts.has(id));
      if (choice === undefined) continue;
      counts.set(choice, (counts.get(choice) ?? 0) + 1);
      counting += 1;
    }
    const votes = (id: string) => counts.get(id) ?? 0;
    const winner = still.find((id) => votes(id) * 2 > counting);
    if (winner) return [...rounds, { counts, winner }];
    const [eliminated = ""] = [...still].sort(
      (a, b) => votes(a) - votes(b) || borda(a) - borda(b) || listed(b) - listed(a),
    );
    rounds.push({ counts, eliminated });
    still = still.filter((id) => id !== eliminated);
  }
}

/** A rounds table as the dashboard words it: each theme's cells by name, the ballots counted and the outcome per round. */
function roundsTable(themes: Theme[], rounds: Round[]) {
  const name = (id: string) => themes.find((theme) => theme.id === id)?.name ?? id;
  const cells = (id: string) =>
    rounds.map((round) => {
      const votes = round.counts.get(id);
      if (votes === undefined) return "—already eliminated";
      return round.winner === id ? `${votes}, wins` : round.eliminated === id ? `${votes}, eliminated` : String(votes);
    });
  return {
    heads: ["Theme", ...rounds.map((_, index) => `Round ${index + 1}`)],
    rows: Object.fromEntries(themes.map((theme) => [theme.name, cells(theme.id)])),
    counted: rounds.map((round) => String([...round.counts.values()].reduce((sum, votes) => sum + votes, 0))),
    outcome: rounds.map((round) =>
      round.winner ? `${name(round.winner)} wins` : `${name(round.eliminated ?? "")} eliminated`,
    ),
  };
}

/** The same, read from one rounds table on the page. */
async function shownRounds(table: Locator) {
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
  const foot = await table
    .locator("tfoot tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
  return {
    heads: await table.locator("thead th").allTextContents(),
    rows: Object.fromEntries(rows.map(([theme = "", ...cells]) => [theme, cells])),
    counted: foot[0],
    outcome: foot[1],
  };
}

/** Puts the page's ranking in `target` order with the up buttons alone (or keys: focus and Enter). */
async function rankOnPage(page: Page, themes: Theme[], target: string[], withKeys: boolean) {
  const name = (id: string) => themes.find((theme) => theme.id === id)?.name ?? id;
  for (const [place, id] of target.entries()) {
    const shown = await page.getByTestId("ranked-theme").locator(".ballot-theme").allTextContents();
    for (let at = shown.indexOf(name(id)); at > place; at--) {
      const up = page.getByRole("button", { name: `Move ${name(id)} up` });
      if (withKeys) {
        await up.focus();
        await page.keyboard.press("Enter");
      } else await up.click();
    }
  }
  const ordered = await page.getByTestId("ranked-theme").locator(".ballot-theme").allTextContents();
  expect(ordered).toEqual(target.map(name));
}

describe.skipIf(!browserAvailable())(needsReferenceExample("a ranked ballot over HTTP, over days"), () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("200 voters in 3 groups rank the example's 5 themes; the dashboard and the report agree with a count made here", async () => {
    const doc = readReferenceExample() as { themes: Theme[] };
    const themes = doc.themes.map(({ id, name }) => ({ id, name }));
    expect(themes).toHaveLength(5);
    const workshop = await importWorkshop(server.apiUrl, await signUp(server.apiUrl), doc);
    const opened = await requestJson<BallotSummary>(
      server.apiUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "borda" },
      workshop,
    );
    expect(opened.status).toBe(201);
    const csv = [
      "name,email,group",
      ...GROUPS.flatMap((group) =>
        Array.from({ length: group.size }, (_, index) => `${group.name} voter ${index + 1},,${group.name}`),
      ),
    ].join("\n");
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.apiUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv },
      workshop,
    );
    expect(added.body.invitees).toHaveLength(200);

    const next = random(22);
    const cast = added.body.invitees.map((invitee, index) => {
      const groupIndex = GROUPS.findIndex((group) => group.name === invitee.group);
      // The page always sends every theme in order; fetch voters may rank only some.
      return { invitee, ranking: rankingFor(themes, groupIndex, next, index < IN_BROWSER) };
    });

    // A few on the real voter page, on a phone-sized screen at the insecure origin.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-CA" });
    try {
      for (const [index, { invitee, ranking }] of cast.slice(0, IN_BROWSER).entries()) {
        const page = await context.newPage();
        // The link names the server's PUBLIC_URL; the phone opens the same path at the insecure address.
        await page.goto(`${server.baseUrl}${new URL(invitee.link).pathname}`);
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
          const token = invitee.link.split("/").at(-1);
          const response = await requestJson(server.apiUrl, "PUT", `/api/vote/${token}`, { vote: { ranking } });
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
    const facilitator = await browser.newContext({ locale: "en-CA" });
    try {
      const page = await facilitator.newPage();
      await page.goto(`${server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`);
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
    const report = await fetch(`${server.apiUrl}/api/workshops/${workshop.id}/report?format=md`, {
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
    const consoleContext = await browser.newContext({ locale: "en-CA", acceptDownloads: true });
    try {
      const page = await consoleContext.newPage();
      await page.goto(`${server.baseUrl}/w/${workshop.id}#key=${workshop.facilitatorKey}`);
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
        server.apiUrl,
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

  it("an instant run-off's dashboard shows each round — the votes per theme, who went out, the winner — as a count made here", async () => {
    const doc = readReferenceExample() as { themes: Theme[] };
    const themes = doc.themes.map(({ id, name }) => ({ id, name }));
    const workshop = await importWorkshop(server.apiUrl, await signUp(server.apiUrl), doc);
    const opened = await requestJson<BallotSummary>(
      server.apiUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "irv" },
      workshop,
    );
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
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.apiUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv },
      workshop,
    );
    for (const [index, invitee] of added.body.invitees.entries()) {
      const token = invitee.link.split("/").at(-1);
      const ranking = voters[index]?.ranking;
      expect((await requestJson(server.apiUrl, "PUT", `/api/vote/${token}`, { vote: { ranking } })).status).toBe(200);
    }

    const context = await browser.newContext({ locale: "en-CA" });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`);
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
      const french = await browser.newContext({ locale: "fr-CA" });
      try {
        const frPage = await french.newPage();
        await frPage.goto(
          `${server.baseUrl}/w/${workshop.id}/ballots/${opened.body.id}#key=${workshop.facilitatorKey}`,
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
