import type { Pool } from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, servicesAvailable, type TestDatabase } from "../../../test/support/services.js";
import { LocalEventBus } from "../eventBus.js";
import { openPostgresPool, PostgresEventStore } from "../store/postgresStore.js";
import { WorkshopService } from "../workshopService.js";
import { type AccountWithSecret, EmailTakenError } from "./accountStore.js";
import { PostgresAccountStore } from "./postgresAccountStore.js";

// A real PostgreSQL (127.0.0.1:5432, as CI starts it): in CI its absence fails this file.
const available = await servicesAvailable("PostgresAccountStore", { postgres: true });

const ann: AccountWithSecret = {
  id: "account-ann",
  email: "ann@example.org",
  name: "Ann",
  createdAt: "2025-03-01T10:00:00.000Z",
  passwordHash: "scrypt$32768$8$1$c2FsdA$aGFzaA",
};
const bob: AccountWithSecret = { ...ann, id: "account-bob", email: "bob@example.org", name: "Bob" };
const { passwordHash: _annSecret, ...annPublic } = ann;

describe.skipIf(!available)("PostgresAccountStore", () => {
  let database: TestDatabase;
  let schemas = 0;
  let pool: Pool;
  let accounts: PostgresAccountStore;
  let service: WorkshopService;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  // Workshop access refers to workshops, so they are created for real, in the same database.
  beforeEach(async () => {
    pool = await openPostgresPool({ connectionString: database.url, schema: `a${++schemas}`, max: 3 });
    accounts = new PostgresAccountStore(pool);
    service = new WorkshopService({ store: new PostgresEventStore(pool, false), bus: new LocalEventBus() });
  });
  afterEach(async () => {
    await accounts.close();
    await pool.end();
  });

  it("creates an account and finds it by email (with its hash) and by id (without)", async () => {
    await accounts.createAccount(ann);
    expect(await accounts.findAccountByEmail(ann.email)).toEqual(ann);
    expect(await accounts.getAccount(ann.id)).toEqual(annPublic);
    expect(await accounts.getAccount("nobody")).toBeUndefined();
  });

  it("refuses a second account with the same email with EmailTakenError and keeps the first", async () => {
    await accounts.createAccount(ann);
    await expect(accounts.createAccount({ ...bob, email: ann.email })).rejects.toBeInstanceOf(EmailTakenError);
    // A repeated id is another error, not "email taken".
    await expect(accounts.createAccount({ ...ann, email: "other@example.org" })).rejects.not.toBeInstanceOf(
      EmailTakenError,
    );
    expect(await accounts.findAccountByEmail(ann.email)).toEqual(ann);
  });

  it("finds a live session, not one at or after its expiry, and deletes one only", async () => {
    await accounts.createAccount(ann);
    await accounts.createSession("hash-1", ann.id, "2025-03-02T00:00:00.000Z");
    await accounts.createSession("hash-2", ann.id, "2025-03-02T00:00:00.000Z");
    expect(await accounts.findSession("hash-1", "2025-03-01T23:59:59.999Z")).toBe(ann.id);
    expect(await accounts.findSession("hash-1", "2025-03-02T00:00:00.000Z")).toBeUndefined();
    await accounts.deleteSession("hash-1");
    expect(await accounts.findSession("hash-1", "2025-03-01T12:00:00.000Z")).toBeUndefined();
    expect(await accounts.findSession("hash-2", "2025-03-01T12:00:00.000Z")).toBe(ann.id);
    await expect(accounts.createSession("hash-3", "nobody", "2025-03-02T00:00:00.000Z")).rejects.toThrow(/foreign key/);
  });

  it("grants, changes, lists and archives access per account, for real workshops only", async () => {
    await accounts.createAccount(ann);
    await accounts.createAccount(bob);
    const first = await service.create({ title: "One", language: "en" });
    const second = await service.create({ title: "Two", language: "en" });
    await accounts.grantAccess(first.id, ann.id, "cofacilitator");
    await accounts.grantAccess(first.id, ann.id, "owner");
    await accounts.grantAccess(second.id, bob.id, "owner");
    await accounts.grantAccess(first.id, bob.id, "cofacilitator");

    expect(await accounts.getAccess(first.id, ann.id)).toEqual({
      workshopId: first.id,
      role: "owner",
      archived: false,
    });
    expect(await accounts.listAccess(ann.id)).toEqual([{ workshopId: first.id, role: "owner", archived: false }]);
    await accounts.setArchived(first.id, ann.id, true);
    expect(await accounts.getAccess(first.id, ann.id)).toMatchObject({ archived: true });
    expect(await accounts.getAccess(first.id, bob.id)).toMatchObject({ archived: false });
    await accounts.setArchived(second.id, ann.id, true);
    expect(await accounts.getAccess(second.id, ann.id)).toBeUndefined();
    await expect(accounts.grantAccess("ghost", ann.id, "owner")).rejects.toThrow(/foreign key/);
  });
});
