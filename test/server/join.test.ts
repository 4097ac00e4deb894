import { describe, expect, it, vi } from "vitest";
import { withLiveServer } from "../support/liveServer.js";
import {
  type CreatedWorkshop,
  type Credentials,
  createWorkshop,
  fetchWorkshop,
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
} from "../support/server.js";
import { connectClient } from "../support/wsClient.js";

/** GET /api/join/:code: what a participant's phone learns from a code, and nothing secret. */

const JOIN_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** Exactly what the join route may answer; anything else is a leak. */
const JOIN_FIELDS = [
  "anonymousCards",
  "focusQuestion",
  "language",
  "participantGroups",
  "showAuthors",
  "tables",
  "title",
  "useTables",
  "workshopId",
];

interface JoinBody {
  workshopId: string;
  title: string;
  language: string;
  anonymousCards: boolean;
  showAuthors: boolean;
  useTables: boolean;
  tables: { id: string; name: string }[];
  participantGroups: string[];
  focusQuestion: string;
}

const live = withLiveServer();

const joinCodeOf = async (workshop: CreatedWorkshop) =>
  (await fetchWorkshop(live.server.baseUrl, workshop)).state.joinCode;

const join = (code: string) =>
  requestJson<JoinBody & { error?: { code: string } }>(
    live.server.baseUrl,
    "GET",
    `/api/join/${encodeURIComponent(code)}`,
  );

/** Every key anywhere in a JSON value, nested ones included. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, nested]) => [key, ...allKeys(nested)]);
  }
  return [];
}

/** A workshop whose facilitator has set up tables, groups, a focus question and anonymous cards. */
async function configuredWorkshop(): Promise<CreatedWorkshop> {
  const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Town hall");
  const facilitator = await connectClient({
    wsUrl: live.server.wsUrl,
    workshopId: workshop.id,
    role: "facilitator",
    facilitatorKey: workshop.facilitatorKey,
  });
  live.track(facilitator);
  await facilitator.expectAck("table-1", { type: "addTable", tableId: "t1", name: "Window" });
  await facilitator.expectAck("table-2", { type: "addTable", tableId: "t2", name: "Door" });
  await facilitator.expectAck("settings", {
    type: "updateSettings",
    patch: { useTables: true, anonymousCards: true },
  });
  await facilitator.expectAck("context", {
    type: "updateContext",
    patch: {
      language: "fr",
      focusQuestion: "What should the library do next year?",
      participantGroups: ["Staff", "Readers"],
    },
  });
  return workshop;
}

describe("GET /api/join/:code", () => {
  it("answers what a participant needs to join, and exactly that", async () => {
    const workshop = await configuredWorkshop();
    const response = await join(await joinCodeOf(workshop));
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({
      workshopId: workshop.id,
      title: "Town hall",
      language: "fr",
      anonymousCards: true,
      showAuthors: false,
      useTables: true,
      tables: [
        { id: "t1", name: "Window" },
        { id: "t2", name: "Door" },
      ],
      participantGroups: ["Staff", "Readers"],
      focusQuestion: "What should the library do next year?",
    });
  });

  it("answers the defaults of a blank workshop", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Blank");
    const response = await join(await joinCodeOf(workshop));
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({
      workshopId: workshop.id,
      title: "Blank",
      language: "en",
      anonymousCards: false,
      showAuthors: false,
      useTables: false,
      tables: [],
      participantGroups: [],
      focusQuestion: "",
    });
  });

  it("reveals no secret: no facilitator key, no other key, token or password field", async () => {
    const workshop = await configuredWorkshop();
    const response = await join(await joinCodeOf(workshop));
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(JOIN_FIELDS);
    expect(response.body).not.toHaveProperty("facilitatorKey");
    const keys = allKeys(response.body);
    expect(keys.filter((key) => /key|secret|token|password|hash|session/i.test(key))).toEqual([]);
    const raw = JSON.stringify(response.body);
    expect(raw).not.toContain(workshop.facilitatorKey);
    expect(raw).not.toContain(live.server.session.split("=")[1] ?? live.server.session);
    // Nor the participants, cards or anything else of the live state.
    expect(keys).not.toContain("participants");
    expect(keys).not.toContain("cards");
  });

  it("finds the code case-insensitively and with spaces or dashes", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Typed by hand");
    const code = await joinCodeOf(workshop);
    const lower = code.toLowerCase();
    const spellings = [
      code,
      lower,
      `${lower.slice(0, 3)}-${lower.slice(3)}`,
      `${code.slice(0, 3)} ${code.slice(3)}`,
      ` ${lower.slice(0, 2)} - ${lower.slice(2, 4)}-${code.slice(4)} `,
    ];
    for (const spelling of spellings) {
      const response = await join(spelling);
      expect(response.status, `"${spelling}"`).toBe(200);
      expect(response.body.workshopId, `"${spelling}"`).toBe(workshop.id);
    }
  });

  it("answers 404 not_found for a code no workshop has", async () => {
    // 0 and 1 are not in the alphabet, so no workshop can ever have this code.
    const response = await join("000111");
    expect(response.status).toBe(404);
    expect(response.body.error?.code).toBe("not_found");
    const near = await join("abc-10");
    expect(near.status).toBe(404);
  });
});

