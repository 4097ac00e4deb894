import type { WebSocket } from "ws";
import { CLOSE_CODES } from "../../core/index.js";

/**
 * Closes a WebSocket that does not say hello in time, or falls silent. Silence is checked every
 * half `idleMs`: a quiet half gets a WebSocket ping, which browsers answer by themselves (a hidden
 * tab whose timers are slowed too), and a second quiet half closes the socket. A live client
 * pings on its own far more often (src/web/live/liveClient.ts).
 */
export class SocketDeadlines {
  private heard = true;
  private pinged = false;
  private readonly helloTimer: ReturnType<typeof setTimeout>;
  private readonly idleTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly socket: WebSocket,
    timeouts: { helloMs: number; idleMs: number },
  ) {
    this.helloTimer = setTimeout(() => socket.close(CLOSE_CODES.helloTimeout, "No hello in time"), timeouts.helloMs);
    this.idleTimer = setInterval(() => this.check(), timeouts.idleMs / 2);
    // Neither timer may keep a process alive that is otherwise done.
    this.helloTimer.unref();
    this.idleTimer.unref();
    socket.on("pong", () => this.heardFrom());
    socket.on("close", () => this.stop());
  }

  /** The client sent something: it is there. Called for every message, so it only sets a flag. */
  heardFrom(): void {
    this.heard = true;
  }

  /** The client said hello: no deadline for it any more. */
  helloSaid(): void {
    clearTimeout(this.helloTimer);
  }

  private check(): void {
    if (this.heard) {
      this.heard = false;
      this.pinged = false;
    } else if (!this.pinged) {
      this.pinged = true;
      this.socket.ping();
    } else {
      // Nobody answered the ping: the peer is most likely gone, so no close handshake to wait for.
      this.socket.terminate();
    }
  }

  private stop(): void {
    clearTimeout(this.helloTimer);
    clearInterval(this.idleTimer);
  }
}
