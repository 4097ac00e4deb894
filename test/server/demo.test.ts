import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reissueDemoKey, seedDemoOnce } from "../../src/server/demo.js";
import { isFacilitatorKey } from "../../src/server/facilitatorKeys.js";
import { accountIdOf, ids, list } from "../support/accounts.js";
import {
  type CreatedWorkshop,
  createWorkshop,
  fetchExport,
  requestJson,
  signUp,
  startTestServer,
  type TestServer,
} from "../support/server.js";

/** The public demo workshop: seeded once, listed for everyone, copied rather than changed. */

describe("the public demo", () => {
  it("is not listed to anonymous visitors when it was not seeded", async () => {
    const server = await startTestServer();
    try {
      await createWorkshop(server.baseUrl, server.session, "Private");
      expect(await list(server.baseUrl)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  describe("once seeded", () => {
    let server: TestServer;
    let demoId: string;
    let demoKey: string;

    beforeAll(async () => {
      server = await startTestServer();
      const seeded = await seedDemoOnce(server.store, server.service);
      if (!seeded) throw new Error("the demo was not seeded");
      demoId = seeded.id;
      demoKey = seeded.facilitatorKey;
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("is not seeded twice; a later link comes with a new key, and the store holds only its hash", async () => {
      expect(await seedDemoOnce(server.store, server.service)).toBeUndefined();
      expect(await isFacilitatorKey(server.store, demoId, demoKey)).toBe(true);
      const stored = await server.store.readLink({ type: "facilitatorKeyHash", workshopId: demoId });
      expect(stored).toBeDefined();
      expect(stored).not.toContain(demoKey);

      const again = await reissueDemoKey(server.store);
      expect(again?.id).toBe(demoId);
      const newKey = again?.facilitatorKey ?? "";
      expect(newKey).not.toBe(demoKey);
      expect(await isFacilitatorKey(server.store, demoId, newKey)).toBe(true);
      expect(await isFacilitatorKey(server.store, demoId, demoKey)).toBe(false);
      demoKey = newKey;
    });

    it("is listed, alone and marked public, to anonymous visitors; private workshops are not", async () => {
      const hidden = await createWorkshop(server.baseUrl, server.session, "Private next to the demo");
      const anonymous = await list(server.baseUrl);
      expect(ids(anonymous)).toEqual([demoId]);
      expect(anonymous[0]).toMatchObject({ id: demoId, public: true });
      expect(ids(anonymous)).not.toContain(hidden.id);
    });

    it("is listed as public (no role) to a signed-in account that has no access to it", async () => {
      const fresh = await signUp(server.baseUrl);
      const listed = await list(server.baseUrl, fresh);
      expect(listed.find((workshop) => workshop.id === demoId)).toMatchObject({ public: true, role: null });
    });

    it("can be duplicated by any signed-in account, which owns the copy", async () => {
      const fresh = await signUp(server.baseUrl);
      const accountId = await accountIdOf(server.baseUrl, fresh);
      const copy = await requestJson<CreatedWorkshop>(
        server.baseUrl,
        "POST",
        `/api/workshops/${demoId}/duplicate`,
        undefined,
        fresh,
      );
      expect(copy.status).toBe(201);
      expect(copy.body.id).not.toBe(demoId);
      expect(await server.accounts.getAccess(copy.body.id, accountId)).toEqual({
        workshopId: copy.body.id,
        role: "owner",
        archived: false,
      });
      // Copying gives no rights over the demo itself.
      expect(await server.accounts.getAccess(demoId, accountId)).toBeUndefined();

      const listed = await list(server.baseUrl, fresh);
      expect(listed.find((workshop) => workshop.id === copy.body.id)).toMatchObject({ role: "owner", public: false });
      // The copy is private: neither anonymous visitors nor the facilitator who started the server see it.
      expect(ids(await list(server.baseUrl))).toEqual([demoId]);
      expect(ids(await list(server.baseUrl, server.session))).not.toContain(copy.body.id);

      const demoExport = await fetchExport(server.baseUrl, { id: demoId, facilitatorKey: demoKey });
      const copyExport = await fetchExport(server.baseUrl, copy.body);
      // Anyone may copy a public workshop such as the demo, but reading it stays its facilitators':
      // it may hold what participants are not shown (the dots before the reveal).
      expect(demoExport.status).toBe(200);
      expect((await requestJson(server.baseUrl, "GET", `/api/workshops/${demoId}/export`)).status).toBe(403);
      expect(copyExport.body).toStrictEqual(demoExport.body);
    });

    it("cannot be duplicated anonymously (401), nor archived by an account without access (403)", async () => {
      const anonymous = await requestJson(server.baseUrl, "POST", `/api/workshops/${demoId}/duplicate`);
      expect(anonymous.status).toBe(401);
      const fresh = await signUp(server.baseUrl);
      const archive = await requestJson(
        server.baseUrl,
        "POST",
        `/api/workshops/${demoId}/archive`,
        { archived: true },
        fresh,
      );
      expect(archive.status).toBe(403);
    });
  });
});
