import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalEventBus } from "../eventBus.js";
import { openSqliteStore, type SqliteEventStore } from "../store/sqliteStore.js";
import { WorkshopService } from "../workshopService.js";
import { type AccountWithSecret, EmailTakenError } from "./accountStore.js";
import { SqliteAccountStore } from "./sqliteAccountStore.js";

/**
 * The account store on a real SQLite file, beside a real event store in the same file (as the
 * server runs them): workshop access refers to workshops, so those are created for real.
 */

let dir: string;
let events: SqliteEventStore;
let accounts: SqliteAccountStore;
let service: WorkshopService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "concord-accounts-"));
  events = openSqliteStore(dir);
  accounts = new SqliteAccountStore(join(dir, "concord.db"));
  service = new WorkshopService({ store: events, bus: new LocalEventBus() });
});

afterEach(async () => {
  await accounts.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

const ann: AccountWithSecret = {
  id: "account-ann",
  email: "ann@example.org",
  name: "Ann",
  createdAt: "2025-03-01T10:00:00.000Z",
  passwordHash: "scrypt$32768$8$1$c2FsdA$aGFzaA",
};
const bob: AccountWithSecret = {
  id: "account-bob",
  email: "bob@example.org",
  name: "Bob",
  createdAt: "2025-03-02T10:00:00.000Z",
  passwordHash: "scrypt$32768$8$1$c2FsdDI$aGFzaDI",
};

const { passwordHash: _annSecret, ...annPublic } = ann;

/** A real workshop in the event store, so that access rows have something to refer to. */
async function workshop(title = "Retreat"): Promise<string> {
  return (await service.create({ title, language: "en" })).id;
}

describe("SqliteAccountStore accounts", () => {
  it("creates an account and finds it by email (with its hash) and by id (without)", async () => {
    await accounts.createAccount(ann);
    expect(await accounts.findAccountByEmail("ann@example.org")).toEqual(ann);
    const byId = await accounts.getAccount(ann.id);
    expect(byId).toEqual(annPublic);
    expect(byId).not.toHaveProperty("passwordHash");
  });

  it("answers undefined for an unknown email or id", async () => {
    await accounts.createAccount(ann);
    expect(await accounts.findAccountByEmail("nobody@example.org")).toBeUndefined();
    expect(await accounts.getAccount("account-nobody")).toBeUndefined();
  });

  it("refuses a second account with the same email with EmailTakenError and keeps the first", async () => {
    await accounts.createAccount(ann);
    const again = accounts.createAccount({ ...bob, email: ann.email });
    await expect(again).rejects.toBeInstanceOf(EmailTakenError);
    await expect(accounts.createAccount({ ...bob, email: ann.email })).rejects.toThrow(
      "An account with this email exists",
    );
    expect(await accounts.findAccountByEmail(ann.email)).toEqual(ann);
    expect(await accounts.getAccount(bob.id)).toBeUndefined();
  });

  it("keeps accounts, sessions and access across close and reopen", async () => {
    await accounts.createAccount(ann);
    const id = await workshop();
    await accounts.grantAccess(id, ann.id, "owner");
    await accounts.createSession("token-hash", ann.id, "2099-01-01T00:00:00.000Z");
    await accounts.close();

    accounts = new SqliteAccountStore(join(dir, "concord.db"));
    expect(await accounts.findAccountByEmail(ann.email)).toEqual(ann);
    expect(await accounts.findSession("token-hash", "2025-01-01T00:00:00.000Z")).toBe(ann.id);
    expect(await accounts.getAccess(id, ann.id)).toEqual({ workshopId: id, role: "owner", archived: false });
  });
});

describe("SqliteAccountStore sessions", () => {
  const expiresAt = "2025-04-01T10:00:00.000Z";

  beforeEach(async () => {
    await accounts.createAccount(ann);
    await accounts.createAccount(bob);
  });

  it("finds a live session's account", async () => {
    await accounts.createSession("ann-token", ann.id, expiresAt);
    await accounts.createSession("bob-token", bob.id, expiresAt);
    expect(await accounts.findSession("ann-token", "2025-03-15T10:00:00.000Z")).toBe(ann.id);
    expect(await accounts.findSession("bob-token", "2025-03-15T10:00:00.000Z")).toBe(bob.id);
    expect(await accounts.findSession("unknown-token", "2025-03-15T10:00:00.000Z")).toBeUndefined();
  });

  it("does not find a session at or after its expiry", async () => {
    await accounts.createSession("ann-token", ann.id, expiresAt);
    expect(await accounts.findSession("ann-token", "2025-04-01T09:59:59.999Z")).toBe(ann.id);
    expect(await accounts.findSession("ann-token", expiresAt)).toBeUndefined();
    expect(await accounts.findSession("ann-token", "2025-04-01T10:00:00.001Z")).toBeUndefined();
    expect(await accounts.findSession("ann-token", "2026-01-01T00:00:00.000Z")).toBeUndefined();
  });

  it("deletes one session and leaves the account's other sessions", async () => {
    await accounts.createSession("laptop", ann.id, expiresAt);
    await accounts.createSession("phone", ann.id, expiresAt);
    await accounts.deleteSession("laptop");
    expect(await accounts.findSession("laptop", "2025-03-15T10:00:00.000Z")).toBeUndefined();
    expect(await accounts.findSession("phone", "2025-03-15T10:00:00.000Z")).toBe(ann.id);
    // Deleting what is not there is harmless.
    await expect(accounts.deleteSession("laptop")).resolves.toBeUndefined();
  });

  it("refuses a session for an account that does not exist", async () => {
    await expect(accounts.createSession("ghost-token", "account-ghost", expiresAt)).rejects.toThrow();
    expect(await accounts.findSession("ghost-token", "2025-03-15T10:00:00.000Z")).toBeUndefined();
  });
});

describe("SqliteAccountStore workshop access", () => {
  beforeEach(async () => {
    await accounts.createAccount(ann);
    await accounts.createAccount(bob);
  });

  it("grants access and reads it back, unarchived", async () => {
    const id = await workshop();
    await accounts.grantAccess(id, ann.id, "owner");
    expect(await accounts.getAccess(id, ann.id)).toEqual({ workshopId: id, role: "owner", archived: false });
    expect(await accounts.getAccess(id, bob.id)).toBeUndefined();
    expect(await accounts.getAccess("no-such-workshop", ann.id)).toBeUndefined();
  });

  it("lists only the account's own workshops", async () => {
    const first = await workshop("First");
    const second = await workshop("Second");
    const bobs = await workshop("Bob's");
    await accounts.grantAccess(first, ann.id, "owner");
    await accounts.grantAccess(second, ann.id, "cofacilitator");
    await accounts.grantAccess(bobs, bob.id, "owner");

    const annList = await accounts.listAccess(ann.id);
    expect(annList.sort((a, b) => a.workshopId.localeCompare(b.workshopId))).toEqual(
      [
        { workshopId: first, role: "owner", archived: false },
        { workshopId: second, role: "cofacilitator", archived: false },
      ].sort((a, b) => a.workshopId.localeCompare(b.workshopId)),
    );
    expect(await accounts.listAccess(bob.id)).toEqual([{ workshopId: bobs, role: "owner", archived: false }]);
    expect(await accounts.listAccess("account-nobody")).toEqual([]);
  });

  it("a second grant changes the role and keeps one row", async () => {
    const id = await workshop();
    await accounts.grantAccess(id, ann.id, "cofacilitator");
    await accounts.grantAccess(id, ann.id, "owner");
    expect(await accounts.listAccess(ann.id)).toEqual([{ workshopId: id, role: "owner", archived: false }]);
  });

  it("archives and restores for one account only", async () => {
    const id = await workshop();
    await accounts.grantAccess(id, ann.id, "owner");
    await accounts.grantAccess(id, bob.id, "cofacilitator");

    await accounts.setArchived(id, ann.id, true);
    expect(await accounts.getAccess(id, ann.id)).toEqual({ workshopId: id, role: "owner", archived: true });
    expect(await accounts.getAccess(id, bob.id)).toEqual({ workshopId: id, role: "cofacilitator", archived: false });
    expect(await accounts.listAccess(ann.id)).toEqual([{ workshopId: id, role: "owner", archived: true }]);

    await accounts.setArchived(id, ann.id, false);
    expect(await accounts.getAccess(id, ann.id)).toEqual({ workshopId: id, role: "owner", archived: false });
  });

  it("archiving a workshop the account has no access to grants nothing", async () => {
    const id = await workshop();
    await accounts.setArchived(id, ann.id, true);
    expect(await accounts.getAccess(id, ann.id)).toBeUndefined();
    expect(await accounts.listAccess(ann.id)).toEqual([]);
  });

  it("refuses access to a workshop that does not exist", async () => {
    await expect(accounts.grantAccess("no-such-workshop", ann.id, "owner")).rejects.toThrow();
    expect(await accounts.listAccess(ann.id)).toEqual([]);
  });
});
