import type { InviteeRecord } from "./ballotStore.js";

/**
 * The stakeholder groups the shareable link offers: the invitees' groups first (those the
 * results are counted by), then the workshop's participant groups not among them.
 */
export function offeredGroups(
  invitees: readonly Pick<InviteeRecord, "group">[],
  participantGroups: readonly string[],
): string[] {
  const groups: string[] = [];
  for (const name of [...invitees.map((invitee) => invitee.group), ...participantGroups]) {
    if (name.trim() && !groups.some((other) => sameGroup(other, name))) groups.push(name);
  }
  return groups;
}

/**
 * The offered spelling of a group a voter typed: "members " and "Members" are one group, and
 * results by group are only as good as its spelling.
 */
export function offeredSpelling(offered: readonly string[], group: string): string {
  return offered.find((name) => sameGroup(name, group)) ?? group;
}

/** Two spellings of one group: case and spaces aside. */
function sameGroup(a: string, b: string): boolean {
  const key = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  return key(a) === key(b);
}
