import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import type { BallotSummary, IssuedInvitee } from "../src/core/index.js";
import { createWorkshop, importWorkshop, REPO_FIXTURE, readJson, requestJson, signUp } from "../test/support/server.js";
import { connectClient, type TestClient } from "../test/support/wsClient.js";
import { type E2eServer, startE2eServer } from "./support/app.js";
import { poll } from "./support/board.js";
import { browserAvailable, launchBrowser } from "./support/browser.js";
import { addSession, LAPTOP, openPage, pageStep } from "./support/roles.js";

/** A right-to-left override (U+202E) and four letters: unisolated, it turns what follows it around. */
const SPOOF = "\u202Eevil";

/** A character's box as drawn: its left edge and its line (the top of its box). */
interface Place {
  left: number;
  top: number;
}

/** Where each character of `after` is drawn, and the right edge of the user text before it. */
interface Layout {
  user: { right: number; top: number };
  after: Place[];
}

/**
 * Reads Chromium's layout of `root`'s text: the right edge of `user`'s letters and the left edge
 * of each character of the interface's `after`, which follows it in the text. A range of one
 * character gives that character's box as drawn, whatever order the bidi algorithm put it in.
 */
function layoutOf(root: Locator, user: string, after: string): Promise<Layout> {
  return root.evaluate(
    (element, { user, after }) => {
      const chars: { node: Text; offset: number }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        for (let offset = 0; offset < text.data.length; offset++) chars.push({ node: text, offset });
      }
      const text = chars.map(({ node, offset }) => node.data[offset]).join("");
      const box = (index: number) => {
        const at = chars[index];
        if (!at) throw new Error(`no character ${index} in "${text}"`);
        const range = document.createRange();
        range.setStart(at.node, at.offset);
        range.setEnd(at.node, at.offset + 1);
        return range.getBoundingClientRect();
      };
      const userAt = text.indexOf(user);
      const afterAt = text.indexOf(after, userAt + user.length);
      if (userAt < 0 || afterAt < 0) throw new Error(`"${user}" then "${after}" not in "${text}"`);
      // The letters only: a control character has no box of its own.
      const letters = [...user].flatMap((char, index) => (/\p{L}/u.test(char) ? [userAt + index] : []));
      const userBoxes = letters.map(box);
      return {
        user: { right: Math.max(...userBoxes.map((rect) => rect.right)), top: userBoxes[0]?.top ?? 0 },
        after: [...after].flatMap((char, index) => {
          if (!char.trim()) return [];
          const rect = box(afterAt + index);
          return [{ left: rect.left, top: rect.top }];
        }),
      };
    },
    { user, after },
  );
}

/** `next` comes after `previous` in reading order: to its right on the same line, or on a later line. */
function expectAfter(previous: { right: number; top: number }, next: Place, what: string): void {
  if (Math.abs(next.top - previous.top) < 1) expect(next.left, what).toBeGreaterThanOrEqual(previous.right - 0.5);
  else expect(next.top, what).toBeGreaterThan(previous.top);
}

/** The interface's text after the user text reads left to right, and starts after it. */
function expectUnturned(layout: Layout): void {
  const [first, ...rest] = layout.after;
  if (!first) throw new Error("no interface text after the user text");
  expectAfter(layout.user, first, "the first character after the user text");
  let previous = first;
  for (const [index, place] of rest.entries()) {
    expectAfter({ right: previous.left + 1, top: previous.top }, place, `character ${index + 2} after it`);
    previous = place;
  }
}

/**
 * A title and a card that start with a right-to-left override, as the issue's attacker typed them
 * ("\u202Eevil" reads "live"): Chromium draws the words the interface puts after them in their own
 * order, after them. Without the isolation (`<bdi>`, U+2068…U+2069) the override runs on to the
 * end of the paragraph and draws them backwards: "evil · projector" in the projector's tab would
 * read "rotcejorp · live". Where user text stands in an element of its own, the element's edge is
 * the paragraph's (a block, a flex item): nothing of the interface shares its line.
 */
