import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, runIn } from "../support/cli.js";
import { fetchExport, freePort, makeTempDir, removeDir, startServerProcess } from "../support/server.js";

const dataDir = makeTempDir();
afterAll(() => removeDir(dataDir));

const KEY_LINK = /\/w\/[^\s"#]+#key=[A-Za-z0-9_-]+/;
/** The workshop id and facilitator key a printed link carries. */
function parseLink(link: string | undefined): { id: string; facilitatorKey: string } {
  const [, id = "", facilitatorKey = ""] = /\/w\/([^#]+)#key=(.+)/.exec(link ?? "") ?? [];
  return { id, facilitatorKey };
}

// Two server starts and a CLI run, each a child process that loads TypeScript: slow on a busy machine.
describe("the demo's facilitator key", { timeout: 300_000 }, () => {
  it("is printed on the first start only; `concord demo-link` prints a new one that opens the console", async () => {
    const start = async () => {
      const server = await startServerProcess(dataDir, await freePort(), 120_000, { LOG_LEVEL: "info" });
      const output = server.output();
      await server.stop();
      return output;
    };
    const first = (await start()).match(KEY_LINK)?.[0];
    expect(first).toBeDefined();
    const second = await start();
    expect(second).toContain("Concord is running");
    expect(second).not.toMatch(KEY_LINK);

    const printed = await runIn(cliEnv({ CONCORD_DATA_DIR: dataDir }), process.execPath, [
      "bin/concord.js",
      "demo-link",
    ]);
    expect(printed.code).toBe(0);
    const fresh = parseLink(printed.stdout.match(KEY_LINK)?.[0]);
    const old = parseLink(first);
    // The store keeps only a hash of the first key: the link printed now carries a new key, and it works.
    expect(fresh.id).toBe(old.id);
    expect(fresh.facilitatorKey).not.toBe(old.facilitatorKey);
    const server = await startServerProcess(dataDir, await freePort(), 120_000);
    try {
      expect((await fetchExport(server.baseUrl, fresh)).status).toBe(200);
      expect((await fetchExport(server.baseUrl, old)).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it("`concord demo-link` on a store without the demo says so", async () => {
    const empty = makeTempDir();
    try {
      const printed = await runIn(cliEnv({ CONCORD_DATA_DIR: empty }), process.execPath, [
        "bin/concord.js",
        "demo-link",
      ]);
      expect(printed.code).toBe(1);
      expect(printed.stderr).toMatch(/no demo workshop yet/);
    } finally {
      removeDir(empty);
    }
  });
});
