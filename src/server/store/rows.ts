import type { DomainEvent, Role } from "../../core/index.js";
import type { StoredEvent, WorkshopSummary } from "./eventStore.js";

/** The row shapes of the tables both stores share (same names and columns in SQLite and PostgreSQL). */
export interface WorkshopRow {
  id: string;
  title: string;
  seq: number;
  created_at: string;
  updated_at: string;
}

export interface EventRow {
  workshop_id: string;
  seq: number;
  at: string;
  actor_role: string;
  actor_id: string;
  command_id: string;
  payload: string;
}

export const EVENT_COLUMNS = "workshop_id, seq, at, actor_role, actor_id, command_id, payload";
export const WORKSHOP_COLUMNS = "id, title, seq, created_at, updated_at";

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    workshopId: row.workshop_id,
    seq: row.seq,
    at: row.at,
    actor: { role: row.actor_role as Role, id: row.actor_id },
    commandId: row.command_id,
    event: JSON.parse(row.payload) as DomainEvent,
  };
}

export function toSummary(row: WorkshopRow): WorkshopSummary {
  return { id: row.id, title: row.title, seq: row.seq, createdAt: row.created_at, updatedAt: row.updated_at };
}
