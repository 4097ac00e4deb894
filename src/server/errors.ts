import type { DomainError, DomainErrorCode, ValidationIssue } from "../core/index.js";

/** The domain's codes plus those only the edge knows (who is signed in). */
export type ErrorCode = DomainErrorCode | "unauthorized";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/**
 * The one error type the edge turns into an HTTP answer: a stable code, a status and a message
 * meant for people. Anything else is a bug and is answered with a bare 500.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }

  static from(error: DomainError & { issues?: ValidationIssue[] }): AppError {
    return new AppError(error.code, error.message, error.issues);
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}
