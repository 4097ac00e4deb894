import { expect } from "vitest";
import { isFacilitatorKey } from "../facilitatorKeys.js";
import { currentReportToken, workshopOfReportToken } from "../routes/reportLinks.js";
import { isPublic } from "../visibility.js";
import type { EventStore } from "./eventStore.js";

/** The last schema that had the flags table, in both stores' numbering. */
export const LAST_FLAGS_SCHEMA = 2;

const TOKEN = "T".repeat(43);
const REVOKED = "R".repeat(43);

/** Workshops (id, title, seq, created_at, updated_at) and flags as a store at schema 2 held them. */
export const LEGACY_WORKSHOPS = ["w1", "w2"].map((id) => [id, `Workshop ${id}`, 0, "2025-03-01", "2025-03-01"]);
export const LEGACY_FLAGS: [string, string][] = [
  ["demoSeeded", "w1"],
  ["public:w1", "1"],
  ["facilitatorKey:w1", "key-of-w1"],
  ["facilitatorKey:w2", "key-of-w2"],
  ["joinCode:ABC234", "w1"],
  ["joinCode:XYZ789", "w2"],
  [`reportLink:${TOKEN}`, "w2"],
  ["reportLinkOf:w2", TOKEN],
  // Revoked before the tables existed: empty values.
  [`reportLink:${REVOKED}`, ""],
  ["reportLinkOf:w1", ""],
  // Flags of a workshop that is not in the store cannot move to tables that reference it.
  ["joinCode:GHOST2", "ghost"],
  ["facilitatorKey:ghost", "key-of-ghost"],
];

/** What the flags above must still do once the store opens at the new schema. */
export async function expectFlagsMigrated(store: EventStore): Promise<void> {
  expect(await store.readLink({ type: "demoWorkshop" })).toBe("w1");
  expect(await isPublic(store, "w1")).toBe(true);
  expect(await isPublic(store, "w2")).toBe(false);

  expect(await isFacilitatorKey(store, "w1", "key-of-w1")).toBe(true);
  expect(await isFacilitatorKey(store, "w2", "key-of-w2")).toBe(true);
  expect(await isFacilitatorKey(store, "w1", "key-of-w2")).toBe(false);
  // Hashed on the way, like a session token.
  expect(await store.readLink({ type: "facilitatorKeyHash", workshopId: "w1" })).not.toContain("key-of-w1");

  expect(await store.readLink({ type: "workshopOfJoinCode", code: "ABC234" })).toBe("w1");
  expect(await store.readLink({ type: "workshopOfJoinCode", code: "XYZ789" })).toBe("w2");
  expect(await store.readLink({ type: "workshopOfJoinCode", code: "GHOST2" })).toBeUndefined();

  expect(await workshopOfReportToken(store, TOKEN)).toBe("w2");
  expect(await currentReportToken(store, "w2")).toBe(TOKEN);
  expect(await workshopOfReportToken(store, REVOKED)).toBeUndefined();
  expect(await currentReportToken(store, "w1")).toBeUndefined();
}
