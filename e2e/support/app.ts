import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  freePort,
  makeTempDir,
  REPO_ROOT,
  removeDir,
  type ServerProcess,
  startServerProcess,
} from "../../test/support/server.js";

/** A real `concord serve` with the built web app, on its own port and data directory. */
export interface E2eServer extends ServerProcess {
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the server; `npm run build` must have produced dist/web (npm test and test:e2e do). */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(join(REPO_ROOT, "dist/web/index.html")))
    throw new Error("dist/web is missing: run npm run build first");
  const dataDir = makeTempDir();
  // Generous: on a busy machine with a cold disk cache, loading the sources through tsx is slow.
  const server = await startServerProcess(dataDir, await freePort(), 120_000);
  return {
    ...server,
    dataDir,
    async close() {
      await server.stop();
      removeDir(dataDir);
    },
  };
}
