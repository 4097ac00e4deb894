import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command, Phase } from "../../src/core/index.js";
import { type Cell, COMMANDS, ROLES, type Role } from "../support/authorizationTable.js";
import { type CreatedWorkshop, createWorkshop, signUp, startTestServer, type TestServer } from "../support/server.js";
import { connectClient, openClient, type TestClient } from "../support/wsClient.js";

// Every WebSocket command against every role, as the authorization table says
// (test/support/authorizationTable.ts): each tried in a room set up so that it has something to act on.

let server: TestServer;
/** Another facilitator's session, and their own workshop. */
let other: string;
let theirs: CreatedWorkshop;

beforeAll(async () => {
  server = await startTestServer();
  other = await signUp(server.baseUrl);
  theirs = await createWorkshop(server.baseUrl, other, "Theirs");
});
afterAll(async () => {
  await server?.stop();
});

describe("the authorization table over the WebSocket", () => {
  const clients: TestClient[] = [];
  const track = <T extends TestClient>(client: T) => {
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  /**
   * A workshop in `phase` where every command has something to act on: two columns with a card
   * each, a table T1 with a round r1, the room's participant joined at T1, invited to co-write,
   * with a card "pc" of their own (and, naming, a proposal "pp"); voting open in prioritize.
   */
  async function room(phase: Phase, rounds: boolean) {
    const created = await createWorkshop(server.baseUrl, server.session, `Table ${phase}`);
    const key = created.facilitatorKey;
    const setup = track(
      await connectClient({ wsUrl: server.wsUrl, workshopId: created.id, role: "facilitator", facilitatorKey: key }),
    );
    const phone = track(
      await connectClient({
        wsUrl: server.wsUrl,
        workshopId: created.id,
        role: "participant",
        participantId: `phone-${created.id}`,
      }),
    );
    const steps: Command[] = [
      { type: "setPhase", phase: "brainstorm" },
      { type: "updateSettings", patch: { participantsMayMoveCards: true, useTables: true } },
      { type: "addTable", tableId: "T1", name: "One" },
      { type: "createTheme", themeId: "t1" },
      { type: "createTheme", themeId: "t2" },
      { type: "addCard", cardId: "fc", text: "Facilitator's", themeId: "t1" },
      { type: "addCard", cardId: "fc2", text: "Another", themeId: "t2" },
    ];
    for (const [at, step] of steps.entries()) await setup.expectAck(`setup-${at}`, step);
    await phone.expectAck("join", { type: "joinWorkshop", name: "Pat", tableId: "T1" });
    await phone.expectAck("pc", { type: "addCard", cardId: "pc", text: "Mine" });
    await setup.expectAck("writer", { type: "setWriter", participantId: phone.actorId, writer: true });
    if (rounds) {
      await setup.expectAck("rounds", { type: "updateSettings", patch: { brainstormMode: "rounds" } });
      await setup.expectAck("r1", { type: "startRound", roundId: "r1", prompt: "", perTable: null });
    }
    if (phase !== "brainstorm") await setup.expectAck("phase", { type: "setPhase", phase });
    if (phase === "name")
      await phone.expectAck("pp", { type: "proposeName", proposalId: "pp", themeId: "t1", text: "Idea" });
    if (phase === "prioritize") await setup.expectAck("open", { type: "openVoting" });
    return { created, phone };
  }

  /** Another workshop, where the other participant joined. */
  async function elsewhere() {
    const created = await createWorkshop(server.baseUrl, other, "Elsewhere");
    const phone = track(
      await connectClient({
        wsUrl: server.wsUrl,
        workshopId: created.id,
        role: "participant",
        participantId: `away-${created.id}`,
      }),
    );
    await phone.expectAck("join", { type: "joinWorkshop", name: "Away" });
    return phone;
  }

  /** The role's connection to the workshop, or undefined when the server turns it away at hello. */
  async function connectAs(role: Role, created: CreatedWorkshop, phone: TestClient): Promise<TestClient | undefined> {
    const base = { wsUrl: server.wsUrl, workshopId: created.id };
    const hello = async (client: TestClient) => {
      const outcome = await Promise.race([client.ready().then(() => "welcome"), client.closed.then(() => "closed")]);
      return outcome === "welcome" ? client : undefined;
    };
    switch (role) {
      case "owner":
        return hello(track(await openClient({ ...base, role: "facilitator", headers: { cookie: server.session } })));
      case "coFacilitator":
        return hello(track(await openClient({ ...base, role: "facilitator", facilitatorKey: created.facilitatorKey })));
      case "otherFacilitator":
        return hello(
          track(
            await openClient({
              ...base,
              role: "facilitator",
              facilitatorKey: theirs.facilitatorKey,
              headers: { cookie: other },
            }),
          ),
        );
      case "anonymous":
        return hello(track(await openClient({ ...base, role: "facilitator" })));
      case "participant":
        return phone;
      case "otherParticipant":
        return undefined;
    }
  }

  for (const [type, { phase, command, who }] of Object.entries(COMMANDS)) {
    it(`${type} (in ${phase}): ${ROLES.map((role) => `${role} ${who[role]}`).join(", ")}`, async () => {
      const { created, phone } = await room(phase, type === "submitTableCards" || type === "revealRound");
      // Those who should be refused go first, so that nothing the allowed do changes their answer.
      const order = [...ROLES].sort((a, b) => Number(who[a] === "allow") - Number(who[b] === "allow"));
      for (const role of order) {
        const before = (await server.service.get(created.id)).seq;
        const sent = command(phone.actorId, role);
        let outcome: Cell;
        if (role === "otherParticipant") {
          // A phone's connection is bound to the workshop it said hello to: the same command from a
          // participant of another workshop acts there, never here.
          const away = await elsewhere();
          await away.send(`${type}-${role}`, sent);
          outcome = (await server.service.get(created.id)).seq > before ? "allow" : "deny";
        } else {
          const client = await connectAs(role, created, phone);
          if (!client) outcome = "deny";
          else {
            const answer = await client.send(`${type}-${role}`, sent);
            outcome = answer.type === "error" && answer.code === "forbidden" ? "deny" : "allow";
          }
        }
        expect(outcome, `${type} as ${role}`).toBe(who[role]);
      }
    }, 60_000);
  }
});
