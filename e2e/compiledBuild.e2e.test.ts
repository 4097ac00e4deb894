import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CreatedWorkshop,
  freePort,
  importWorkshop,
  makeTempDir,
  REPO_ROOT,
  readJson,
  removeDir,
  requestJson,
  type ServerProcess,
  signUp,
  startServerProcess,
} from "../test/support/server.js";

/**
 * A hook on Node's module loader (`module.register`) that writes the URL of every module a thread
 * loads to the file `data.log`, one a line.
 */
const RECORDING_HOOKS = `import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, nextLoad) {
  appendFileSync(log, url + "\\n");
  return nextLoad(url, context);
}
`;

/** The compiled file of each worker thread the server starts (every `new Worker(` in src/). */
const WORKERS = [
  "dist/server/store/sqliteWriter.worker.js",
  "dist/report/pool/reportWorker.js",
  "dist/themes/model/embedWorker.js",
  "dist/themes/jobs/suggestionWorker.js",
];

/**
 * What `npm start` and a service run after `npm run build`: `node bin/concord.js serve` on the
 * compiled build in dist/. It must run on JavaScript alone — TypeScript and tsx are development
 * dependencies, absent where `npm ci --omit=dev` installed the server. Node is started with
 * `--import` of a module that registers the recording hooks, which every worker thread inherits.
 */
describe("the compiled server", () => {
  const dir = makeTempDir();
  const log = join(dir, "loaded-modules.txt");
  let server: ServerProcess;
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, "dist/cli/main.js"))) throw new Error("dist/ is missing: run npm run build first");
    const hooks = join(dir, "hooks.mjs");
    const recorder = join(dir, "record-modules.mjs");
    writeFileSync(hooks, RECORDING_HOOKS);
    writeFileSync(
      recorder,
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });\n`,
    );
    writeFileSync(log, "");
    server = await startServerProcess(join(dir, "data"), await freePort(), 120_000, {
      // However the shell that runs the tests was set up: the build, not the sources.
      CONCORD_FROM_SOURCE: "0",
      NODE_OPTIONS: `--import=${pathToFileURL(recorder).href}`,
    });
    const session = await signUp(server.baseUrl);
    workshop = await importWorkshop(
      server.baseUrl,
      session,
      readJson(join(REPO_ROOT, "src/server/demo/demo.workshop.json")),
    );
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dir);
  });

  it("serves the web app and the demo workshop it imported on its first start", async () => {
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    // An anonymous visitor sees the public demo alone (its JSON file was copied into dist/).
    const { body } = await requestJson<{ workshops: { public?: boolean }[] }>(server.baseUrl, "GET", "/api/workshops");
    expect(body.workshops).toEqual([expect.objectContaining({ public: true })]);
  });

  it("renders a report and suggests columns on its worker threads", async () => {
    const report = await fetch(`${server.baseUrl}/api/workshops/${workshop.id}/report?format=pdf`, {
      headers: { "x-facilitator-key": workshop.facilitatorKey },
    });
    expect(report.status).toBe(200);
    expect(
      Buffer.from(await report.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const clusters = await requestJson(
      server.baseUrl,
      "GET",
      `/api/workshops/${workshop.id}/suggestions/clusters`,
      undefined,
      workshop,
    );
    expect(clusters.status, JSON.stringify(clusters.body)).toBe(200);
  });

  it("has loaded no TypeScript and no tsx, on its main thread or on any worker thread", () => {
    const loaded = readFileSync(log, "utf8").split("\n").filter(Boolean);
    // The hooks saw every thread: each worker's compiled file is among the modules loaded.
    for (const worker of WORKERS) expect(loaded).toContain(pathToFileURL(join(REPO_ROOT, worker)).href);
    expect(loaded.filter((url) => /\.[cm]?tsx?$/.test(url))).toEqual([]);
    expect(loaded.filter((url) => url.includes("/node_modules/tsx/"))).toEqual([]);
  });
});
