import type { JoinInfo } from "./joinApi.js";

/** Who this device is in one workshop: what the join form asked. */
export interface ParticipantProfile {
  name: string;
  group?: string;
  tableId?: string;
}

const infoKey = (code: string) => `concord.join.${code}`;
const profileKey = (workshopId: string) => `concord.joinProfile.${workshopId}`;
const LAST_NAME_KEY = "concord.participantName";
const LANGUAGE_CHOSEN_KEY = "concord.participant.languageChosen";

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
  } catch {
    // Storage full or disabled (private browsing): the page works, it just forgets on reload.
  }
}

/** The last join info seen for a code, so a reload while offline still opens the workshop. */
export const rememberedJoinInfo = (code: string) => read<JoinInfo>(infoKey(code));
export const rememberJoinInfo = (code: string, info: JoinInfo) => write(infoKey(code), info);

/** The answers to the join form for a workshop, so a reload or a second visit skips it. */
export const rememberedProfile = (workshopId: string) => read<ParticipantProfile>(profileKey(workshopId));
export function rememberProfile(workshopId: string, profile: ParticipantProfile): void {
  write(profileKey(workshopId), profile);
  if (profile.name) write(LAST_NAME_KEY, profile.name);
}

/** The name this device last joined any workshop with, to prefill the next form. */
export const lastDisplayName = (): string => {
  try {
    return localStorage.getItem(LAST_NAME_KEY) ?? "";
  } catch {
    return "";
  }
};

/** Whether the person picked the interface language themselves (otherwise the workshop's applies). */
export const languageWasChosen = (): boolean => read<boolean>(LANGUAGE_CHOSEN_KEY) === true;
export const rememberLanguageChosen = () => write(LANGUAGE_CHOSEN_KEY, true);
