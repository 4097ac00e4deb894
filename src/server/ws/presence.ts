import { type Actor, entry, type PresenceMessage, type WorkshopState } from "../../core/index.js";
import { LocalPresence, mergeRosters, type PresenceExchange } from "../presenceExchange.js";

/** A connection as presence sees it: who it is and how to send it a prepared message. */
export interface PresenceMember {
  readonly actor: Actor | undefined;
  sendRaw(message: string | Buffer): void;
}

/** How long changes are gathered before one presence message goes out. */
export const PRESENCE_INTERVAL_MS = 1000;

export interface PresenceOptions {
  /** The other processes' participants (several processes); nobody else's by default. */
  shared?: PresenceExchange;
  /** Default PRESENCE_INTERVAL_MS; tests shorten it. */
  intervalMs?: number;
}

/**
 * Tells a room who is connected, at most once a second. A join storm of 2,000 phones thus costs
 * each client a handful of messages, not one per joiner; the facilitator alone gets the names.
 * With several processes, the same computation tells the others this process's participants (when
 * they changed) and counts theirs too: the room is one room, whichever process each phone reached.
 */
export class PresenceTracker {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly shared: PresenceExchange;
  private readonly intervalMs: number;

  constructor(
    private readonly members: (workshopId: string) => Iterable<PresenceMember>,
    private readonly loadState: (workshopId: string) => Promise<WorkshopState>,
    private readonly onError: (error: unknown) => void,
    options: PresenceOptions = {},
  ) {
    this.shared = options.shared ?? new LocalPresence();
    this.intervalMs = options.intervalMs ?? PRESENCE_INTERVAL_MS;
  }

  /** Notes that a workshop's presence changed; the message follows within a second. */
  changed(workshopId: string): void {
    if (this.timers.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      this.broadcast(workshopId).catch(this.onError);
    }, this.intervalMs);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async broadcast(workshopId: string): Promise<void> {
    const members = [...this.members(workshopId)];
    // One entry per person, however many tabs they have open.
    const here = new Set<string>();
    for (const member of members) if (member.actor?.role === "participant") here.add(member.actor.id);
    // Told to the other processes (when it changed), an empty room too: its people left.
    this.shared.share(workshopId, here);
    if (members.length === 0) return;
    // And theirs counted here: a person with tabs on two processes is still one person.
    const ids = mergeRosters(here, this.shared.remote(workshopId));
    const state = await this.loadState(workshopId);
    const people = ids.map((id) => entry(state.participants, id) ?? { id, name: "" });
    const byTable: Record<string, number> = {};
    for (const person of people) byTable[person.tableId ?? ""] = (byTable[person.tableId ?? ""] ?? 0) + 1;
    const counts: PresenceMessage = { type: "presence", connected: people.length, byTable };
    const forEveryone = Buffer.from(JSON.stringify(counts));
    const forFacilitators = JSON.stringify({
      ...counts,
      people: people.map(({ id, name, tableId, group }) => ({
        id,
        name,
        ...(tableId ? { tableId } : {}),
        ...(group ? { group } : {}),
      })),
    });
    for (const member of members) member.sendRaw(member.actor?.role === "facilitator" ? forFacilitators : forEveryone);
  }
}