describe.skipIf(!browserAvailable())("user text cannot turn the interface's words around", () => {
  let server: E2eServer;
  let browser: Browser;
  let session: string;
  let facilitator: TestClient;
  let workshopId: string;
  let facilitatorKey: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    session = await signUp(server.apiUrl);
    const workshop = await createWorkshop(server.apiUrl, session, SPOOF);
    workshopId = workshop.id;
    facilitatorKey = workshop.facilitatorKey;
    facilitator = await connectClient({
      wsUrl: server.wsUrl,
      workshopId,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    await facilitator.expectAck("card", { type: "addCard", cardId: "spoof", text: SPOOF });
  });
  afterAll(async () => {
    await facilitator?.close();
    await browser?.close();
    await server?.close();
  });

  pageStep("the projector's tab: '… · projector' after the title", async () => {
    const { context, page } = await openPage(browser, LAPTOP, "projector");
    try {
      await page.goto(`${server.baseUrl}/w/${workshopId}/present#key=${facilitatorKey}`);
      await poll(() => page.title()).toContain("projector");
      // The browser draws the tab's title with the same bidi algorithm: laid out here, where it can be measured.
      const shown = page.locator("#tab-title");
      await page.evaluate(() => {
        const line = document.createElement("p");
        line.id = "tab-title";
        line.textContent = document.title;
        document.body.prepend(line);
      });
      expectUnturned(await layoutOf(shown, SPOOF, "projector"));
    } finally {
      await context.close();
    }
  });

  pageStep("the console's undo notice: 'Card removed: “…”'", async () => {
    const { context, page } = await openPage(browser, LAPTOP, "console");
    try {
      await addSession(context, server.baseUrl, session);
      await page.goto(`${server.baseUrl}/w/${workshopId}`);
      await page.getByTestId("card-spoof").getByRole("button", { name: "Card actions" }).click();
      await page.getByRole("button", { name: "Remove card" }).click();
      const notice = page.locator(".board-toast > span");
      await notice.waitFor();
      expectUnturned(await layoutOf(notice, SPOOF, "”"));
    } finally {
      await context.close();
    }
  });

  pageStep("a ballot: the console's invitee list and the dashboard's group caption", async () => {
    const doc = readJson(REPO_FIXTURE) as { themes: { id: string }[] };
    const ranked = await importWorkshop(server.apiUrl, session, doc);
    const opened = await requestJson<BallotSummary>(
      server.apiUrl,
      "POST",
      `/api/workshops/${ranked.id}/ballots`,
      { method: "borda" },
      ranked,
    );
    // Named by a spoof, and three voters in a group named by one, so that the group is shown.
    const csv = `name,email,group\n${SPOOF},,Members\n${["A", "B", "C"].map((name) => `${name},,${SPOOF}`).join("\n")}\n`;
    const added = await requestJson<{ invitees: IssuedInvitee[] }>(
      server.apiUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv },
      ranked,
    );
    for (const invitee of added.body.invitees.slice(1)) {
      const vote = { vote: { ranking: [doc.themes[0]?.id] } };
      await requestJson(server.apiUrl, "PUT", `/api/vote/${invitee.link.split("/").at(-1)}`, vote);
    }
    const { context, page } = await openPage(browser, LAPTOP, "console");
    try {
      await page.goto(`${server.baseUrl}/w/${ranked.id}#key=${ranked.facilitatorKey}`);
      const line = page.getByTestId("ballot-item").getByRole("listitem").filter({ hasText: "Members" });
      await line.waitFor();
      expectUnturned(await layoutOf(line, SPOOF, "(Members)"));

      await page.goto(`${server.baseUrl}/w/${ranked.id}/ballots/${opened.body.id}#key=${ranked.facilitatorKey}`);
      const caption = page.locator("[data-testid=ballot-count] caption").nth(1);
      await caption.waitFor();
      expectUnturned(await layoutOf(caption, SPOOF, "(3"));
    } finally {
      await context.close();
    }
  });
});
