/** Expected failures in the core are values, never exceptions. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** Stable codes that the server maps to HTTP statuses and WebSocket errors. */
export type DomainErrorCode = "invalid" | "forbidden" | "not_found" | "conflict";

/** Why a command was refused, in words a facilitator can read. */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (code: DomainErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Compile-time exhaustiveness check for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
