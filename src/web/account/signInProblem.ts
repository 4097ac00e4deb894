import type { TFunction } from "i18next";
import { ApiError } from "../api.js";
import { requestProblem } from "../problems.js";

/**
 * What the sign-in form says when signing in or registering fails, in the reader's language: the
 * server answers in English, and its status says which of these it is.
 */
export function signInProblem(t: TFunction, error: unknown): string {
  const status = error instanceof ApiError ? error.status : undefined;
  if (status === 401) return t("account.wrongCredentials");
  if (status === 409) return t("account.emailTaken");
  if (status === 429) return t("account.tooManyTries");
  if (status === 400) return t("account.checkFields");
  return requestProblem(t, error);
}
