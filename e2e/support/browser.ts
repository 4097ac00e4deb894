import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The name the browsers reach the test server by. Not `localhost` or `127.0.0.1`, which browsers
 * treat as secure contexts: at `http://concord.test:PORT` a page is as insecure as a phone that
 * opens the laptop's network address over the venue's Wi-Fi, so an API browsers keep for HTTPS
 * (`crypto.randomUUID`, the async clipboard…) is missing here too.
 */
export const ROOM_HOST = "concord.test";

/**
 * The test server's address as the test process reaches it (Node cannot resolve `ROOM_HOST`):
 * the same URL with `ROOM_HOST` replaced by 127.0.0.1.
 */
export function fromTestProcess(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === ROOM_HOST) parsed.hostname = "127.0.0.1";
  return parsed.href;
}

/**
 * Whether the browser tests can run. Without Chromium they skip on a developer's machine and
 * fail in CI, where .ci/run installs it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing; .ci/run installs Debian's chromium`);
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  return false;
}

/**
 * Headless Chromium with the flags this sandbox needs (no network beyond this machine), resolving
 * `ROOM_HOST` to 127.0.0.1.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--no-first-run",
      "--disable-sync",
      `--host-resolver-rules=MAP ${ROOM_HOST} 127.0.0.1`,
    ],
  });
}
