import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { blankWorkshop } from "../../../test/support/workshops.js";
import { PROTOCOL_VERSION, type ServerMessage } from "../../core/index.js";
import { LiveClient } from "./liveClient.js";

/** Just enough of a browser WebSocket for the client: what it sent, and a way to answer. */
class FakeSocket {
  static readonly OPEN = 1;
  static sockets: FakeSocket[] = [];
  readyState = FakeSocket.OPEN;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.sockets.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {}

  receive(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

beforeEach(() => {
  FakeSocket.sockets = [];
  const storage = new Map<string, string>();
  vi.stubGlobal("window", { addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  vi.stubGlobal("WebSocket", FakeSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A client whose socket is open and live on a blank workshop. */
function liveClient(): { client: LiveClient; socket: FakeSocket } {
  const client = new LiveClient({ url: "ws://test", workshopId: "w1", role: "participant", participantId: "p1" });
  const socket = FakeSocket.sockets[0];
  if (!socket) throw new Error("no socket");
  socket.onopen?.();
  const actor = { role: "participant" as const, id: "p1" };
  const serverTime = new Date().toISOString();
  socket.receive({ type: "welcome", protocol: PROTOCOL_VERSION, workshopId: "w1", actor, seq: 0, serverTime });
  socket.receive({ type: "snapshot", seq: 0, state: JSON.parse(JSON.stringify(blankWorkshop())) });
  expect(client.current.status).toBe("live");
  return { client, socket };
}

/** The id the client gave the last command it sent. */
const lastCommandId = (socket: FakeSocket) => (socket.sent.at(-1) as { id: string }).id;

describe("LiveClient keeps a refusal's reason and params for the page to translate", () => {
  it("a refused command's reason and params reach lastError beside the English message", () => {
    const { client, socket } = liveClient();
    client.send({ type: "addCard", cardId: "c1", text: "x".repeat(300) });
    socket.receive({
      type: "error",
      id: lastCommandId(socket),
      code: "invalid",
      message: "A card holds at most 280 characters",
      reason: "cardTooLong",
      params: { max: 280 },
    });
    expect(client.current.lastError).toEqual({
      code: "invalid",
      message: "A card holds at most 280 characters",
      reason: "cardTooLong",
      params: { max: 280 },
    });
    expect(client.current.pending).toBe(0);
    client.close();
  });

  it("a command someone waits for settles with the reason and params", async () => {
    const { client, socket } = liveClient();
    const outcome = client.sendAndWait({ type: "castVote", themeId: "t1", count: 4 });
    socket.receive({
      type: "error",
      id: lastCommandId(socket),
      code: "invalid",
      message: "At most 3 votes on one theme",
      reason: "tooManyVotesOnTheme",
      params: { max: 3 },
    });
    expect(await outcome).toEqual({
      ok: false,
      code: "invalid",
      message: "At most 3 votes on one theme",
      reason: "tooManyVotesOnTheme",
      params: { max: 3 },
    });
    expect(client.current.lastError).toBeUndefined();
    client.close();
  });

  it("an older server's error, without a reason, keeps its code and message", () => {
    const { client, socket } = liveClient();
    client.send({ type: "setPhase", phase: "brainstorm" });
    socket.receive({ type: "error", id: lastCommandId(socket), code: "forbidden", message: "Not allowed" });
    expect(client.current.lastError).toEqual({ code: "forbidden", message: "Not allowed" });
    client.close();
  });
});
