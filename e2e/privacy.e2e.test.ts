import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../src/core/index.js";
import { docxXml, htmlText, pdfText, SKIP_WITHOUT_POPPLER, squash, xmlText } from "../test/report/extract.js";
import { createWorkshop, credentialHeaders, signUp } from "../test/support/server.js";
import { type ClientOptions, connectClient, type TestClient } from "../test/support/wsClient.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { PHONE } from "./support/roles.js";

/**
 * Vote privacy in the results by group: a group of 1 or 2 voters is shown nowhere — not on the
 * projector, not on a phone, not in any report format — while its dots count in the totals and
 * under "Other groups". Staff (3 voters, the phone among them) and Readers (3) are shown; Board
 * (2) and a voter with no group (1) are not.
 *
 * Runs at localhost: the insecure-origin harness (concord.test) is another part of issue 17.
 */
describe.skipIf(!browserAvailable())("results by group keep small groups private", () => {
  let server: E2eServer;
  let browser: Browser;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await browser?.close();
    await server?.close();
  });

  it.skipIf(SKIP_WITHOUT_POPPLER)(
    "shows Staff and Readers, never Board or 'no group', and counts every dot",
    async () => {
      const workshop = await createWorkshop(server.apiUrl, await signUp(server.apiUrl), "Library hours");
      const connect = async (options: Omit<ClientOptions, "wsUrl">) => {
        const client = await connectClient({ wsUrl: server.wsUrl, ...options });
        clients.push(client);
        return client;
      };
      const facilitator = await connect({
        workshopId: workshop.id,
        role: "facilitator",
        facilitatorKey: workshop.facilitatorKey,
      });
      const setup: Command[] = [
        // Only Staff is offered at the join form; Readers and Board come from phones that typed their own.
        { type: "updateContext", patch: { participantGroups: ["Staff"] } },
        { type: "updateSettings", patch: { breakdownsOnProjector: true } },
        { type: "setPhase", phase: "cluster" },
        { type: "createTheme", themeId: "sundays", name: "Open on Sundays" },
        { type: "createTheme", themeId: "buses", name: "Later buses" },
        { type: "setPhase", phase: "prioritize" },
        { type: "openVoting" },
      ];
      for (const [index, command] of setup.entries()) await facilitator.expectAck(`setup-${index}`, command);

      // Nine voters of ten: one dot each on "Open on Sundays", except Board's, on "Later buses".
      const voters: [string, string | undefined, string][] = [
        ["staff-1", "Staff", "sundays"],
        ["staff-2", "Staff", "sundays"],
        ["readers-1", "Readers", "sundays"],
        ["readers-2", "Readers", "sundays"],
        ["readers-3", "Readers", "sundays"],
        ["board-1", "Board", "buses"],
        ["board-2", "Board", "buses"],
        ["nobody-1", undefined, "sundays"],
      ];
      for (const [device, group, themeId] of voters) {
        const phone = await connect({ workshopId: workshop.id, role: "participant", participantId: device });
        await phone.expectAck("join", { type: "joinWorkshop", name: device, ...(group ? { group } : {}) });
        await phone.expectAck("vote", { type: "castVote", themeId, count: 1 });
      }

      // The third Staff voter on a real phone, joining through the form.
      const phoneContext = await browser.newContext(PHONE);
      const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-CA" });
      try {
        const phone = await phoneContext.newPage();
        await phone.goto(`${server.baseUrl}/join/${facilitator.state.joinCode}`);
        await phone.getByTestId("join-name-input").fill("Sam");
        await phone.getByTestId("join-group-select").selectOption({ label: "Staff" });
        await phone.getByTestId("join-submit").click();
        await phone.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
        await phone.getByTestId("vote-sundays").locator(".dot-vote-button").last().click();
        await expect.poll(() => facilitator.state.votes.length).toBe(9);

        const projector = await projectorContext.newPage();
        await projector.goto(`${server.baseUrl}/w/${workshop.id}/present#key=${workshop.facilitatorKey}`);
        await facilitator.expectAck("reveal", { type: "revealResults", revealed: true });

        for (const page of [projector, phone]) {
          const chart = page.getByTestId("results-chart");
          const byGroup = chart.getByTestId("results-by-group");
          await byGroup.waitFor();
          const text = (await byGroup.textContent()) ?? "";
          expect(text).toContain("Staff");
          expect(text).toContain("Readers");
          expect(text).toContain("Other groups");
          expect(text).not.toContain("Board");
          expect(text).not.toContain("No group");
          expect(await chart.getByTestId("results-privacy-note").textContent()).toContain("fewer than 3 voters");
          // The totals count all nine: 7 on Sundays, Board's 2 on buses.
          expect(
            await chart
              .locator('.results-bars:not(.is-small) [data-testid="result-sundays"]')
              .getAttribute("data-total"),
          ).toBe("7");
          expect(
            await chart.locator('.results-bars:not(.is-small) [data-testid="result-buses"]').getAttribute("data-total"),
          ).toBe("2");
        }
      } finally {
        await phoneContext.close();
        await projectorContext.close();
      }

      const report = async (format: string) => {
        const response = await fetch(`${server.apiUrl}/api/workshops/${workshop.id}/report?format=${format}`, {
          headers: credentialHeaders({ facilitatorKey: workshop.facilitatorKey }),
        });
        expect(response.status).toBe(200);
        return new Uint8Array(await response.arrayBuffer());
      };
      const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
      const texts: Record<string, string> = {
        pdf: pdfText(await report("pdf")),
        docx: xmlText(await docxXml(await report("docx"))),
        html: htmlText(utf8(await report("html"))),
        md: utf8(await report("md")),
      };
      for (const [format, text] of Object.entries(texts)) {
        const flat = squash(text);
        expect(flat, format).toContain(squash("Votes cast: 9 · Participants who voted: 9"));
        expect(flat, format).toContain("Staff");
        expect(flat, format).toContain("Readers");
        expect(flat, format).toContain(squash("Other groups"));
        expect(flat, format).not.toContain("Board");
        expect(flat, format).not.toContain(squash("Group not recorded"));
      }
      // The CSV holds the cards only, never votes or groups.
      expect(utf8(await report("csv"))).not.toContain("Board");

      // The facilitator changes both settings from the console.
      const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-CA" });
      try {
        const consolePage = await consoleContext.newPage();
        await consolePage.goto(`${server.baseUrl}/w/${workshop.id}#key=${workshop.facilitatorKey}`);
        await consolePage.getByTestId("setting-breakdownsOnProjector").uncheck();
        await expect.poll(() => facilitator.state.settings.breakdownsOnProjector).toBe(false);
        const minVoters = consolePage.getByTestId("setting-min-voters");
        await minVoters.fill("5");
        await minVoters.blur();
        await expect.poll(() => facilitator.state.settings.minVotersPerGroup).toBe(5);
      } finally {
        await consoleContext.close();
      }
    },
    240_000,
  );
});
