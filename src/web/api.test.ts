import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { createdWorkshopSchema } from "../core/index.js";
import { ApiError, answerOf } from "./api.js";
import { requestProblem } from "./problems.js";

const keyOnly = ((key: string) => key) as unknown as TFunction;
const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 201 });
const created = { id: "w1", url: "http://concord.test/w/w1", facilitatorKey: "k".repeat(32) };

describe("reading an answer with its schema", () => {
  it("gives the answer, without fields the schema does not name: a page loaded before an upgrade still reads the new server", async () => {
    expect(await answerOf(createdWorkshopSchema, answer({ ...created, addedLater: true }))).toStrictEqual(created);
  });

  it("refuses an answer of another shape as the server's problem, not as a lost connection", async () => {
    const { facilitatorKey: _missing, ...incomplete } = created;
    const refusal = await answerOf(createdWorkshopSchema, answer(incomplete)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 201, code: "unexpected_answer" });
    expect(requestProblem(keyOnly, refusal)).toBe("problems.server");
  });
});
