import { assertNever } from "../../core/index.js";

/**
 * The small tables beside the log (schema v3; they were name-value flags before): join codes,
 * public workshops, facilitator keys (hashed), report links and the demo. Reads and writes are
 * data, so one SQL text per case serves both stores and the SQLite writer thread can be sent a write.
 */
export type LinkRead =
  | { type: "workshopOfJoinCode"; code: string }
  /** The workshop's own id when it is public. */
  | { type: "publicWorkshop"; workshopId: string }
  | { type: "facilitatorKeyHash"; workshopId: string }
  | { type: "reportToken"; workshopId: string }
  | { type: "workshopOfReportToken"; token: string }
  | { type: "demoWorkshop" };

/** A change to those tables. Setting replaces; removing what is not there does nothing. */
export type LinkWrite =
  | { type: "setJoinCode"; code: string; workshopId: string }
  | { type: "removeJoinCode"; code: string }
  | { type: "makePublic"; workshopId: string }
  | { type: "setFacilitatorKeyHash"; workshopId: string; keyHash: string }
  | { type: "setReportToken"; workshopId: string; token: string }
  | { type: "removeReportToken"; workshopId: string }
  | { type: "setDemo"; workshopId: string };

/** One statement with `?` placeholders (the PostgreSQL store numbers them). */
export interface LinkStatement {
  sql: string;
  params: string[];
}

/** The query of a read: it selects one column, `value`, of at most one row. */
export function linkReadSql(read: LinkRead): LinkStatement {
  switch (read.type) {
    case "workshopOfJoinCode":
      return { sql: "SELECT workshop_id AS value FROM join_codes WHERE code = ?", params: [read.code] };
    case "publicWorkshop":
      return {
        sql: "SELECT workshop_id AS value FROM public_workshops WHERE workshop_id = ?",
        params: [read.workshopId],
      };
    case "facilitatorKeyHash":
      return { sql: "SELECT key_hash AS value FROM facilitator_keys WHERE workshop_id = ?", params: [read.workshopId] };
    case "reportToken":
      return { sql: "SELECT token AS value FROM report_links WHERE workshop_id = ?", params: [read.workshopId] };
    case "workshopOfReportToken":
      return { sql: "SELECT workshop_id AS value FROM report_links WHERE token = ?", params: [read.token] };
    case "demoWorkshop":
      return { sql: "SELECT workshop_id AS value FROM demo", params: [] };
    default:
      return assertNever(read);
  }
}

/** The statement of a write (the same text in SQLite and PostgreSQL). */
export function linkWriteSql(write: LinkWrite): LinkStatement {
  switch (write.type) {
    case "setJoinCode":
      return {
        sql: `INSERT INTO join_codes (code, workshop_id) VALUES (?, ?)
              ON CONFLICT (code) DO UPDATE SET workshop_id = excluded.workshop_id`,
        params: [write.code, write.workshopId],
      };
    case "removeJoinCode":
      return { sql: "DELETE FROM join_codes WHERE code = ?", params: [write.code] };
    case "makePublic":
      return {
        sql: "INSERT INTO public_workshops (workshop_id) VALUES (?) ON CONFLICT (workshop_id) DO NOTHING",
        params: [write.workshopId],
      };
    case "setFacilitatorKeyHash":
      return {
        sql: `INSERT INTO facilitator_keys (workshop_id, key_hash) VALUES (?, ?)
              ON CONFLICT (workshop_id) DO UPDATE SET key_hash = excluded.key_hash`,
        params: [write.workshopId, write.keyHash],
      };
    case "setReportToken":
      return {
        sql: `INSERT INTO report_links (token, workshop_id) VALUES (?, ?)
              ON CONFLICT (workshop_id) DO UPDATE SET token = excluded.token`,
        params: [write.token, write.workshopId],
      };
    case "removeReportToken":
      return { sql: "DELETE FROM report_links WHERE workshop_id = ?", params: [write.workshopId] };
    case "setDemo":
      return {
        sql: `INSERT INTO demo (singleton, workshop_id) VALUES (1, ?)
              ON CONFLICT (singleton) DO UPDATE SET workshop_id = excluded.workshop_id`,
        params: [write.workshopId],
      };
    default:
      return assertNever(write);
  }
}
