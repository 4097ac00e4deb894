import type { BrowserContext } from "playwright-core";
import { afterAll, expect } from "vitest";
import { requestJson, signUp } from "../../test/support/server.js";
import { boardOfState, poll, waitForBoard } from "./board.js";
import { NetworkSwitch } from "./network.js";
import { addSession, Console, LAPTOP, openPage, Participant, PHONE, screenshot, serverState } from "./roles.js";
import type { Step } from "./roomEnd.js";
import type { ServerAndBrowser } from "./serverAndBrowser.js";

/**
 * Scenario 2: a participant's phone loses its connection mid-brainstorm. Cards typed offline wait
 * on the phone and reach the server exactly once when it returns, a lost acknowledgement included.
 */
export function dropTheConnection(step: Step, started: ServerAndBrowser): void {
  const state = (facilitator: Console, workshopId: string) =>
    serverState(facilitator.page, started.server.baseUrl, workshopId);
  let workshopId: string;
  let facilitator: Console;
  let dana: Participant;
  let network: NetworkSwitch;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  /** How many cards with this text the server holds, and how many the console's board shows. */
  const copies = async (text: string) => {
    const now = await state(facilitator, workshopId);
    const onServer = [...now.cards.values()].filter((card) => card.text === text).length;
    const onConsole = await facilitator.page.evaluate(
      (wanted) =>
        [...document.querySelectorAll('[data-testid^="card-"] .board-card-text')].filter(
          (element) => element.textContent === wanted,
        ).length,
      text,
    );
    return { onServer, onConsole };
  };
  const waitingOnPhone = (text: string) => dana.page.getByTestId("my-cards").locator(".is-waiting", { hasText: text });
  /** Live again, with nothing left to send (a reconnect can wait out one back-off of a few seconds). */
  const settled = async () => {
    await dana.page.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor({ timeout: 30_000 });
    await dana.page.locator(".participant-status-strip").waitFor({ state: "detached" });
    await poll(() => dana.page.getByTestId("my-cards").locator(".is-waiting").count()).toBe(0);
  };

  step("a facilitator opens an open brainstorm and a participant joins on a phone", async () => {
    const { context, page } = await openPage(started.browser, LAPTOP, "console (scenario 2)");
    contexts.push(context);
    // Signed up over REST; the session cookie then goes into this browser context.
    const session = await signUp(started.server.apiUrl);
    await addSession(context, started.server.baseUrl, session);
    const created = await requestJson<{ id: string }>(
      started.server.apiUrl,
      "POST",
      "/api/workshops",
      { title: "Renewing our library hours", language: "en" },
      session,
    );
    expect(created.status).toBe(201);
    workshopId = created.body.id;
    facilitator = new Console(page, started.server.baseUrl);
    await page.goto(`${started.server.baseUrl}/w/${encodeURIComponent(workshopId)}`);
    await facilitator.waitLive();
    await facilitator.goToPhase("Brainstorm");
    const code = await facilitator.joinCode();

    const phone = await openPage(started.browser, PHONE, "Dana's phone");
    contexts.push(phone.context);
    network = await NetworkSwitch.install(phone.context);
    dana = new Participant(phone.page, started.server.baseUrl, "Dana");
    await dana.page.goto(`${started.server.baseUrl}/join/${code}`);
    await dana.page.getByTestId("join-name-input").fill("Dana");
    await dana.submitJoin();
    await dana.write("Open on Sunday afternoons");
    await poll(() => copies("Open on Sunday afternoons")).toEqual({ onServer: 1, onConsole: 1 });
  });

  const offline = ["Evening hours on weekdays", "Quiet study rooms you can book online"];

  step("cards typed while the connection is down wait on the phone and do not reach the server", async () => {
    await network.cut();
    await dana.page.getByTestId("connection-status").getByText("Offline").waitFor();
    for (const text of offline) await dana.write(text);
    for (const text of offline) await waitingOnPhone(text).waitFor();
    await dana.page.getByTestId("connection-status").getByText("2 waiting to send").waitFor();
    // The phone has tried to reconnect, and was refused: the cards had their chance to leak.
    await poll(() => network.refused).toBeGreaterThanOrEqual(1);
    for (const text of offline) expect(await copies(text)).toEqual({ onServer: 0, onConsole: 0 });
    await dana.page.getByTestId("my-cards").scrollIntoViewIfNeeded();
    await screenshot(dana.page, "09-offline-phone");
  });

  step("when the connection returns, each card arrives exactly once, on the server and the console", async () => {
    await network.restore();
    await settled();
    for (const text of offline) {
      await poll(() => copies(text)).toEqual({ onServer: 1, onConsole: 1 });
      await dana.page.getByTestId("my-cards").locator(".is-onBoard", { hasText: text }).waitFor();
    }
    // Sent once each: nothing was sent while the network was cut.
    for (const text of offline) {
      const sends = network.sent.filter((frame) => frame.type === "command" && frame.command?.text === text);
      expect(sends, text).toHaveLength(1);
    }
    // After the reconnect the phone shows the board exactly as the server has it.
    await waitForBoard(dana.page, boardOfState(await state(facilitator, workshopId)));
    await screenshot(dana.page, "10-back-online-phone");
  });

  step("a card whose acknowledgement is lost is resent under its id and still arrives once", async () => {
    const text = "Self-checkout open 7 to 11";
    network.loseNextAck();
    await dana.write(text);
    const sends = () => network.sent.filter((frame) => frame.type === "command" && frame.command?.text === text);
    const acks = () => network.received.filter((frame) => frame.type === "ack" && frame.id === sends()[0]?.id);
    // The server committed it and acknowledged; the ack was lost with the connection. After
    // reconnecting the phone sends it again under the same id, and the server says "duplicate".
    await poll(() => acks().map((frame) => frame.duplicate), 30_000).toEqual([false, true]);
    expect(sends()).toHaveLength(2);
    expect(new Set(sends().map((frame) => frame.id)).size).toBe(1);
    await settled();
    await poll(() => copies(text)).toEqual({ onServer: 1, onConsole: 1 });
    await waitForBoard(facilitator.page, boardOfState(await state(facilitator, workshopId)));
  });
}
