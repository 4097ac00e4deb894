import type { DomainError, DomainErrorCode, RefusalParams, RefusalReason, ValidationIssue } from "../core/index.js";

/** The domain's codes plus those only the edge knows (who is signed in). */
export type ErrorCode = DomainErrorCode | "unauthorized" | "too_large" | "busy";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 422,
  busy: 429,
};

/** Why, for a client to say it in its person's language: a refused command's reason and params. */
export interface Refusal {
  reason: RefusalReason;
  params?: RefusalParams;
}

/**
 * The one error type the edge turns into an HTTP answer: a stable code, a status and a message
 * meant for people (in English; a refused command's `refusal` lets clients translate it). Anything
 * else is a bug and is answered with a bare 500.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    readonly refusal?: Refusal,
    /** For `busy`: when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }

  static from(error: DomainError & { issues?: ValidationIssue[] }): AppError {
    const refusal = error.reason
      ? { reason: error.reason, ...(error.params ? { params: error.params } : {}) }
      : undefined;
    return new AppError(error.code, error.message, error.issues, refusal);
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}
