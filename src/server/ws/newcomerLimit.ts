import { entry, quotasOf, type WorkshopState } from "../../core/index.js";

const MINUTE_MS = 60_000;
/** Past this many windows, the ended ones are dropped when the next begins. */
const SWEEP_ABOVE = 1000;

/**
 * New participants per workshop, network address and minute: the workshop's
 * `newParticipantsPerMinute` quota, checked at `hello`. Without it one device with the join code
 * says hello under as many made-up ids as it likes, each a new person with cards and dots. Someone
 * the workshop already knows (who joined) and an id seen in the current minute always come back
 * in. Kept in this process's memory: with several processes behind a load balancer, each counts
 * its own connections.
 */
export class NewcomerLimit {
  private readonly windows = new Map<string, { since: number; ids: Set<string> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when `participantId` may join `state`'s workshop from `address` now. */
  admit(state: WorkshopState, address: string, participantId: string): boolean {
    if (entry(state.participants, participantId)) return true;
    const key = `${state.id}\u0000${address}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.since >= MINUTE_MS) {
      if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
      window = { since: now, ids: new Set() };
      this.windows.set(key, window);
    }
    if (window.ids.has(participantId)) return true;
    if (window.ids.size >= quotasOf(state.settings).newParticipantsPerMinute) return false;
    window.ids.add(participantId);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.since >= MINUTE_MS) this.windows.delete(key);
  }
}
