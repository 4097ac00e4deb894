import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type E2eServer, startE2eServer } from "./app.js";
import { launchBrowser } from "./browser.js";

export interface ServerAndBrowser {
  /** The compiled server, started before the first test of the block. */
  readonly server: E2eServer;
  /** Chromium, launched beside it. */
  readonly browser: Browser;
}

/** Starts a server and Chromium together before the enclosing block's tests, and closes both after them. */
export function withServerAndBrowser(): ServerAndBrowser {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("The server starts in beforeAll");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium launches in beforeAll");
      return browser;
    },
  };
}
