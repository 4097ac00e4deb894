import { afterAll, afterEach, beforeAll } from "vitest";
import { startTestServer, type TestServer } from "./server.js";
import { type ClientOptions, connectClient, openClient, type TestClient } from "./wsClient.js";

export interface LiveServer {
  /** The file's server, started before its first test. */
  readonly server: TestServer;
  /** Connects and waits for the initial state; the client is closed after the test. */
  connect(options: Omit<ClientOptions, "wsUrl">): Promise<TestClient>;
  /** Opens (and says hello unless told not to) without waiting for a welcome, for handshakes that should fail. */
  open(options: Omit<ClientOptions, "wsUrl">): Promise<TestClient>;
  /** Closes a client made elsewhere after the test, too. */
  track(client: TestClient): TestClient;
}

/**
 * One real server for a test file and WebSocket clients that never outlive their test: the
 * hooks every WebSocket test file needs, registered once here.
 */
export function withLiveServer(): LiveServer {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });
  const live: LiveServer = {
    get server() {
      if (!server) throw new Error("The test server starts in beforeAll");
      return server;
    },
    connect: async (options) => live.track(await connectClient({ wsUrl: live.server.wsUrl, ...options })),
    open: async (options) => live.track(await openClient({ wsUrl: live.server.wsUrl, ...options })),
    track(client) {
      clients.push(client);
      return client;
    },
  };
  return live;
}
