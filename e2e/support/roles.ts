import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, it } from "vitest";
import { revivedState, type SerializedState, type WorkshopDocument, type WorkshopState } from "../../src/core/index.js";
import { REPO_ROOT } from "../../test/support/server.js";
import { poll } from "./board.js";
import { fromTestProcess } from "./browser.js";

/**
 * Where the browser tests save their pictures: an ignored folder, so that a test run leaves the
 * tree as it found it; `npm run screenshots` (UPDATE_SCREENSHOTS=1) writes the committed ones
 * that README.md shows instead.
 */
export const SCREENSHOTS = join(
  REPO_ROOT,
  process.env.UPDATE_SCREENSHOTS ? "e2e/screenshots" : "e2e/.output/screenshots",
);

/** Saves what the page shows now as `SCREENSHOTS`/<name>.png: the window, or the whole page. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No caret and no running transitions: the picture shows the settled page.
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    animations: "disabled",
    caret: "hide",
    fullPage: options.fullPage ?? false,
  });
}

/** Puts a facilitator's session cookie (`name=value`, as `signUp` returns it) in a browser context for pages at `url`. */
export async function addSession(context: BrowserContext, url: string, session: string): Promise<void> {
  const [name = "", value = ""] = session.split("=");
  await context.addCookies([{ name, value, url }]);
}

/** Uncaught errors of every page opened through `openPage`; each step fails on any new one. */
export const pageErrors: string[] = [];

export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: "en-CA" };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "en-CA",
};
export const TABLET: BrowserContextOptions = {
  viewport: { width: 800, height: 1100 },
  isMobile: true,
  hasTouch: true,
  locale: "en-CA",
};

/** A new browser context (its own cookies and storage: one person's device) and a page in it. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions,
  label: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  // Generous: the machine running the browsers may be busy with other work.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  watch(page, label);
  return { context, page };
}

/**
 * One test of a browser scenario: when it fails, what every open page showed is logged, and it
 * fails on any uncaught page error.
 */
export function pageStep(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    try {
      await body();
    } catch (error) {
      console.error(await describePages());
      throw error;
    }
    expect(pageErrors).toEqual([]);
  });
}

const watched: { label: string; page: Page; console: string[] }[] = [];

/**
 * Records the page's uncaught errors under its label, and keeps the page and its last console
 * errors (a script that failed to load, say) for `describePages`.
 */
