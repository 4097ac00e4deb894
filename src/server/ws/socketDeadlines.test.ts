import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import { CLOSE_CODES } from "../../core/index.js";
import { SERVER_TIMEOUTS } from "../edge/timeouts.js";
import { SocketDeadlines } from "./socketDeadlines.js";

class FakeSocket extends EventEmitter {
  closedWith: number | undefined;
  terminated = false;
  pings = 0;
  close(code: number) {
    this.closedWith = code;
    this.emit("close");
  }
  terminate() {
    this.terminated = true;
    this.emit("close");
  }
  ping() {
    this.pings += 1;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const watched = () => {
  const socket = new FakeSocket();
  return { socket, deadlines: new SocketDeadlines(socket as unknown as WebSocket, SERVER_TIMEOUTS) };
};

describe("SocketDeadlines at the default limits", () => {
  it("closes a socket that has not said hello after 10 s, well within 15 s", () => {
    const { socket } = watched();
    vi.advanceTimersByTime(9_999);
    expect(socket.closedWith).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(socket.closedWith).toBe(CLOSE_CODES.helloTimeout);
  });

  it("keeps a socket that said hello in time", () => {
    const { socket, deadlines } = watched();
    deadlines.helloSaid();
    deadlines.heardFrom();
    vi.advanceTimersByTime(SERVER_TIMEOUTS.helloMs);
    expect(socket.closedWith).toBeUndefined();
  });

  it("pings a socket silent for half the idle limit, and ends it when the ping goes unanswered", () => {
    const { socket, deadlines } = watched();
    deadlines.helloSaid();
    vi.advanceTimersByTime(SERVER_TIMEOUTS.idleMs);
    expect(socket.pings).toBe(1);
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(SERVER_TIMEOUTS.idleMs / 2);
    expect(socket.terminated).toBe(true);
  });

  it("keeps a socket that answers the ping or sends anything", () => {
    const { socket, deadlines } = watched();
    deadlines.helloSaid();
    for (let minute = 0; minute < 10; minute += 1) {
      vi.advanceTimersByTime(SERVER_TIMEOUTS.idleMs / 2);
      if (minute % 2) socket.emit("pong");
      else deadlines.heardFrom();
    }
    expect(socket.terminated).toBe(false);
  });
});
