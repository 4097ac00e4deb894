import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api.js";
import { signInProblem } from "./signInProblem.js";

const t = ((key: string) => key) as unknown as TFunction;
const refused = (status: number) => new ApiError(status, undefined, "English text from the server");

describe("what the sign-in form says when it fails", () => {
  it("names the reason from the server's status, never the server's English message", () => {
    expect(signInProblem(t, refused(401))).toBe("account.wrongCredentials");
    expect(signInProblem(t, refused(409))).toBe("account.emailTaken");
    expect(signInProblem(t, refused(429))).toBe("account.tooManyTries");
    expect(signInProblem(t, refused(400))).toBe("account.checkFields");
    expect(signInProblem(t, refused(500))).toBe("problems.server");
    // fetch itself failing (offline) is not an ApiError.
    expect(signInProblem(t, new TypeError("Failed to fetch"))).toBe("problems.offline");
  });
});