export function watch(page: Page, label: string): void {
  const entry = { label, page, console: [] as string[] };
  watched.push(entry);
  page.on("pageerror", (error) => pageErrors.push(`${label}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") entry.console = [...entry.console, message.text()].slice(-5);
  });
}

/** What each open page shows (address, connection status, start of the text), for a failure's log. */
export async function describePages(): Promise<string> {
  const lines: string[] = [];
  for (const { label, page, console: errors } of watched) {
    if (page.isClosed()) continue;
    const seen = await page
      .evaluate(() => ({
        status: document.querySelector('[data-testid="connection-status"]')?.textContent ?? "",
        text: (document.body?.textContent ?? "").replace(/\s+/g, " ").slice(0, 300),
      }))
      .catch((error: Error) => ({ status: "?", text: error.message }));
    lines.push(`${label} ${page.url()} [${seen.status}] ${seen.text}`);
    for (const error of errors) lines.push(`  console error: ${error.slice(0, 300)}`);
  }
  return lines.join("\n");
}

/**
 * GETs a workshop's JSON from the REST API as the facilitator signed in on `facilitator`'s browser
 * context (its session cookie): reading a workshop is the facilitator's right alone.
 */
export async function facilitatorJson<T>(facilitator: Page, url: string): Promise<T> {
  // The request leaves from the test process, which reaches the server at 127.0.0.1: it carries
  // the cookies the browser holds for the address the pages opened.
  const context = facilitator.context();
  const cookie = (await context.cookies(url)).map(({ name, value }) => `${name}=${value}`).join("; ");
  const response = await context.request.get(fromTestProcess(url), { headers: { cookie } });
  if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** The workshop's seq and state as the server holds them now, read as its facilitator. */
export async function serverSnapshot(
  facilitator: Page,
  baseUrl: string,
  workshopId: string,
): Promise<{ seq: number; state: WorkshopState }> {
  const { seq, state } = await facilitatorJson<{ seq: number; state: SerializedState }>(
    facilitator,
    `${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}`,
  );
  return { seq, state: revivedState(state) };
}

/** The workshop as the server holds it now, read as its facilitator. */
export async function serverState(facilitator: Page, baseUrl: string, workshopId: string): Promise<WorkshopState> {
  return (await serverSnapshot(facilitator, baseUrl, workshopId)).state;
}

/** The facilitator's console at /w/:id, driven through its controls. */
export class Console {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Signs up on the home page (email and password) and lands on the list of workshops. */
  async signUp(name: string, email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.getByRole("button", { name: "New here? Create an account" }).click();
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await this.page.getByRole("heading", { name: "New workshop" }).waitFor();
  }

  /** Creates a workshop from the home page and returns its id once the console is live. */
  async createWorkshop(title: string): Promise<string> {
    await this.page.getByLabel("Title").fill(title);
    await this.page.getByRole("button", { name: "Create", exact: true }).click();
    await this.page.waitForURL(/\/w\/[^/]+$/);
    await this.waitLive();
    return decodeURIComponent(new URL(this.page.url()).pathname.split("/")[2] ?? "");
  }

  async waitLive(): Promise<void> {
    await this.page.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
  }

  async goToPhase(
    name: "Context" | "Brainstorm" | "Cluster" | "Name" | "Resolve" | "Prioritize" | "Capture",
  ): Promise<void> {
    const step = this.page.getByRole("navigation", { name: "Workshop phases" }).getByRole("button", { name });
    await step.click();
    await this.page.locator('[aria-current="step"]', { hasText: name }).waitFor();
  }

  /**
   * Turns on a setting (checkbox or radio button). The console shows the server's settings, so
   * the box is ticked once the change has made the round trip.
   */
  async switchOn(label: string): Promise<void> {
    const control = this.page.getByLabel(label, { exact: true });
    await control.click();
    await poll(() => control.isChecked()).toBe(true);
  }

  async joinCode(): Promise<string> {
    return (await this.page.getByTestId("join-code").textContent())?.trim() ?? "";
  }

  async addTable(name: string): Promise<void> {
    await this.page.getByLabel("Table name").fill(name);
    await this.page.getByTestId("add-table").click();
    await this.page.locator(".chip", { hasText: name }).waitFor();
  }

  /** Asks for a round of cards: the prompt and how many cards each table sends. */
  async startRound(prompt: string, perTable: number): Promise<void> {
    await this.page.getByTestId("round-prompt").fill(prompt);
    await this.page.getByLabel("Cards per table (0 for no limit)").fill(String(perTable));
    await this.page.getByTestId("start-round").click();
    await this.page.getByTestId("active-round").getByText(prompt, { exact: true }).waitFor();
  }

  /** Fills the context step from a workshop/v1 document and saves it. */
  async fillContext(doc: WorkshopDocument): Promise<void> {
    const form = this.page.getByRole("form", { name: "Context" });
    const fields: [string, string][] = [
      ["Title", doc.title],
      ["Client organization", doc.organization],
      ["Event", doc.event],
      ["Prepared for", doc.preparedFor],
      ["Prepared by", doc.preparedBy],
      ["Held on", doc.heldOn],
      ["Report date", doc.reportDate],
      ["Focus question", doc.focusQuestion],
      ["Goal", doc.goal],
      ["Overview (a blank line between paragraphs)", doc.overview],
      ["Method", doc.method],
      [
        "Facilitators (one per line: name, organization)",
        doc.facilitators.map((person) => `${person.name}, ${person.organization}`).join("\n"),
      ],
      ["Participant groups (one per line)", doc.participantGroups.join("\n")],
    ];
    for (const [label, value] of fields) await form.getByLabel(label, { exact: true }).fill(value);
  }

  async saveContext(): Promise<void> {
    await this.page.getByRole("form", { name: "Context" }).getByRole("button", { name: "Save context" }).click();
  }

  async waitTablesReady(ready: number, total: number): Promise<void> {
    await this.page
      .getByTestId("tables-ready")
      .filter({ hasText: `${ready} of ${total} tables ready` })
      .waitFor();
  }
}

/** A participant's device: joins with the code, writes cards, picks the table's cards. */
export class Participant {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly name: string,
  ) {}

  /** Opens /join, types the code as read off the screen, then answers the join form. */
  async join(code: string, group: string, table: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/join`);
    await this.page.getByTestId("join-code-input").pressSequentially(code);
    await this.page.getByTestId("join-submit").click();
    await this.page.getByTestId("join-name-input").fill(this.name);
    await this.page.getByTestId("join-group-select").selectOption({ label: group });
    await this.page.getByTestId("join-table-select").selectOption({ label: table });
  }

  async submitJoin(): Promise<void> {
    await this.page.getByTestId("join-submit").click();
    await this.waitLive();
  }

  async waitLive(): Promise<void> {
    await this.page.getByTestId("connection-status").filter({ hasText: /^Live/ }).waitFor();
  }

  /** Types a card and sends it with Enter, as on a phone keyboard's send key. */
  async write(text: string): Promise<void> {
    const input = this.page.getByTestId("card-input");
    await input.fill(text);
    await input.press("Enter");
    await poll(() => input.inputValue()).toBe("");
  }

  /** Waits until the table's list shows exactly these cards (in any order). */
  async waitForCandidates(texts: readonly string[]): Promise<void> {
    const list = this.page.getByTestId("table-candidates").locator(".participant-card-text");
    await poll(async () => (await list.allTextContents()).sort()).toEqual([...texts].sort());
  }

  /** Ticks the cards the table chose in the table's list. */
  async tick(texts: readonly string[]): Promise<void> {
    const list = this.page.getByTestId("table-candidates");
    for (const text of texts) {
      await list
        .locator("label", { has: this.page.getByText(text, { exact: true }) })
        .getByRole("checkbox")
        .check();
    }
  }

  /** Sends the ticked cards for the whole table. */
  async sendForTable(): Promise<void> {
    await this.page.getByTestId("table-submit").click();
    await this.waitTableSent();
  }

  async waitTableSent(): Promise<void> {
    await this.page.getByText("Your table has sent its cards").waitFor();
  }
}
