import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticDocument } from "../report/syntheticWorkshop.js";
import { cookieOf, login, me, PASSWORD, register } from "../support/accounts.js";
import { cliEnv, runIn } from "../support/cli.js";
import {
  type CreatedWorkshop,
  fetchExport,
  freePort,
  HAS_REFERENCE_EXAMPLE,
  importWorkshop,
  makeTempDir,
  needsReferenceExample,
  readReferenceExample,
  removeDir,
  requestJson,
  startServerProcess,
} from "../support/server.js";
import { createTestDatabase, servicesAvailable, type TestDatabase } from "../support/services.js";
import { connectClient } from "../support/wsClient.js";

const available = await servicesAvailable("concord backup, restore and copy", { postgres: true });

const EMAIL = "backup-owner@example.test";
const dirs: string[] = [];
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

/** `concord ARGS…` on the SQLite store in `dataDir`; fails the test unless it exits with `code`. */
async function concord(dataDir: string, args: string[], code = 0) {
  const run = await runIn(cliEnv({ CONCORD_DATA_DIR: dataDir }), process.execPath, ["bin/concord.js", ...args]);
  expect(run.code, `concord ${args.join(" ")}:\n${run.stderr}`).toBe(code);
  return run;
}

/** The bytes `concord export ID` writes for each workshop of the store in `dataDir`. */
async function exportsOf(dataDir: string, workshops: CreatedWorkshop[]): Promise<Buffer[]> {
  const out = tempDir();
  const files: Buffer[] = [];
  for (const { id } of workshops) {
    const file = join(out, `${id}.json`);
    await concord(dataDir, ["export", id, "--out", file]);
    files.push(readFileSync(file));
  }
  return files;
}

// Child processes that each load TypeScript, and a 2,000-card workshop moved four times: slow on a busy machine.
describe.skipIf(!available || !HAS_REFERENCE_EXAMPLE)(
  needsReferenceExample("the whole store, backed up and moved"),
  { timeout: 600_000 },
  () => {
    let source: string;
    let backup: string;
    let database: TestDatabase;
    let workshops: CreatedWorkshop[];
    let session: string;
    let reportPath: string;
    let events: unknown[];
    let exported: Buffer[];

    beforeAll(async () => {
      source = tempDir();
      backup = join(tempDir(), "concord-backup.jsonl.gz");
      database = await createTestDatabase();
      const server = await startServerProcess(source, await freePort(), 120_000);
      try {
        const registered = await register(server.baseUrl, EMAIL);
        session = cookieOf(registered) ?? "";
        workshops = [
          await importWorkshop(server.baseUrl, session, readReferenceExample()),
          await importWorkshop(server.baseUrl, session, syntheticDocument({ themes: 16, cards: 2_000, voters: 12 })),
        ];
        const [example] = workshops;
        if (!example) throw new Error("no example");
        // Events after the import, so the logs hold more than the workshops' creation.
        const facilitator = await connectClient({
          wsUrl: server.wsUrl,
          workshopId: example.id,
          role: "facilitator",
          facilitatorKey: example.facilitatorKey,
        });
        await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
        await facilitator.expectAck("card", {
          type: "addCard",
          cardId: "after-import",
          text: "Added before the backup",
        });
        await facilitator.close();
        const published = await requestJson<{ url: string }>(
          server.baseUrl,
          "POST",
          `/api/workshops/${example.id}/publish`,
          undefined,
          example,
        );
        reportPath = new URL(published.body.url).pathname;
        events = (
          await requestJson<{ events: unknown[] }>(
            server.baseUrl,
            "GET",
            `/api/workshops/${example.id}/events`,
            undefined,
            example,
          )
        ).body.events;
        expect(events.length).toBeGreaterThan(2);

        // While the server runs.
        await concord(source, ["backup", backup]);
      } finally {
        await server.stop();
      }
      exported = await exportsOf(source, workshops);
    }, 300_000);

    afterAll(async () => {
      await database?.drop();
      for (const dir of dirs.splice(0)) removeDir(dir);
    });

    /** A server on the moved store: same exports, the account signs in, keys, sessions and report links work. */
    async function expectSameStore(dataDir: string): Promise<void> {
      expect(await exportsOf(dataDir, workshops)).toEqual(exported);
      const server = await startServerProcess(dataDir, await freePort(), 120_000);
      try {
        const signedIn = await login(server.baseUrl, EMAIL, PASSWORD);
        expect(signedIn.status).toBe(200);
        expect((await me(server.baseUrl, session)).body.account?.email).toBe(EMAIL);
        expect((await login(server.baseUrl, EMAIL, "not the password")).status).toBe(401);
        for (const workshop of workshops) {
          expect((await fetchExport(server.baseUrl, workshop)).status).toBe(200);
          expect((await fetchExport(server.baseUrl, { ...workshop, facilitatorKey: "x".repeat(32) })).status).toBe(403);
        }
        const [example] = workshops;
        const log = await requestJson<{ events: unknown[] }>(
          server.baseUrl,
          "GET",
          `/api/workshops/${example?.id}/events`,
          undefined,
          example,
        );
        expect(log.body.events).toEqual(events);
        expect((await fetch(`${server.baseUrl}${reportPath}`)).status).toBe(200);
      } finally {
        await server.stop();
      }
    }

    it("backup → restore gives byte-identical exports, and a second restore is refused", async () => {
      const restored = tempDir();
      expect((await concord(restored, ["restore", backup])).stdout).toMatch(
        /^Restored from .*: workshops 3, events \d+, .*accounts 1,/,
      );
      await expectSameStore(restored);
      const again = await concord(restored, ["restore", backup], 1);
      expect(again.stderr).toMatch(/not empty/);
    });

    it("copy SQLite → PostgreSQL → SQLite gives byte-identical exports, and refuses a target with data", async () => {
      const back = tempDir();
      await concord(source, ["copy", "--from", `sqlite:${source}`, "--to", database.url]);
      await concord(source, ["copy", "--from", database.url, "--to", `sqlite:${back}`]);
      await expectSameStore(back);
      const again = await concord(source, ["copy", "--from", `sqlite:${source}`, "--to", database.url], 1);
      expect(again.stderr).toMatch(/not empty/);
    });
  },
);
