import { describe, expect, it, vi } from "vitest";
import { smtpMailer } from "../../src/server/ballots/invitations.js";
import { inviteOn, openBallotOn } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";
import { withSmtpRelay } from "../support/smtpRelay.js";

/** How long the relay takes over each message: a throttling relay, or a large list on a slow one. */
const PER_MESSAGE_MS = 500;
const INVITEES = 12;

const relay = withSmtpRelay({ perMessageMs: PER_MESSAGE_MS });
// The list takes longer to send than the server waits on a silent connection.
const fixture = withFixtureServer(() => ({
  mailer: smtpMailer(relay.url, "Concord <ballots@concord.test>"),
  timeouts: { connectionMs: (INVITEES * PER_MESSAGE_MS) / 3 },
}));

describe("a list that takes the relay longer than a request may last", () => {
  it("answers with every link at once, then emails them all", async () => {
    const { server, workshop } = fixture;
    const opened = await openBallotOn(server.baseUrl, workshop, { method: "borda" });
    const people = Array.from({ length: INVITEES }, (_, index) => `Person ${index},p${index}@example.org,Members`);
    const added = await inviteOn(server.baseUrl, workshop, opened.body.id, `name,email,group\n${people.join("\n")}\n`);
    expect(added.status).toBe(201);
    expect(added.body.invitees).toHaveLength(INVITEES);
    expect(added.body.emailed).toBe(INVITEES);
    await vi.waitFor(() => expect(relay.received.flatMap((mail) => mail.to)).toHaveLength(INVITEES), {
      timeout: 20_000,
    });
  });
});
