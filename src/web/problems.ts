import type { TFunction } from "i18next";
import { ApiError } from "./api.js";

/**
 * What a failed request or a refused message says in the reader's language when no more specific
 * reason is known. The server's messages are English; its error code, or failing that the HTTP
 * status, says which of these it is.
 */
export function problemText(t: TFunction, { code, status }: { code?: string | undefined; status?: number }): string {
  switch (code) {
    case "invalid":
      return t("problems.invalid");
    case "unauthorized":
      return t("problems.unauthorized");
    case "forbidden":
      return t("problems.forbidden");
    case "not_found":
      return t("problems.notFound");
    case "conflict":
      return t("problems.conflict");
  }
  if (status === 413) return t("problems.tooLarge");
  if (status === 429) return t("problems.tooManyTries");
  if (status !== undefined && status >= 400 && status < 500) return t("problems.invalid");
  return t("problems.server");
}

/** A failed `fetch` or API call, said for its reader. */
export function requestProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return problemText(t, error);
  // JSON.parse of a chosen file: the file itself is not JSON.
  if (error instanceof SyntaxError) return t("problems.notJson");
  // fetch rejects with a TypeError when the server cannot be reached at all.
  return t("problems.offline");
}
