import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../core/index.js";
import { LocalEventBus } from "./eventBus.js";
import { SqliteEventStore } from "./store/sqliteStore.js";
import { WorkshopService } from "./workshopService.js";

const facilitator: Actor = { role: "facilitator", id: "fac" };

const dirs: string[] = [];
const stores: SqliteEventStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Two processes on one database that have not heard from each other: no bus between them, so the
 * second holds the workshop as it was when it loaded it, old join code and all — as a process does
 * for the moment before the shared bus brings the news, or for as long as it is cut off from Redis.
 */
async function twoProcessesApart() {
  const dir = mkdtempSync(join(tmpdir(), "concord-join-codes-"));
  dirs.push(dir);
  const file = join(dir, "concord.db");
  const [here, there] = [new SqliteEventStore(file), new SqliteEventStore(file)];
  stores.push(here, there);
  const rotating = new WorkshopService({ store: here, bus: new LocalEventBus() });
  const other = new WorkshopService({ store: there, bus: new LocalEventBus() });
  const { id, joinCode } = await rotating.create({ title: "Plenary", language: "en" });
  return { rotating, other, id, oldCode: joinCode };
}

describe("rotating a join code, seen from another process", () => {
  it("refuses the old code there at once, though that process still holds the old state", async () => {
    const { rotating, other, id, oldCode } = await twoProcessesApart();
    expect(await other.findByJoinCode(oldCode)).toBe(id);

    await rotating.rotateJoinCode(id, facilitator);

    expect((await other.get(id)).state.joinCode).toBe(oldCode);
    expect(await other.findByJoinCode(oldCode)).toBeUndefined();
  });

  it("opens the new code there at once, reading the log it has not heard of", async () => {
    const { rotating, other, id, oldCode } = await twoProcessesApart();
    expect(await other.findByJoinCode(oldCode)).toBe(id);

    const newCode = await rotating.rotateJoinCode(id, facilitator);

    expect(await other.findByJoinCode(newCode)).toBe(id);
    expect((await other.get(id)).state.joinCode).toBe(newCode);
  });

  it("opens nothing with a code the log no longer holds, even when its row was never deleted", async () => {
    const { rotating, id, oldCode } = await twoProcessesApart();
    const newCode = await rotating.rotateJoinCode(id, facilitator);
    // As if the process had stopped between the event and the deletion: the log is what counts.
    await stores[0]?.writeLink({ type: "setJoinCode", code: oldCode, workshopId: id });

    expect(await rotating.findByJoinCode(oldCode)).toBeUndefined();
    expect(await rotating.findByJoinCode(newCode)).toBe(id);
  });
});
