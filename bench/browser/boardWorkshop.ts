/**
 * The board bench's workshop: the big board of test/support/bigBoard.ts in the cluster phase,
 * imported over REST as the facilitator who then moves its cards.
 */
import { boardDocument } from "../../test/support/bigBoard.js";
import { type CreatedWorkshop, importWorkshop, requestJson, signUp } from "../../test/support/server.js";
import { connectClient, type TestClient } from "../../test/support/wsClient.js";

export interface BoardWorkshop {
  workshopId: string;
  facilitatorKey: string;
  joinCode: string;
  /** The facilitator's socket, which moves the cards; its replica follows the board. */
  facilitator: TestClient;
}

/** Imports the document into the server at `apiUrl` and opens its cluster phase. */
export async function prepareBoardWorkshop(apiUrl: string, wsUrl: string, cards: number): Promise<BoardWorkshop> {
  const session = await signUp(apiUrl);
  const created = await importWorkshop(apiUrl, session, boardDocument(cards));
  const facilitator = await connectClient({
    wsUrl,
    workshopId: created.id,
    role: "facilitator",
    facilitatorKey: created.facilitatorKey,
  });
  await facilitator.expectAck("bench-cluster", { type: "setPhase", phase: "cluster" });
  await warmSuggestions(apiUrl, created);
  return {
    workshopId: created.id,
    facilitatorKey: created.facilitatorKey,
    joinCode: facilitator.state.joinCode,
    facilitator,
  };
}

/**
 * The console asks the server for duplicate flags and "Fits" hints as it opens, and the server
 * embeds every card's text for them: tens of seconds of CPU at 2,000 cards on this machine,
 * shared with the browser under test. Asked here first, they are cached before any screen is
 * timed, as in a room where the console has been open since the brainstorm.
 */
async function warmSuggestions(apiUrl: string, workshop: CreatedWorkshop): Promise<void> {
  for (const kind of ["duplicates", "placements"]) {
    const path = `/api/workshops/${encodeURIComponent(workshop.id)}/suggestions/${kind}`;
    const answer = await requestJson(apiUrl, "GET", path, undefined, { facilitatorKey: workshop.facilitatorKey });
    if (answer.status !== 200) throw new Error(`${kind} suggestions answered ${answer.status}`);
  }
}
