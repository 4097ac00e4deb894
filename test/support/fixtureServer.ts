import { afterAll, beforeAll } from "vitest";
import {
  type CreatedWorkshop,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  startTestServer,
  type TestServer,
} from "./server.js";

type ServerOptions = Parameters<typeof startTestServer>[0];

/** A test file's server with the repository's French fixture imported: the workshop most server tests work on. */
export interface FixtureServer {
  /** The file's server, started before its first test. */
  readonly server: TestServer;
  /** The imported workshop, with its facilitator key. */
  readonly workshop: CreatedWorkshop;
  /** The workshop's themes' ids in board order: the options of a ballot opened on it. */
  readonly themeIds: string[];
}

/**
 * Starts one server for the test file, imports the fixture into it, and stops it after the file.
 * `options` may be a function, for options known only once other `beforeAll`s have run (an SMTP
 * relay's port).
 */
export function withFixtureServer(options: ServerOptions | (() => ServerOptions) = {}): FixtureServer {
  let started: FixtureServer | undefined;
  beforeAll(async () => {
    const server = await startTestServer(typeof options === "function" ? options() : options);
    const doc = readJson(REPO_FIXTURE) as { themes: { id: string }[] };
    const workshop = await importWorkshop(server.baseUrl, server.session, doc);
    started = { server, workshop, themeIds: doc.themes.map((theme) => theme.id) };
  });
  afterAll(async () => {
    await started?.server.stop();
  });
  const ready = () => {
    if (!started) throw new Error("The fixture server starts in beforeAll");
    return started;
  };
  return {
    get server() {
      return ready().server;
    },
    get workshop() {
      return ready().workshop;
    },
    get themeIds() {
      return ready().themeIds;
    },
  };
}

/** Imports the fixture again: a workshop of the test's own, whose ballots no other test counts. */
export const importFixture = (server: TestServer): Promise<CreatedWorkshop> =>
  importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
