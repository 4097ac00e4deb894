/** A facilitator's account. Participants never have one. */
export interface Account {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** An account with its password hash, for checking a login only. */
export interface AccountWithSecret extends Account {
  passwordHash: string;
}

/** What an account may do with a workshop. */
export type WorkshopAccessRole = "owner" | "cofacilitator";

export interface WorkshopAccess {
  workshopId: string;
  role: WorkshopAccessRole;
  archived: boolean;
}

/** Thrown by `createAccount` when the email is taken. */
export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email exists");
    this.name = "EmailTakenError";
  }
}

/**
 * Accounts, sessions and who may facilitate which workshop. Beside the event log rather than in
 * it: these are secrets and access rights, not the workshop's story.
 */
export interface AccountStore {
  createAccount(account: AccountWithSecret): Promise<void>;
  findAccountByEmail(email: string): Promise<AccountWithSecret | undefined>;
  getAccount(accountId: string): Promise<Account | undefined>;
  createSession(tokenHash: string, accountId: string, expiresAt: string): Promise<void>;
  /** The session's account, if the session exists and has not expired at `now`. */
  findSession(tokenHash: string, now: string): Promise<string | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  grantAccess(workshopId: string, accountId: string, role: WorkshopAccessRole): Promise<void>;
  getAccess(workshopId: string, accountId: string): Promise<WorkshopAccess | undefined>;
  listAccess(accountId: string): Promise<WorkshopAccess[]>;
  setArchived(workshopId: string, accountId: string, archived: boolean): Promise<void>;
  close(): Promise<void>;
}
