import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import { LocalEventBus } from "../eventBus.js";
import { SqliteEventStore } from "../store/sqliteStore.js";
import { WorkshopService } from "../workshopService.js";
import { Connection, type ConnectionLog } from "./connection.js";
import { Hub } from "./hub.js";

/**
 * A socket whose unsent backlog the test sets: a real one only shows a backlog after the kernel's
 * buffers (megabytes on loopback) are full, which is too slow to reach in a unit test.
 */
class StalledSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  terminated = false;

  send(data: string | Buffer): void {
    this.sent.push(data.toString());
  }

  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
    this.emit("close", 1006, Buffer.alloc(0));
  }

  close(): void {
    this.terminate();
  }
}

const silentLog: ConnectionLog = { warn: () => undefined, child: () => silentLog };

const stores: SqliteEventStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

describe("Connection backpressure", () => {
  it("drops a connection that stopped reading instead of queueing every event for it", async () => {
    const store = new SqliteEventStore(":memory:");
    stores.push(store);
    const bus = new LocalEventBus();
    const service = new WorkshopService({ store, bus });
    const hub = new Hub(
      bus,
      async (id) => (await service.get(id)).state,
      () => undefined,
    );
    const { id } = await service.create({ title: "Plenary", language: "en" });
    const facilitator = { role: "facilitator" as const, id: "fac" };
    await service.execute(id, facilitator, "open", { type: "setPhase", phase: "brainstorm" });
    const socket = new StalledSocket();
    new Connection(socket as unknown as WebSocket, {
      service,
      hub,
      isFacilitator: async () => false,
      log: silentLog,
      maxBufferedBytes: 1000,
    });
    socket.emit(
      "message",
      Buffer.from(JSON.stringify({ type: "hello", protocol: 1, workshopId: id, role: "participant" })),
    );
    await vi.waitFor(() => expect(socket.sent.some((message) => message.startsWith('{"type":"snapshot"'))).toBe(true));

    socket.bufferedAmount = 900;
    await service.execute(id, facilitator, "a", { type: "addCard", cardId: "a", text: "Sent: under the limit" });
    const sentBefore = socket.sent.length;
    socket.bufferedAmount = 1001;
    await service.execute(id, facilitator, "b", { type: "addCard", cardId: "b", text: "Not queued: past it" });

    expect(socket.sent.slice(2, sentBefore).join()).toContain("Sent: under the limit");
    expect(socket.sent.slice(sentBefore)).toEqual([]);
    expect(socket.terminated).toBe(true);
    expect(hub.count(id)).toBe(0);
    hub.close();
  });
});
