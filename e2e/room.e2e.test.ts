import { describe } from "vitest";
import { HAS_REFERENCE_EXAMPLE, needsReferenceExample } from "../test/support/server.js";
import { browserAvailable } from "./support/browser.js";
import { buildTheBoard } from "./support/roomBoard.js";
import { continueToTheEnd } from "./support/roomEnd.js";
import { dropTheConnection } from "./support/roomOffline.js";
import { scenarioSteps } from "./support/scenarioSteps.js";
import { withServerAndBrowser } from "./support/serverAndBrowser.js";

/**
 * The live room in real Chromium against a real `concord serve`: a facilitator's console, three
 * participants on their own devices and the projector, each in its own browser context, from the
 * first card to the exported report and the replay.
 */
describe.skipIf(!browserAvailable())("the live room in Chromium", () => {
  const started = withServerAndBrowser();
  const steps = () => scenarioSteps(() => started.server.output());

  describe.skipIf(!HAS_REFERENCE_EXAMPLE)(
    needsReferenceExample(
      "scenario 1: a room of four brings in the example's 30 cards, clusters, names, resolves and prioritizes them",
    ),
    () => {
      const step = steps();
      const room = buildTheBoard(step, started);
      // The same room, on the same pages, carries on to the end of the workshop.
      continueToTheEnd(step, room);
    },
  );

  describe("scenario 2: a participant's connection drops mid-brainstorm", () => {
    dropTheConnection(steps(), started);
  });
});
