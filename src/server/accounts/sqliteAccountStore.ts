import type Database from "better-sqlite3";
import { applyMigrations } from "../store/migrations.js";
import { openSqliteConnection } from "../store/sqliteConnection.js";
import {
  type Account,
  type AccountStore,
  type AccountWithSecret,
  EmailTakenError,
  type WorkshopAccess,
  type WorkshopAccessRole,
} from "./accountStore.js";

interface AccountRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

interface AccessRow {
  workshop_id: string;
  role: WorkshopAccessRole;
  archived: number;
}

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});
const toAccess = (row: AccessRow): WorkshopAccess => ({
  workshopId: row.workshop_id,
  role: row.role,
  archived: row.archived === 1,
});

/** Accounts in the same SQLite file as the event log, on a connection of their own. */
export class SqliteAccountStore implements AccountStore {
  private readonly db: Database.Database;

  constructor(filename: string) {
    this.db = openSqliteConnection(filename);
    applyMigrations(this.db);
  }

  async createAccount(account: AccountWithSecret): Promise<void> {
    try {
      this.db
        .prepare("INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(account.id, account.email, account.name, account.passwordHash, account.createdAt);
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new EmailTakenError();
      throw error;
    }
  }

  async findAccountByEmail(email: string): Promise<AccountWithSecret | undefined> {
    const row = this.db.prepare("SELECT * FROM accounts WHERE email = ?").get(email) as AccountRow | undefined;
    return row && { ...toAccount(row), passwordHash: row.password_hash };
  }

  async getAccount(accountId: string): Promise<Account | undefined> {
    const row = this.db.prepare("SELECT * FROM accounts WHERE id = ?").get(accountId) as AccountRow | undefined;
    return row && toAccount(row);
  }

  async createSession(tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    this.db
      .prepare("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)")
      .run(tokenHash, accountId, expiresAt);
  }

  async findSession(tokenHash: string, now: string): Promise<string | undefined> {
    const row = this.db
      .prepare("SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?")
      .get(tokenHash, now) as { account_id: string } | undefined;
    return row?.account_id;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  async grantAccess(workshopId: string, accountId: string, role: WorkshopAccessRole): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO workshop_access (workshop_id, account_id, role) VALUES (?, ?, ?) ON CONFLICT (workshop_id, account_id) DO UPDATE SET role = excluded.role",
      )
      .run(workshopId, accountId, role);
  }

  async getAccess(workshopId: string, accountId: string): Promise<WorkshopAccess | undefined> {
    const row = this.db
      .prepare("SELECT workshop_id, role, archived FROM workshop_access WHERE workshop_id = ? AND account_id = ?")
      .get(workshopId, accountId) as AccessRow | undefined;
    return row && toAccess(row);
  }

  async listAccess(accountId: string): Promise<WorkshopAccess[]> {
    const rows = this.db
      .prepare("SELECT workshop_id, role, archived FROM workshop_access WHERE account_id = ?")
      .all(accountId) as AccessRow[];
    return rows.map(toAccess);
  }

  async setArchived(workshopId: string, accountId: string, archived: boolean): Promise<void> {
    this.db
      .prepare("UPDATE workshop_access SET archived = ? WHERE workshop_id = ? AND account_id = ?")
      .run(archived ? 1 : 0, workshopId, accountId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
