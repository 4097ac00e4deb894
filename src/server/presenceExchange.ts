/**
 * Presence (who is connected) and co-writers' carets are never stored: each process knows only its
 * own sockets. With several processes, a `PresenceExchange` tells each process what the others
 * know, so that a room spread over them behaves like a room on one. In one process it is
 * `LocalPresence`, which does nothing; `RedisPresence` implements it between processes.
 */

/** What another process told this one about a workshop it also serves. */
export interface RemotePresenceListener {
  /** Another process's participants in the workshop changed (or its roster expired). */
  rosterChanged(workshopId: string): void;
  /** A co-writer's caret from another process, serialised once, for every local connection of the workshop. */
  focus(workshopId: string, message: string): void;
}

export interface PresenceExchange {
  /** This process has its first connection in the workshop: listen to the others about it. */
  watch(workshopId: string): void;
  /** Its last connection in the workshop left. */
  unwatch(workshopId: string): void;
  /**
   * This process's participants (public ids) in the workshop, as presence computes them (at most
   * once a second per workshop); an empty set when none is left.
   */
  share(workshopId: string, participants: ReadonlySet<string>): void;
  /** The participants other processes have in the workshop, one list per process. */
  remote(workshopId: string): Iterable<readonly string[]>;
  /** Sends a co-writer's caret (a serialised `peerFocus`) to the workshop's connections on the other processes. */
  relay(workshopId: string, message: string): void;
  listen(listener: RemotePresenceListener): () => void;
}

/** The single process: nobody else to tell, nobody to hear from. */
export class LocalPresence implements PresenceExchange {
  watch(): void {}
  unwatch(): void {}
  share(): void {}
  remote(): Iterable<readonly string[]> {
    return [];
  }
  relay(): void {}
  listen(): () => void {
    return () => undefined;
  }
}

/**
 * The participant ids of a room: this process's, then every other process's not already counted.
 * A person with tabs on two processes is one person.
 */
export function mergeRosters(local: ReadonlySet<string>, remote: Iterable<readonly string[]>): string[] {
  let merged: Set<string> | undefined;
  for (const roster of remote) {
    if (roster.length === 0) continue;
    merged ??= new Set(local);
    for (const id of roster) merged.add(id);
  }
  return [...(merged ?? local)];
}

/** Whether a roster last sent still says who is here now (order does not matter; ids are distinct). */
export function sameRoster(sent: readonly string[], now: ReadonlySet<string>): boolean {
  return sent.length === now.size && sent.every((id) => now.has(id));
}

interface Heard {
  participants: readonly string[];
  /** When this process last heard it (its roster, or a heartbeat repeating it). */
  at: number;
}

/**
 * The rosters heard from other processes, per workshop and process. Pure: the clock comes in as
 * an argument. A process that stops repeating its roster (it crashed, or lost Redis) is forgotten
 * by `expire`, so its participants stop being counted.
 */
export class RemoteRosters {
  private readonly workshops = new Map<string, Map<string, Heard>>();

  /** Notes a process's roster; returns whether what the room should show changed. */
  hear(workshopId: string, processId: string, participants: readonly string[], now: number): boolean {
    let processes = this.workshops.get(workshopId);
    const before = processes?.get(processId);
    if (participants.length === 0) {
      if (!before || !processes) return false;
      processes.delete(processId);
      if (processes.size === 0) this.workshops.delete(workshopId);
      return true;
    }
    if (!processes) {
      processes = new Map();
      this.workshops.set(workshopId, processes);
    }
    processes.set(processId, { participants, at: now });
    return !before || !sameRoster(before.participants, new Set(participants));
  }

  /** Forgets a workshop (this process no longer listens to it). */
  drop(workshopId: string): void {
    this.workshops.delete(workshopId);
  }

  /** Forgets the rosters not heard since `now - maxAgeMs`; returns the workshops that changed. */
  expire(now: number, maxAgeMs: number): string[] {
    const changed: string[] = [];
    for (const [workshopId, processes] of this.workshops) {
      let expired = false;
      for (const [processId, heard] of processes) {
        if (now - heard.at <= maxAgeMs) continue;
        processes.delete(processId);
        expired = true;
      }
      if (processes.size === 0) this.workshops.delete(workshopId);
      if (expired) changed.push(workshopId);
    }
    return changed;
  }

  of(workshopId: string): Iterable<readonly string[]> {
    const processes = this.workshops.get(workshopId);
    return processes ? [...processes.values()].map((heard) => heard.participants) : [];
  }
}
