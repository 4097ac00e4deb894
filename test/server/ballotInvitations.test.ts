import { describe, expect, it, vi } from "vitest";
import type { VoterBallot } from "../../src/core/index.js";
import { smtpMailer } from "../../src/server/ballots/invitations.js";
import { inviteOn, linkToken, openBallotOn } from "../support/ballots.js";
import { withFixtureServer } from "../support/fixtureServer.js";
import { requestJson } from "../support/server.js";
import { withSmtpRelay } from "../support/smtpRelay.js";

const relay = withSmtpRelay();
const fixture = withFixtureServer(() => ({ mailer: smtpMailer(relay.url, "Concord <ballots@concord.test>") }));

describe("ballot invitations by email (SMTP_URL)", () => {
  it("sends each invitee with an address their own link, which opens their ballot", async () => {
    const { server, workshop } = fixture;
    const opened = await openBallotOn(server.baseUrl, workshop, { method: "rating" });
    const added = await inviteOn(
      server.baseUrl,
      workshop,
      opened.body.id,
      "name,email,group\nAnn Lee,ann@example.org,Members\nNo Mail,,Members\nBob,bob@example.org,Employers\n",
    );
    expect(added.status).toBe(201);
    expect(added.body.emailed).toBe(2);
    await vi.waitFor(() => expect(relay.received).toHaveLength(2));

    for (const address of ["ann@example.org", "bob@example.org"]) {
      const invitee = added.body.invitees.find((person) => person.email === address);
      const message = relay.received.find((mail) => mail.to.includes(address));
      if (!invitee || !message) throw new Error(`no invitation to ${address}`);
      // Quoted-printable may wrap long lines with "=\r\n": unwrap before looking for the link.
      const text = message.raw.replace(/=\r?\n/g, "");
      expect(text).toContain(invitee.link);
      expect(text).toMatch(/^From: Concord <ballots@concord\.test>/m);
      const others = added.body.invitees.filter((person) => person.link !== invitee.link);
      for (const other of others) expect(text).not.toContain(other.link);
      const ballot = await requestJson<VoterBallot>(server.baseUrl, "GET", `/api/vote/${linkToken(invitee.link)}`);
      expect(ballot.body.name).toBe(invitee.name);
    }
  });
});
