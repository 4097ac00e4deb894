import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWorkshop, requestJson, startTestServer, type TestServer } from "../support/server.js";
import { fileCard, fileColumn, workshopDocument } from "../support/workshops.js";

const card = fileCard;
const column = fileColumn;

const DOC = workshopDocument({
  title: "Suggestions over REST",
  themes: [
    column("hours", "", [card("a1", "More Sunday hours"), card("a2", "Open later on weekday evenings")]),
    column("parking", "", [
      card("b1", "Fix the parking lot potholes"),
      card("b2", "Parking lot needs repaving"),
      card("b3", "The parking lot needs repaving!"),
    ]),
  ],
  unclusteredCards: [card("u1", "Open Sundays!"), card("u2", "More parking spaces")],
});

let server: TestServer;
let workshopId: string;

beforeAll(async () => {
  server = await startTestServer();
  workshopId = (await importWorkshop(server.baseUrl, server.session, DOC)).id;
});

afterAll(async () => {
  await server.stop();
});

const get = (path: string, session?: string) =>
  requestJson<Record<string, unknown>>(
    server.baseUrl,
    "GET",
    `/api/workshops/${workshopId}/suggestions/${path}`,
    undefined,
    session,
  );

describe("suggestion routes", () => {
  it("answers the facilitator with the CLI's shapes, from the workshop's current state", async () => {
    const clusters = await get("clusters?clusters=2", server.session);
    expect(clusters.status).toBe(200);
    expect(Object.keys(clusters.body).sort()).toEqual(["duplicates", "themes", "unclustered"]);
    expect(clusters.body.themes).toHaveLength(2);

    const placements = await get("placements", server.session);
    expect(placements.body).toEqual({
      placements: [
        { cardId: "u1", themeIds: ["hours", "parking"], confident: true },
        { cardId: "u2", themeIds: ["parking", "hours"], confident: true },
      ],
    });

    const duplicates = await get("duplicates", server.session);
    // Near-certain pairs only: "More Sunday hours" / "Open Sundays!" is a likely pair, not a sure one.
    expect(duplicates.body.duplicates).toEqual([["b2", "b3"]]);
  });

  it("suggests a name and key points for each column from its own cards, for the facilitator only", async () => {
    const names = await get("names", server.session);
    expect(names.status).toBe(200);
    const byColumn = names.body.names as { themeId: string; label: string; keyPoints: string[] }[];
    expect(byColumn.map((column) => column.themeId)).toEqual(["hours", "parking"]);
    expect(byColumn[1]?.label).toMatch(/parking/i);
    // The label says what the cards share; the key points are its cards' distinct ideas (b3 repeats b2).
    expect(byColumn[1]?.keyPoints.sort()).toEqual(["Fix the parking lot potholes", "Parking lot needs repaving"]);
    expect(byColumn[1]?.keyPoints).not.toContain(byColumn[1]?.label);
    expect((await get("names")).status).toBe(403);
  });

  it("answers requests that arrive together (computed one after the other in the suggestion worker) as it answers each alone", async () => {
    const paths = ["clusters?clusters=2", "placements", "duplicates", "names", "clusters"];
    const alone = [];
    for (const path of paths) alone.push((await get(path, server.session)).body);
    const together = await Promise.all(paths.map((path) => get(path, server.session)));
    expect(together.map((answer) => answer.status)).toEqual(paths.map(() => 200));
    expect(together.map((answer) => answer.body)).toEqual(alone);
  });

  it("refuses anyone who does not facilitate the workshop, and bad queries", async () => {
    expect((await get("clusters")).status).toBe(403);
    expect((await get("clusters?clusters=0", server.session)).status).toBe(400);
  });
});
