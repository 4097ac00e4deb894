import { afterEach, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../src/core/index.js";
import {
  fetchExport,
  fetchWorkshop,
  freePort,
  HAS_REFERENCE_EXAMPLE,
  importWorkshop,
  listWorkshops,
  makeTempDir,
  REFERENCE_EXAMPLE,
  REPO_FIXTURE,
  REPO_ROOT,
  readJson,
  removeDir,
  type ServerProcess,
  signUp,
  startServerProcess,
} from "../support/server.js";
import { connectClient, type TestClient } from "../support/wsClient.js";

const DEMO_TITLE = (readJson(`${REPO_ROOT}/src/server/demo/demo.workshop.json`) as { title: string }).title;
// The reference example when it is beside the repository; otherwise a committed file, so that the
// restart guarantees are still checked in a bare clone.
const EXAMPLE = HAS_REFERENCE_EXAMPLE ? REFERENCE_EXAMPLE : REPO_FIXTURE;

const processes: ServerProcess[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(processes.splice(0).map((server) => server.stop()));
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function serve(dataDir: string, port: number): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir, port);
  processes.push(server);
  return server;
}

async function stop(server: ServerProcess): Promise<number | null> {
  processes.splice(processes.indexOf(server), 1);
  return server.stop();
}

describe("a server restarted on the same data dir", () => {
  it("keeps every workshop, seeds the demo only once, and lets clients resume with `since`", async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const port = await freePort();

    // First run: a fresh store holds only the seeded demo.
    const first = await serve(dataDir, port);
    const initial = await listWorkshops(first.baseUrl);
    expect(initial.map((workshop) => workshop.title)).toEqual([DEMO_TITLE]);

    const session = await signUp(first.baseUrl);
    const doc = readJson(EXAMPLE);
    const created = await importWorkshop(first.baseUrl, session, doc);
    const facilitator = await connectClient({
      wsUrl: first.wsUrl,
      workshopId: created.id,
      role: "facilitator",
      facilitatorKey: created.facilitatorKey,
    });
    clients.push(facilitator);
    await facilitator.expectAck("to-brainstorm", { type: "setPhase", phase: "brainstorm" });
    const author = await connectClient({
      wsUrl: first.wsUrl,
      workshopId: created.id,
      role: "participant",
      participantId: "author",
    });
    const reader = await connectClient({
      wsUrl: first.wsUrl,
      workshopId: created.id,
      role: "participant",
      participantId: "reader",
    });
    clients.push(author, reader);
    await author.expectAck("r1", { type: "addCard", cardId: "restart-1", text: "Before the restart" });
    await author.expectAck("r2", { type: "addCard", cardId: "restart-2", text: "Also before" });
    await reader.waitForSeq(author.seq);
    const held = reader.replica;
    if (!held) throw new Error("the reader holds no replica");
    await reader.close();
    const missed = [
      await author.expectAck("r3", { type: "addCard", cardId: "restart-3", text: "While the reader was away" }),
      await author.expectAck("r4", { type: "addCard", cardId: "restart-4", text: "Last before the restart" }),
    ];

    const before = await fetchWorkshop(first.baseUrl, created);
    const exportBefore = await fetchExport(first.baseUrl, created);
    const listedBefore = await listWorkshops(first.baseUrl, session);
    expect(listedBefore.map((workshop) => workshop.id).sort()).toEqual([created.id, initial[0]?.id].sort());
    expect(before.seq).toBe(missed[1]?.seq);
    expect(before.state.unclustered.slice(-4)).toEqual(["restart-1", "restart-2", "restart-3", "restart-4"]);

    // SIGTERM: a clean exit, and connected clients are told it is a restart.
    expect(await stop(first), first.output()).toBe(0);
    expect((await author.closedWithin()).code).toBe(CLOSE_CODES.serverRestart);

    // Second run on the same data dir.
    const second = await serve(dataDir, port);
    const after = await fetchWorkshop(second.baseUrl, created);
    expect(after).toEqual(before);
    const exportAfter = await fetchExport(second.baseUrl, created);
    expect(exportAfter.status).toBe(200);
    expect(exportAfter.body).toEqual(exportBefore.body);
    // The session and the accounts survive the restart too.
    const listedAfter = await listWorkshops(second.baseUrl, session);
    expect(listedAfter).toEqual(listedBefore);
    const publicAfter = await listWorkshops(second.baseUrl);
    expect(publicAfter.map((workshop) => workshop.title)).toEqual([DEMO_TITLE]);
    expect(publicAfter.map((workshop) => workshop.id)).toEqual(initial.map((workshop) => workshop.id));

    // The reader resumes from what it held: exactly the missed events, then it writes on.
    const back = await connectClient({
      wsUrl: second.wsUrl,
      workshopId: created.id,
      role: "participant",
      participantId: "reader",
      resumeFrom: held,
    });
    clients.push(back);
    expect(back.messages.map((message) => message.type)).not.toContain("snapshot");
    expect(back.receivedSeqs).toEqual(missed.map((ack) => ack.seq));
    expect(back.gaps).toEqual([]);
    expect(back.state).toEqual(back.viewOf(after.state));
    const next = await back.expectAck("r5", { type: "addCard", cardId: "restart-5", text: "After the restart" });
    expect(next).toEqual({ type: "ack", id: "r5", seq: before.seq + 1, duplicate: false });
    // A command retried across the restart is still recognised as already applied.
    const retried = await connectClient({
      wsUrl: second.wsUrl,
      workshopId: created.id,
      role: "participant",
      participantId: "author",
    });
    clients.push(retried);
    expect(await retried.send("r4", { type: "addCard", cardId: "restart-4", text: "Last before the restart" })).toEqual(
      { ...missed[1], duplicate: true },
    );
    expect((await fetchWorkshop(second.baseUrl, created)).seq).toBe(before.seq + 1);

    expect(await stop(second), second.output()).toBe(0);
  });
});
