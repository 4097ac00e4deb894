import type { TFunction } from "i18next";
import { type ErrorMessage, isRefusalReason, PHASES, type RefusalParams } from "../../core/index.js";

/** A refused command as the client keeps it: the server's code and English message, and why. */
export type Refusal = Pick<ErrorMessage, "code" | "message" | "reason" | "params">;

/** The parts of an `error` message a refusal keeps (not `type` or `id`). */
export function refusalOf(message: ErrorMessage): Refusal {
  const { code, message: text, reason, params } = message;
  return { code, message: text, ...(reason ? { reason } : {}), ...(params ? { params } : {}) };
}

const isPhase = (value: unknown): value is (typeof PHASES)[number] => PHASES.some((phase) => phase === value);

/**
 * A refusal in the reader's language: `refusals.<reason>` filled in with its parameters (a phase
 * by its translated name, an undo's cause as its own sentence, `max` choosing the plural form).
 * A reason this client does not know (a newer server's), or none (an older server), falls back to
 * the server's English message.
 */
export function refusalText(t: TFunction, refusal: Pick<Refusal, "message" | "reason" | "params">): string {
  const { reason } = refusal;
  if (!isRefusalReason(reason)) return refusal.message;
  const params: RefusalParams = refusal.params ?? {};
  const values: Record<string, string | number> = { ...params };
  const phase = params.phase;
  if (isPhase(phase)) values.phase = t(`phase.${phase}`);
  if (reason === "undoStale") {
    const cause = params.cause;
    // The cause's own message, without the English words of the outer one.
    values.cause =
      isRefusalReason(cause) && cause !== "undoStale" ? refusalText(t, { message: "", reason: cause, params }) : "";
  }
  const max = params.max;
  // Under `replace`, a parameter cannot be read as one of i18next's own options (`count`, `lng`…).
  const text = t(`refusals.${reason}`, { replace: values, ...(typeof max === "number" ? { count: max } : {}) });
  return text.trim();
}
