import type { Pool } from "pg";
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
  archived: boolean;
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
  archived: row.archived,
});

/**
 * Accounts in the same PostgreSQL database as the event log (its schema comes from
 * `openPostgresPool`), so that every server process knows every facilitator and session.
 */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly pool: Pool) {}

  async createAccount(account: AccountWithSecret): Promise<void> {
    try {
      await this.pool.query(
        "INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        [account.id, account.email, account.name, account.passwordHash, account.createdAt],
      );
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === "23505" && constraint === "accounts_email_key") throw new EmailTakenError();
      throw error;
    }
  }

  async findAccountByEmail(email: string): Promise<AccountWithSecret | undefined> {
    const { rows } = await this.pool.query<AccountRow>("SELECT * FROM accounts WHERE email = $1", [email]);
    const row = rows[0];
    return row && { ...toAccount(row), passwordHash: row.password_hash };
  }

  async getAccount(accountId: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query<AccountRow>("SELECT * FROM accounts WHERE id = $1", [accountId]);
    return rows[0] && toAccount(rows[0]);
  }

  async createSession(tokenHash: string, accountId: string, expiresAt: string): Promise<void> {
    await this.pool.query("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($1, $2, $3)", [
      tokenHash,
      accountId,
      expiresAt,
    ]);
  }

  async findSession(tokenHash: string, now: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ account_id: string }>(
      "SELECT account_id FROM sessions WHERE token_hash = $1 AND expires_at > $2",
      [tokenHash, now],
    );
    return rows[0]?.account_id;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
  }

  async grantAccess(workshopId: string, accountId: string, role: WorkshopAccessRole): Promise<void> {
    await this.pool.query(
      `INSERT INTO workshop_access (workshop_id, account_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (workshop_id, account_id) DO UPDATE SET role = excluded.role`,
      [workshopId, accountId, role],
    );
  }

  async getAccess(workshopId: string, accountId: string): Promise<WorkshopAccess | undefined> {
    const { rows } = await this.pool.query<AccessRow>(
      "SELECT workshop_id, role, archived FROM workshop_access WHERE workshop_id = $1 AND account_id = $2",
      [workshopId, accountId],
    );
    return rows[0] && toAccess(rows[0]);
  }

  async listAccess(accountId: string): Promise<WorkshopAccess[]> {
    const { rows } = await this.pool.query<AccessRow>(
      "SELECT workshop_id, role, archived FROM workshop_access WHERE account_id = $1",
      [accountId],
    );
    return rows.map(toAccess);
  }

  async setArchived(workshopId: string, accountId: string, archived: boolean): Promise<void> {
    await this.pool.query("UPDATE workshop_access SET archived = $1 WHERE workshop_id = $2 AND account_id = $3", [
      archived,
      workshopId,
      accountId,
    ]);
  }

  /** The pool belongs to whoever opened it (the server closes it after both stores). */
  async close(): Promise<void> {}
}
