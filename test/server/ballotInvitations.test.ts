import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BallotSummary, IssuedInvitee, VoterBallot } from "../../src/core/index.js";
import { smtpMailer } from "../../src/server/ballots/invitations.js";
import {
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  startTestServer,
  type TestServer,
} from "../support/server.js";

/** A message the in-process SMTP server took: its envelope and raw text. */
interface Received {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let server: TestServer;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  server = await startTestServer({ mailer: smtpMailer(`smtp://127.0.0.1:${port}`, "Concord <ballots@concord.test>") });
});
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe("ballot invitations by email (SMTP_URL)", () => {
  it("sends each invitee with an address their own link, which opens their ballot", async () => {
    const workshop = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "rating" },
      workshop,
    );
    const added = await requestJson<{ invitees: IssuedInvitee[]; emailed: number }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv: "name,email,group\nAnn Lee,ann@example.org,Members\nNo Mail,,Members\nBob,bob@example.org,Employers\n" },
      workshop,
    );
    expect(added.status).toBe(201);
    expect(added.body.emailed).toBe(2);
    await vi.waitFor(() => expect(received).toHaveLength(2));

    for (const address of ["ann@example.org", "bob@example.org"]) {
      const invitee = added.body.invitees.find((person) => person.email === address);
      const message = received.find((mail) => mail.to.includes(address));
      if (!invitee || !message) throw new Error(`no invitation to ${address}`);
      // Quoted-printable may wrap long lines with "=\r\n": unwrap before looking for the link.
      const text = message.raw.replace(/=\r?\n/g, "");
      expect(text).toContain(invitee.link);
      expect(text).toMatch(/^From: Concord <ballots@concord\.test>/m);
      const others = added.body.invitees.filter((person) => person.link !== invitee.link);
      for (const other of others) expect(text).not.toContain(other.link);
      const token = invitee.link.split("/").at(-1);
      const ballot = await requestJson<VoterBallot>(server.baseUrl, "GET", `/api/vote/${token}`);
      expect(ballot.body.name).toBe(invitee.name);
    }
  });
});
