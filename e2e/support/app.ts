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
import { ROOM_HOST } from "./browser.js";

/** A real `concord serve` with the built web app, on its own port and data directory. */
export interface E2eServer extends ServerProcess {
  /**
   * `http://concord.test:PORT`: where the browsers open the console, the projector and the phones'
   * pages, an insecure context like the laptop's network address on the venue's Wi-Fi.
   */
  baseUrl: string;
  /** `http://127.0.0.1:PORT`: the same server for requests from the test process itself. */
  apiUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the compiled server, as `npm start` does: `npm run build` must have produced dist/ (npm
 * test and test:e2e do).
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(join(REPO_ROOT, "dist/web/index.html")) || !existsSync(join(REPO_ROOT, "dist/cli/main.js")))
    throw new Error("dist/ is missing: run npm run build first");
  const dataDir = makeTempDir();
  const port = await freePort();
  // Generous: on a busy machine with a cold disk cache, loading the server's modules is slow.
  const server = await startServerProcess(dataDir, port, 120_000, { CONCORD_FROM_SOURCE: "0" });
  return {
    ...server,
    baseUrl: `http://${ROOM_HOST}:${port}`,
    apiUrl: server.baseUrl,
    dataDir,
    async close() {
      await server.stop();
      removeDir(dataDir);
    },
  };
}
