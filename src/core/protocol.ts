import { z } from "zod";
import { commandSchema } from "./commands.js";
import type { DomainEvent, SerializedState } from "./events.js";
import type { SealedEvent } from "./hiddenVotes.js";
import { LIMITS } from "./limits.js";
import type { Actor } from "./model.js";
import type { RefusalParams, RefusalReason } from "./refusals.js";
import type { DomainErrorCode } from "./result.js";

/**
 * The WebSocket protocol, shared by the server and every client. docs/protocol.md explains it;
 * bump PROTOCOL_VERSION on any change a deployed client could misread.
 */
export const PROTOCOL_VERSION = 1;

/** Close codes in the 4000–4999 range that RFC 6455 leaves to applications. */
export const CLOSE_CODES = {
  /** The client speaks another protocol version: reload the app. */
  protocolMismatch: 4000,
  /** The facilitator key was wrong or missing. */
  unauthorized: 4001,
  /** The client sent something that is not a protocol message, or a command before hello. */
  badMessage: 4002,
  /** No workshop with that id. */
  unknownWorkshop: 4004,
  /** Too many new participants from this network address this minute: try again shortly. */
  tooManyNewcomers: 4029,
  /** No `hello` within the server's deadline (10 s): reconnect. */
  helloTimeout: 4008,
  /** The server is restarting: reconnect with `since`. */
  serverRestart: 1012,
} as const;

/** One committed event as it travels: numbered by the server, which is the only clock. */
export interface EventEnvelope {
  seq: number;
  at: string;
  actor: Actor;
  commandId: string;
  event: DomainEvent;
}

/** An envelope as a client receives it: a participant's may stand in for a hidden event (hiddenVotes.ts). */
export type WireEnvelope = Omit<EventEnvelope, "event"> & { event: DomainEvent | SealedEvent };

const id = z.string().trim().min(1).max(LIMITS.id);

/** The texts of a theme that several people write together. */
export const FOCUS_FIELDS = ["headline", "narrative"] as const;
export type FocusField = (typeof FOCUS_FIELDS)[number];

export const clientMessageSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("hello"),
      protocol: z.number().int(),
      workshopId: id,
      role: z.enum(["facilitator", "participant"]),
      /** A participant's own stable id, kept on the device, so a reconnect is the same person. */
      participantId: id.optional(),
      facilitatorKey: z.string().max(200).optional(),
      /** The last sequence number the client holds; absent for a first load. */
      since: z.number().int().min(0).optional(),
    })
    .strict(),
  z.object({ type: z.literal("command"), id, command: commandSchema }).strict(),
  z.object({ type: z.literal("sync"), since: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal("ping") }).strict(),
  // Where this person is writing: relayed to the others as `peerFocus`, never stored or replayed.
  z
    .object({
      type: z.literal("focus"),
      themeId: id,
      /** The text being edited; null when the writer left it. */
      field: z.enum(FOCUS_FIELDS).nullable(),
      /** The caret, as a character offset into that text. */
      cursor: z.number().int().min(0).max(LIMITS.longText),
    })
    .strict(),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type HelloMessage = Extract<ClientMessage, { type: "hello" }>;
export type FocusMessage = Extract<ClientMessage, { type: "focus" }>;

/**
 * Another person's caret in a theme's headline or narrative, so co-writers see each other.
 * Ephemeral like presence: relayed to the workshop's other connections, throttled, never stored.
 */
export interface PeerFocusMessage {
  type: "peerFocus";
  actorId: string;
  /** The participant's name, or the facilitator's account name; "" when unknown. */
  name: string;
  role: Actor["role"];
  themeId: string;
  field: FocusField | null;
  cursor: number;
}

/**
 * Who is connected: never stored, never replayed. Everyone gets the counts; the facilitator also
 * gets the list of people. Sent at most once a second per workshop, so a join storm costs each
 * client O(1) messages, not one per joiner.
 */
export interface PresenceMessage {
  type: "presence";
  connected: number;
  /** Connected participants per table id ("" for those without a table). */
  byTable: Record<string, number>;
  people?: { id: string; name: string; tableId?: string; group?: string }[];
}

export type ServerMessage =
  | { type: "welcome"; protocol: number; workshopId: string; actor: Actor; seq: number; serverTime: string }
  | PresenceMessage
  | PeerFocusMessage
  | { type: "snapshot"; seq: number; state: SerializedState }
  | { type: "events"; events: WireEnvelope[] }
  | { type: "ack"; id: string; seq: number; duplicate: boolean }
  | ErrorMessage
  | { type: "pong" };

/**
 * A refusal, or a message the server could not take. `code` and the English `message` are always
 * there; a refused command also carries its `reason` and `params` (src/core/refusals.ts), which
 * clients translate. A client must fall back to `message` for a reason it does not know (a newer
 * server's): adding a reason is not a protocol change.
 */
export interface ErrorMessage {
  type: "error";
  id?: string;
  code: DomainErrorCode | "bad_message" | "unauthorized" | "too_large" | "busy";
  message: string;
  reason?: RefusalReason;
  params?: RefusalParams;
}
