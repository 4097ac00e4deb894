import { type Actor, entry, type PresenceMessage, type WorkshopState } from "../../core/index.js";

/** A connection as presence sees it: who it is and how to send it a prepared message. */
export interface PresenceMember {
  readonly actor: Actor | undefined;
  sendRaw(message: string | Buffer): void;
}

/** How long changes are gathered before one presence message goes out. */
const PRESENCE_INTERVAL_MS = 1000;

/**
 * Tells a room who is connected, at most once a second. A join storm of 2,000 phones thus costs
 * each client a handful of messages, not one per joiner; the facilitator alone gets the names.
 */
export class PresenceTracker {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly members: (workshopId: string) => Iterable<PresenceMember>,
    private readonly loadState: (workshopId: string) => Promise<WorkshopState>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Notes that a workshop's presence changed; the message follows within a second. */
  changed(workshopId: string): void {
    if (this.timers.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      this.broadcast(workshopId).catch(this.onError);
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async broadcast(workshopId: string): Promise<void> {
    const members = [...this.members(workshopId)];
    if (members.length === 0) return;
    const state = await this.loadState(workshopId);
    const participants = members.flatMap((member) =>
      member.actor?.role === "participant"
        ? [entry(state.participants, member.actor.id) ?? { id: member.actor.id, name: "" }]
        : [],
    );
    // One entry per person, however many tabs they have open.
    const people = [...new Map(participants.map((person) => [person.id, person])).values()];
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
