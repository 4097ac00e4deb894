import { hashToken } from "../auth/tokenHash.js";

/** The voter key of a personal link's vote. */
export const inviteeVoter = (inviteeId: string) => `invitee:${inviteeId}`;

const DEVICE_VOTER = "device:";

/** The voter key of a shareable-link vote: the device id is hashed like any bearer secret. */
export const deviceVoter = (device: string) => `${DEVICE_VOTER}${hashToken(device)}`;

/** Whether a vote came through the shareable link rather than a personal one. */
export const isDeviceVoter = (voterKey: string) => voterKey.startsWith(DEVICE_VOTER);
