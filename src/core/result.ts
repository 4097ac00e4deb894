import { REFUSAL_CODES, type RefusalParams, type RefusalParamsByReason, type RefusalReason } from "./refusals.js";

/** Expected failures in the core are values, never exceptions. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** Stable codes that the server maps to HTTP statuses and WebSocket errors. */
export type DomainErrorCode = "invalid" | "forbidden" | "not_found" | "conflict";

/**
 * Why a command was refused: a stable code, a `reason` key with its `params` for clients to say it
 * in their person's language (src/core/refusals.ts), and the same in English words a facilitator
 * can read, for API clients and logs.
 */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** Absent on errors that are not a command's refusal (a file that does not validate). */
  reason?: RefusalReason;
  params?: RefusalParams;
}

/** A reason without parameters takes none; any other takes exactly its own. */
type ParamsArgument<R extends RefusalReason> = RefusalParamsByReason[R] extends undefined
  ? []
  : [params: RefusalParamsByReason[R]];

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Refuses a command for `reason` (its code comes from REFUSAL_CODES), with an English `message`. */
export const fail = <R extends RefusalReason>(
  reason: R,
  message: string,
  ...[params]: ParamsArgument<R>
): Result<never> => ({
  ok: false,
  error: { code: REFUSAL_CODES[reason], message, reason, ...(params ? { params } : {}) },
});

/** Compile-time exhaustiveness check for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