describe("join codes", () => {
  it("are 6 characters of the unambiguous alphabet, and differ between workshops", async () => {
    const created = [];
    for (let index = 0; index < 12; index++) {
      created.push(await createWorkshop(live.server.baseUrl, live.server.session, `Workshop ${index}`));
    }
    created.push(await importWorkshop(live.server.baseUrl, live.server.session, readJson(REPO_FIXTURE)));
    const codes = await Promise.all(created.map((workshop) => joinCodeOf(workshop)));
    for (const code of codes) expect(code).toMatch(JOIN_CODE);
    expect(new Set(codes).size).toBe(codes.length);
    // Each code opens its own workshop.
    for (const [index, code] of codes.entries()) {
      expect((await join(code)).body.workshopId).toBe(created[index]?.id);
    }
  });

  it("a duplicated workshop gets a code of its own", async () => {
    const source = await createWorkshop(live.server.baseUrl, live.server.session, "Original");
    const copy = await requestJson<CreatedWorkshop>(
      live.server.baseUrl,
      "POST",
      `/api/workshops/${source.id}/duplicate`,
      undefined,
      live.server.session,
    );
    expect(copy.status).toBe(201);
    const sourceCode = await joinCodeOf(source);
    const copyCode = await joinCodeOf(copy.body);
    expect(copyCode).toMatch(JOIN_CODE);
    expect(copyCode).not.toBe(sourceCode);
    expect((await join(sourceCode)).body.workshopId).toBe(source.id);
    expect((await join(copyCode)).body.workshopId).toBe(copy.body.id);
  });
});

describe("rotating the join code", () => {
  const rotate = (workshop: CreatedWorkshop, credentials: Credentials | undefined) =>
    requestJson<{ joinCode: string }>(
      live.server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/join-code`,
      undefined,
      credentials,
    );

  it("refuses the old code at once, opens the new one, and keeps the room connected", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Leaked code");
    const oldCode = await joinCodeOf(workshop);
    const facilitator = await live.connect({
      workshopId: workshop.id,
      role: "facilitator",
      facilitatorKey: workshop.facilitatorKey,
    });
    const phone = await live.connect({ workshopId: workshop.id, role: "participant" });
    await facilitator.expectAck("phase", { type: "setPhase", phase: "brainstorm" });
    await phone.expectAck("join", { type: "joinWorkshop", name: "Pat" });

    const rotated = await rotate(workshop, live.server.session);
    expect(rotated.status).toBe(200);
    const newCode = rotated.body.joinCode;
    expect(newCode).toMatch(JOIN_CODE);
    expect(newCode).not.toBe(oldCode);
    // The answer comes after the old code is retired: the very next lookup is refused.
    expect((await join(oldCode)).status).toBe(404);
    expect((await join(newCode)).body.workshopId).toBe(workshop.id);
    expect(await joinCodeOf(workshop)).toBe(newCode);

    // Both screens get the new code live; the phone joined before is still in and still adds cards.
    await vi.waitFor(() => expect(facilitator.state.joinCode).toBe(newCode));
    await vi.waitFor(() => expect(phone.state.joinCode).toBe(newCode));
    expect(phone.closeInfo).toBeUndefined();
    await phone.expectAck("card", { type: "addCard", cardId: "after", text: "Still here" });

    // A co-facilitator by key may rotate it too; the previous new code is then retired in turn.
    const again = await rotate(workshop, { facilitatorKey: workshop.facilitatorKey });
    expect(again.status).toBe(200);
    expect((await join(newCode)).status).toBe(404);
    expect((await join(oldCode)).status).toBe(404);
    expect((await join(again.body.joinCode)).body.workshopId).toBe(workshop.id);
  });

  it("leaves only the last code open when two rotations cross", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Two clicks");
    const first = await joinCodeOf(workshop);
    const answers = await Promise.all([rotate(workshop, live.server.session), rotate(workshop, live.server.session)]);
    const current = await joinCodeOf(workshop);
    const opening = [];
    for (const code of [first, ...answers.map((answer) => answer.body.joinCode)]) {
      if ((await join(code)).status === 200) opening.push(code);
    }
    expect(opening).toEqual([current]);
  });

  it("is refused to anyone but the workshop's facilitators", async () => {
    const workshop = await createWorkshop(live.server.baseUrl, live.server.session, "Not yours");
    const code = await joinCodeOf(workshop);
    expect((await rotate(workshop, undefined)).status).toBe(403);
    expect((await join(code)).body.workshopId).toBe(workshop.id);
  });
});
