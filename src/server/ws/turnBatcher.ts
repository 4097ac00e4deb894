import type { Duplex } from "node:stream";

const corked = new Set<Duplex>();
let flushScheduled = false;

/**
 * Holds a connection's writes until the end of this turn of the event loop, then lets them out
 * together: one system call instead of one per frame. A writer's ack follows the events frame
 * of its own command by a few microtasks, and most of fan-out's cost is the kernel's send, so
 * the pair costs one `writev` instead of two. Nothing waits longer than the current turn.
 */
export function corkForThisTurn(stream: Duplex): void {
  if (corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(uncorkAll);
}

function uncorkAll(): void {
  flushScheduled = false;
  for (const stream of corked) stream.uncork();
  corked.clear();
}
