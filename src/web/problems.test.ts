import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api.js";
import { FATAL_REASONS } from "./live/liveClient.js";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };
import { problemText, requestProblem } from "./problems.js";

const keyOnly = ((key: string) => key) as unknown as TFunction;
const refused = (status: number, code?: string) => new ApiError(status, code, "English text from the server");

describe("what a failed request says", () => {
  it("names the problem from the server's code, then its status, never its English message", () => {
    expect(requestProblem(keyOnly, refused(400, "invalid"))).toBe("problems.invalid");
    expect(requestProblem(keyOnly, refused(401, "unauthorized"))).toBe("problems.unauthorized");
    expect(requestProblem(keyOnly, refused(403, "forbidden"))).toBe("problems.forbidden");
    expect(requestProblem(keyOnly, refused(404, "not_found"))).toBe("problems.notFound");
    expect(requestProblem(keyOnly, refused(409, "conflict"))).toBe("problems.conflict");
    // Fastify's own refusals and the rate limiter send no code of ours.
    expect(requestProblem(keyOnly, refused(413))).toBe("problems.tooLarge");
    expect(requestProblem(keyOnly, refused(429))).toBe("problems.tooManyTries");
    expect(requestProblem(keyOnly, refused(415))).toBe("problems.invalid");
    expect(requestProblem(keyOnly, refused(500, "internal"))).toBe("problems.server");
    expect(requestProblem(keyOnly, refused(502))).toBe("problems.server");
  });

  it("tells an unreadable file and an unreachable server apart", () => {
    expect(requestProblem(keyOnly, new SyntaxError("Unexpected token"))).toBe("problems.notJson");
    expect(requestProblem(keyOnly, new TypeError("Failed to fetch"))).toBe("problems.offline");
  });

  it.each([
    ["en", en],
    ["fr", fr],
  ] as const)("has a sentence in %s for every problem and every way a session can end", async (language, resources) => {
    const instance = i18next.createInstance();
    await instance.init({ lng: language, resources: { [language]: { translation: resources } } });
    const codes = ["invalid", "unauthorized", "forbidden", "not_found", "conflict", undefined];
    const statuses = [400, 413, 429, 500];
    const sentences = codes.flatMap((code) => statuses.map((status) => problemText(instance.t, { code, status })));
    for (const sentence of sentences) expect(sentence).not.toMatch(/^problems\./);
    for (const reason of FATAL_REASONS) {
      expect(instance.t(`fatal.${reason}`)).not.toMatch(/^fatal\./);
    }
  });
});
