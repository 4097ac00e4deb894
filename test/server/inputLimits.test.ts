import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withLiveServer } from "../support/liveServer.js";
import { fetchWorkshop, importWorkshop, listWorkshops, REPO_FIXTURE } from "../support/server.js";

const live = withLiveServer();

/** POSTs raw JSON text (it may be too deep for JSON.stringify) as the signed-in facilitator. */
async function postText(path: string, text: string) {
  const response = await fetch(`${live.server.baseUrl}${path}`, {
    method: "POST",
    headers: { cookie: live.server.session, "content-type": "application/json" },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as { error: { code: string; issues?: unknown } } };
}

const fixtureWith = (field: string, valueText: string) => {
  const doc = JSON.parse(readFileSync(REPO_FIXTURE, "utf8")) as Record<string, unknown>;
  doc[field] = "PLACEHOLDER";
  return JSON.stringify(doc).replace('"PLACEHOLDER"', valueText);
};

const deep = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

describe("REST bodies are limited in depth and size", () => {
  it("an import with a 5,000-deep field is a 400 naming the path, and nothing is stored", async () => {
    const before = (await listWorkshops(live.server.baseUrl, live.server.session)).length;
    const answer = await postText("/api/workshops/import", fixtureWith("junk", deep(5000)));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: "invalid",
      issues: [{ path: `junk${"[0]".repeat(63)}`, message: "nested too deeply (at most 64 levels)" }],
    });
    expect((await listWorkshops(live.server.baseUrl, live.server.session)).length).toBe(before);
  });

  it("any other JSON body nested too deeply is a 400 naming the path, before the route runs", async () => {
    const answer = await postText("/api/workshops", `{"title": "Deep", "extra": ${deep(5000)}}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: `extra${"[0]".repeat(63)}`, message: "nested too deeply (at most 64 levels)" },
    ]);
  });

  it("an import with an unknown top-level field is a 400 naming it, and nothing is stored or sent", async () => {
    const answer = await postText("/api/workshops/import", fixtureWith("junk", JSON.stringify("x".repeat(100_000))));
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([{ path: "junk", message: "unknown field" }]);
  });

  it("a body over 1 MB is refused on ordinary routes, while an import may be larger", async () => {
    const big = JSON.stringify({ title: "Big", padding: "x".repeat(1024 * 1024) });
    expect((await postText("/api/workshops", big)).status).toBe(413);
    const doc = JSON.parse(readFileSync(REPO_FIXTURE, "utf8")) as { overview: string };
    const imported = await importWorkshop(live.server.baseUrl, live.server.session, {
      ...doc,
      overview: "Long overview. ".repeat(3000),
      unclusteredCards: Array.from({ length: 600 }, (_, index) => ({ id: `extra-${index}`, text: "y".repeat(1900) })),
    });
    expect((await fetchWorkshop(live.server.baseUrl, imported)).state.unclustered.length).toBe(600);
  });
});
